using MxPortal.Domain.MxRules;

namespace MxPortal.Cli.Deliveries;

/// <summary>
/// The benchmark harness's engine-neutral throttle file (MAX_CONN_PER_DEST, MAX_MSGS_PER_CONN,
/// MAX_MSGS_PER_HOUR_PER_DEST; 0 = unlimited) as MX rules: one shared rule per recipient domain, matching its MX
/// hosts (<c>*.domain</c>), so the limits apply to the destination as a whole, as the harness means them.
/// </summary>
internal sealed record ThrottleProfile(int MaxConnections, int MaxMessagesPerConnection, int MessagesPerHour)
{
    private const int Unlimited = 1_000_000_000;

    public static ThrottleProfile Read(string path)
    {
        var values = File.ReadAllLines(path)
            .Select(l => l.Split('#')[0].Trim()).Where(l => l.Contains('='))
            .ToDictionary(l => l[..l.IndexOf('=')].Trim(), l => int.Parse(l[(l.IndexOf('=') + 1)..].Trim()));
        int Get(string key) => values.TryGetValue(key, out var v) && v > 0 ? v : Unlimited;
        return new ThrottleProfile(Get("MAX_CONN_PER_DEST"), Get("MAX_MSGS_PER_CONN"), Get("MAX_MSGS_PER_HOUR_PER_DEST"));
    }

    public IReadOnlyList<MxRule> Rules(IEnumerable<string> domains) =>
        domains.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)
            .Select(d => Rule("*." + d, shared: true))
            .Append(Rule(MxRule.GenericMask, shared: false))
            .ToList();

    private MxRule Rule(string mask, bool shared) => new()
    {
        Mask = mask,
        Shared = shared,
        MaxConnections = MaxConnections,
        MaxMessagesPerConnection = MaxMessagesPerConnection,
        MessagesPerHour = MessagesPerHour,
        Tls = TlsMode.Disabled,
        Comment = "benchmark throttle profile",
    };
}
