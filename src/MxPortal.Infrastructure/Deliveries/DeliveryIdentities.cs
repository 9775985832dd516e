using MxPortal.Infrastructure.Sending;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>The sending identities a delivery chose (none chosen: every enabled identity of the plan).</summary>
internal static class DeliveryIdentities
{
    public static SendingPlan Restrict(SendingPlan plan, Delivery? delivery)
    {
        var chosen = delivery is null ? [] : DeliveryDraft.IdentityIdsOf(delivery);
        return chosen.Count == 0 ? plan : plan with { Identities = [.. plan.Identities.Where(i => chosen.Contains(i.PublicId))] };
    }
}
