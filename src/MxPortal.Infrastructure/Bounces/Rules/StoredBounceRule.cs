using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces.Rules;

/// <summary>One stored bounce rule as pages and exports see it: a copy, editing it changes nothing stored.</summary>
public sealed record StoredBounceRule(Guid Key, int Position, BounceRule Rule, DateTime CreatedUtc, DateTime UpdatedUtc, string UpdatedBy)
{
    public bool IsSynced => Rule.Source == BounceRuleSource.Synced;

    public static StoredBounceRule From(BounceRuleRow row) =>
        new(row.Key, row.Position, row.ToRule(), row.CreatedUtc, row.UpdatedUtc, row.UpdatedBy);
}
