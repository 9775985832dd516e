namespace MxPortal.Domain.MxRules;

/// <summary>
/// The effective limits of one quota pool at the identity's throughput level. Connections and messages per
/// hour are counted per <see cref="Key"/>; timeouts and TLS come from <see cref="Rule"/> unchanged.
/// </summary>
public sealed record MxBudget(
    BudgetKey Key,
    MxRule Rule,
    int RuleIndex,
    ThroughputLevel Level,
    int MaxConnections,
    int MessagesPerConnection,
    int MessagesPerHour,
    int MessagesPerSlice);
