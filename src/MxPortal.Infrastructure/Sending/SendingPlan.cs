using MxPortal.Domain.Bounces;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;

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
    BounceClassifier Classifier);
