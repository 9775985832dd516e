using MxPortal.Domain.Bounces;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sync;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// The content of a feed (docs/sync-api.md), validated whole: MX rules (a valid set, generic rule last), throughput
/// level factors, bounce rules (every regex compiled) and the suppression list. Rules are marked Synced.
/// </summary>
public sealed record RuleFeed(
    string Version,
    DateTime IssuedAtUtc,
    string Publisher,
    IReadOnlyList<MxRule> MxRules,
    IReadOnlyDictionary<ThroughputLevel, decimal> Factors,
    IReadOnlyList<BounceRule> BounceRules,
    IReadOnlyList<SuppressionEntry> Suppression);
