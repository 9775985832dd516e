using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>The seeded default rules, compiled once. Replaced by the stored rules when they exist.</summary>
public sealed class DefaultBounceRuleSource : IBounceRuleSource
{
    private readonly Lazy<BounceRuleSet> _rules = new(() => BounceRuleSet.Create(DefaultBounceRules.Create()));

    public Task<BounceRuleSet> CurrentAsync(CancellationToken ct) => Task.FromResult(_rules.Value);
}
