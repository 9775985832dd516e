using System.Collections.Frozen;
using System.Text;

namespace MxPortal.Infrastructure.Telemetry;

/// <summary>
/// Tag values: an enum value's name in snake case (<c>UserUnknown</c> → <c>user_unknown</c>), as OpenTelemetry attribute
/// values usually are. Built once per enum type, so the engine formats no enum and allocates no string per message.
/// </summary>
internal static class MetricValues
{
    public const string Sync = "sync";
    public const string Async = "async";

    public static string Of<T>(T value) where T : struct, Enum => Names<T>.Of(value);

    internal static string Snake(string pascal)
    {
        var s = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && s.Length > 0) s.Append('_');
            s.Append(char.ToLowerInvariant(c));
        }
        return s.ToString();
    }

    private static class Names<T> where T : struct, Enum
    {
        private static readonly FrozenDictionary<T, string> Map = Enum.GetValues<T>().ToFrozenDictionary(v => v, v => Snake(v.ToString()));

        public static string Of(T value) => Map.TryGetValue(value, out var name) ? name : "other";
    }
}
