namespace MxPortal.Infrastructure.MxRules;

/// <summary>
/// The stored form of one MX rule. <see cref="Position"/> is its zero-based place in the rule set; durations are
/// whole seconds (the domain refuses anything finer) so both providers store plain integers.
/// </summary>
public sealed class MxRuleRow
{
    public int Id { get; set; }
    public int Position { get; set; }
    public string Mask { get; set; } = "";
    public string Identifiers { get; set; } = "";
    public bool Shared { get; set; }
    public int MaxConnections { get; set; }
    public int MaxMessagesPerConnection { get; set; }
    public int MessagesPerHour { get; set; }
    public long ConnectionTimeoutSeconds { get; set; }
    public long DataTimeoutSeconds { get; set; }
    public long TimeoutSeconds { get; set; }
    public int Tls { get; set; }
    public bool Enabled { get; set; }
    public int Source { get; set; }
    public string Comment { get; set; } = "";
}
