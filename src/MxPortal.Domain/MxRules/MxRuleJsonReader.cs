namespace MxPortal.Domain.MxRules;

// Note: turns one wire rule into an MxRule, adding an error for every missing or malformed field so the
// whole file is reported at once. Absent optional fields take the MxRule defaults.
internal static class MxRuleJsonReader
{
    private static readonly MxRule Defaults = new() { Mask = MxRule.GenericMask };

    /// <summary>
    /// The rule as read, with placeholders where a field failed (the error is already in
    /// <paramref name="errors"/>); null when the entry is not an object at all.
    /// </summary>
    public static MxRule? Read(int index, MxRuleJson? json, List<RuleError> errors)
    {
        if (json is null)
        {
            errors.Add(new RuleError(index, "?", "", "is null; expected a rule object."));
            return null;
        }
        var mask = json.Mask ?? "";
        void Add(string field, string message) => errors.Add(new RuleError(index, mask, field, message));

        if (json.Mask is null) Add("mask", "is missing.");
        return new MxRule
        {
            Mask = mask,
            Identifiers = json.Identifiers ?? "",
            Shared = json.Shared ?? false,
            MaxConnections = Required(json.MaxConnections, "maxConnections", Add),
            MaxMessagesPerConnection = Required(json.MaxMessagesPerConnection, "maxMessagesPerConnection", Add),
            MessagesPerHour = Required(json.MessagesPerHour, "messagesPerHour", Add),
            ConnectionTimeout = DurationOr(json.ConnectionTimeout, Defaults.ConnectionTimeout, "connectionTimeout", Add),
            DataTimeout = DurationOr(json.DataTimeout, Defaults.DataTimeout, "dataTimeout", Add),
            Timeout = DurationOr(json.Timeout, Defaults.Timeout, "timeout", Add),
            Tls = EnumOr(json.Tls, TlsMode.Default, "tls", Add),
            Enabled = json.Enabled ?? true,
            Source = EnumOr(json.Source, RuleSource.Local, "source", Add),
            Comment = json.Comment ?? "",
        };
    }

    private static int Required(int? value, string field, Action<string, string> add)
    {
        if (value is null) add(field, "is missing.");
        return value ?? 0;
    }

    private static TimeSpan DurationOr(string? text, TimeSpan fallback, string field, Action<string, string> add)
    {
        if (text is null) return fallback;
        if (Duration.TryParse(text, out var value)) return value;
        add(field, $"'{text}' is not a duration (write e.g. 10s, 4m, 1h, 1d).");
        return fallback;
    }

    private static T EnumOr<T>(string? text, T fallback, string field, Action<string, string> add) where T : struct, Enum
    {
        if (text is null) return fallback;
        if (!int.TryParse(text, out _) && Enum.TryParse<T>(text, ignoreCase: true, out var value)) return value;
        add(field, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
        return fallback;
    }
}
