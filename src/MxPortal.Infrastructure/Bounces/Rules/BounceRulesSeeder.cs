using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Bounces.Rules;

/// <summary>
/// First run only: the default bounce rules (<see cref="DefaultBounceRules"/>, Synced as the publisher's baseline,
/// with keys derived from their names). Anything already stored is left alone, so it is safe at every start.
/// </summary>
public sealed class BounceRulesSeeder(IDbContextFactory<AppDbContext> contexts, AuditLog audit, TimeProvider time, ILogger<BounceRulesSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.BounceRules.AnyAsync(ct)) return;
        var now = time.GetUtcNow().UtcDateTime;
        var rules = BounceRuleSet.Create(DefaultBounceRules.Create()).ToRules();
        db.BounceRules.AddRange(rules.Select((rule, i) =>
        {
            var row = new BounceRuleRow
            {
                Key = BounceRuleKeys.ForPublished(rule.Name), Position = i, Source = rule.Source,
                CreatedUtc = now, UpdatedUtc = now, UpdatedBy = AuditLog.SystemActor,
            };
            row.SetFrom(rule);
            return row;
        }));
        audit.Add(db, AuditLog.SystemActor, "bouncerule.seed", "bounce rule set",
            $"before: none; after: {rules.Count} default rules ({string.Join(", ", rules.Select(r => r.Name))})");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} default bounce rules", rules.Count);
    }
}
