using Microsoft.EntityFrameworkCore;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;

namespace MxPortal.Infrastructure.Bounces.Events;

/// <summary>
/// Ties a bounce mail to the delivery and recipient it answers (DOMAIN.md §6): the VERP token of the return path,
/// else the X-MxPortal-Id of the returned message. Both carry <see cref="DeliveryMessageFactory.Token"/>; a token is
/// trusted only when that recipient of that delivery exists, so a forged or foreign token links nothing.
/// </summary>
public static class DeliveryCorrelation
{
    public static async Task<(long? DeliveryId, long? RecipientId)> FindAsync(AppDbContext db, string? verpToken, string? mxPortalId, CancellationToken ct)
    {
        foreach (var token in (string?[])[verpToken, mxPortalId])
        {
            if (!DeliveryMessageFactory.TryParseToken(token, out var deliveryId, out var recipientId)) continue;
            if (await db.DeliveryRecipients.AnyAsync(r => r.Id == recipientId && r.DeliveryId == deliveryId, ct)) return (deliveryId, recipientId);
        }
        return (null, null);
    }
}
