using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Deliveries;

/// <summary>A migrated store with the default MX rules, one sending identity and a Running delivery to the given addresses.</summary>
internal static class DeliveryTestData
{
    public static async Task<long> SeedAsync(DataTestHost host, IEnumerable<string> addresses)
    {
        await host.MigrateAsync();
        await host.Services.GetRequiredService<MxRulesSeeder>().SeedAsync();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        db.SendingIdentities.Add(new SendingIdentityRow { PublicId = 1, SourceIp = "127.0.0.1", HeloName = "out.sender.test" });
        var now = host.Time.GetUtcNow().UtcDateTime;
        var delivery = new Delivery { Name = "Test", Status = DeliveryStatus.Running, FromAddress = "news@sender.test", Subject = "Hello",
            TextBody = "Hi there", ReturnPathDomain = "sender.test", CreatedUtc = now, StartedUtc = now };
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        foreach (var a in addresses)
            db.DeliveryRecipients.Add(new DeliveryRecipient { DeliveryId = delivery.Id, Address = a, AddressKey = a.ToLowerInvariant(), Domain = a[(a.IndexOf('@') + 1)..] });
        await db.SaveChangesAsync();
        return delivery.Id;
    }
}
