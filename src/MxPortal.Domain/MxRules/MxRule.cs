namespace MxPortal.Domain.MxRules;

/// <summary>
/// One MX rule (DOMAIN.md §2): throttling and SMTP settings for every MX host whose name matches
/// <see cref="Mask"/>. Plain data so it can be persisted and serialized as-is; its natural key within a rule
/// set is the mask (unique) and its position is its index in <see cref="MxRuleSet.Rules"/>.
/// Value equality (a record) is what "export then import gives an identical rule set" is checked with.
/// </summary>
public sealed record MxRule
{
    public const string GenericMask = "*";

    /// <summary>Host-name mask with <c>*</c> and <c>?</c> wildcards, tested against the MX host name.</summary>
    public required string Mask { get; init; }

    /// <summary>Range of identifiers: <c>n</c>, <c>n1-n2</c> or a list; empty = every sending identity.</summary>
    public string Identifiers { get; init; } = "";

    /// <summary>True: one budget per (rule, identity). False: one budget per path (identity, remote IP).</summary>
    public bool Shared { get; init; }

    public int MaxConnections { get; init; } = 10;

    /// <summary>Messages sent on one connection before QUIT and reconnect; never scaled by the level.</summary>
    public int MaxMessagesPerConnection { get; init; } = 100;

    public int MessagesPerHour { get; init; } = 10_000;

    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait for the reply after the DATA content.</summary>
    public TimeSpan DataTimeout { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>Wait for the reply to every other SMTP step.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(1);

    public TlsMode Tls { get; init; } = TlsMode.Default;

    public bool Enabled { get; init; } = true;

    public RuleSource Source { get; init; } = RuleSource.Local;

    public string Comment { get; init; } = "";

    public bool IsGeneric => Mask.Trim() == GenericMask;
}
