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
    BounceClassifier Classifier)
{
    /// <summary>Deferrals that suspend a whole budget (reply-driven back-off).</summary>
    public BackoffRules Backoff { get; init; } = BackoffRules.Default;
}
