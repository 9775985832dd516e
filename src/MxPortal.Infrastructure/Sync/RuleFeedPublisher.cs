using Microsoft.EntityFrameworkCore;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// The publisher's side of <c>GET /api/v1/rules</c>: its own MX rules, level factors, bounce rules and suppression list
/// as one signed feed document. Built per request (a few hundred rules), so an edit is served at once.
/// </summary>
public sealed class RuleFeedPublisher(MxRuleStore mxRules, ThroughputStore throughput, BounceRuleStore bounceRules,
    IDbContextFactory<AppDbContext> contexts, SigningKeyStore keys, TimeProvider time)
{
    public async Task<PublishedFeed> BuildAsync(string publisher, CancellationToken ct = default)
    {
        var rules = await mxRules.LoadAsync(ct);
        var levels = await throughput.GetLevelsAsync(ct);
        var bounces = (await bounceRules.ListAsync(ct)).Select(r => r.Rule);
        List<SuppressionEntryRow> suppression;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            suppression = await db.SuppressionEntries.AsNoTracking().ToListAsync(ct);

        var (version, payload) = RuleFeedJson.Write(publisher, time.GetUtcNow().UtcDateTime, rules, levels, bounces,
            suppression.Select(s => s.ToDomain()));
        var key = await keys.GetAsync(ct);
        return new PublishedFeed(version, payload, FeedSignature.Sign(key.Key, payload), key.KeyId);
    }
}
