using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Sending;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>Reads the rules a run sends under from the stores the portal edits.</summary>
public sealed class SendingPlanLoader(MxRuleStore rules, ThroughputStore throughput, SendingIdentityStore identities, IBounceRuleSource bounceRules)
{
    public async Task<SendingPlan> LoadAsync(CancellationToken ct) => new(
        await rules.LoadAsync(ct),
        await throughput.GetLevelsAsync(ct),
        await throughput.GetAsync(ct),
        (await identities.ListAsync(ct)).Where(i => i.Enabled).ToList(),
        new BounceClassifier(await bounceRules.CurrentAsync(ct)));
}
