using MxPortal.Domain.Bounces;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending;

/// <summary>
/// The rules a delivery run sends under, loaded once per run: MX rules, throughput, identities and the bounce
/// classifier. A rule change applies from the next run (a run is a batch, minutes at most).
/// </summary>
public sealed record SendingPlan(
    MxRuleSet Rules,
    ThroughputLevels Levels,
    ThroughputSettings Throughput,
    IReadOnlyList<SendingIdentity> Identities,
    Lazy<BounceClassifier> LazyClassifier)
{
    public SendingPlan(MxRuleSet rules, ThroughputLevels levels, ThroughputSettings throughput, IReadOnlyList<SendingIdentity> identities,
        BounceClassifier classifier) : this(rules, levels, throughput, identities, new Lazy<BounceClassifier>(classifier))
    {
    }

    /// <summary>Qualifies failed replies. Built at the first failure: a run where every message is accepted never compiles the rules.</summary>
    public BounceClassifier Classifier => LazyClassifier.Value;

    /// <summary>Deferrals that suspend a whole budget (reply-driven back-off).</summary>
    public BackoffRules Backoff { get; init; } = BackoffRules.Default;
}
