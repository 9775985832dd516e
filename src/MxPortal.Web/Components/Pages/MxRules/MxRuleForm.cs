using MxPortal.Domain.MxRules;

namespace MxPortal.Web.Components.Pages.MxRules;

/// <summary>
/// The editable form of a rule: durations as the text people type (<c>10s</c>, <c>4m</c>), turned into an
/// <see cref="MxRule"/> only when every field parses. Field keys are the <see cref="MxRule"/> property names, the
/// same names the domain validator reports, so both kinds of error land on the same field.
/// </summary>
public sealed class MxRuleForm
{
    public string Mask { get; set; } = "";
    public string Identifiers { get; set; } = "";
    public bool Shared { get; set; }
    public int MaxConnections { get; set; } = 10;
    public int MaxMessagesPerConnection { get; set; } = 100;
    public int MessagesPerHour { get; set; } = 10_000;
    public string ConnectionTimeout { get; set; } = "10s";
    public string DataTimeout { get; set; } = "4m";
    public string Timeout { get; set; } = "1m";
    public TlsMode Tls { get; set; } = TlsMode.Default;
    public bool Enabled { get; set; } = true;
    public RuleSource Source { get; set; } = RuleSource.Local;
    public string Comment { get; set; } = "";

    public static MxRuleForm From(MxRule r) => new()
    {
        Mask = r.Mask,
        Identifiers = r.Identifiers,
        Shared = r.Shared,
        MaxConnections = r.MaxConnections,
        MaxMessagesPerConnection = r.MaxMessagesPerConnection,
        MessagesPerHour = r.MessagesPerHour,
        ConnectionTimeout = Duration.Format(r.ConnectionTimeout),
        DataTimeout = Duration.Format(r.DataTimeout),
        Timeout = Duration.Format(r.Timeout),
        Tls = r.Tls,
        Enabled = r.Enabled,
        Source = r.Source,
        Comment = r.Comment,
    };

    /// <summary>The rule, or null with a message per field that does not parse.</summary>
    public MxRule? ToRule(IDictionary<string, string> errors)
    {
        var connect = Parse(ConnectionTimeout, nameof(MxRule.ConnectionTimeout), errors);
        var data = Parse(DataTimeout, nameof(MxRule.DataTimeout), errors);
        var other = Parse(Timeout, nameof(MxRule.Timeout), errors);
        if (connect is null || data is null || other is null) return null;
        return new MxRule
        {
            Mask = (Mask ?? "").Trim(),
            Identifiers = (Identifiers ?? "").Trim(),
            Shared = Shared,
            MaxConnections = MaxConnections,
            MaxMessagesPerConnection = MaxMessagesPerConnection,
            MessagesPerHour = MessagesPerHour,
            ConnectionTimeout = connect.Value,
            DataTimeout = data.Value,
            Timeout = other.Value,
            Tls = Tls,
            Enabled = Enabled,
            Source = Source,
            Comment = (Comment ?? "").Trim(),
        };
    }

    private static TimeSpan? Parse(string? text, string field, IDictionary<string, string> errors)
    {
        if (Duration.TryParse(text, out var value)) return value;
        errors[field] = $"'{text}' is not a duration: write a whole number and s, m, h or d (e.g. 10s, 4m, 1h, 1d).";
        return null;
    }
}
