using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Web.Components.Pages.Deliveries;

namespace MxPortal.Web.Tests.Pages.Deliveries;

public sealed class RecipientsPageTests
{
    private static async Task<long> SeedAsync(PortalComponentContext ctx)
    {
        await using var db = await ctx.Bunit.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var delivery = new Delivery { Name = "Winter sale", Status = DeliveryStatus.Running, FromAddress = "news@shop.test", Subject = "Sale",
            ReturnPathDomain = "shop.test", CreatedUtc = DateTime.UtcNow, Total = 3, SentCount = 1, FailedCount = 1 };
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        DeliveryRecipient Recipient(string address, RecipientState state) => new()
        {
            DeliveryId = delivery.Id, Address = address, AddressKey = address.ToLowerInvariant(), Domain = address[(address.IndexOf('@') + 1)..], State = state,
        };
        db.DeliveryRecipients.AddRange(
            Recipient("ann@gmail.test", RecipientState.Sent),
            Recipient("gone@yahoo.test", RecipientState.Failed),
            Recipient("late@yahoo.test", RecipientState.Deferred));
        await db.SaveChangesAsync();
        var gone = await db.DeliveryRecipients.SingleAsync(r => r.AddressKey == "gone@yahoo.test");
        (gone.Attempts, gone.FailureType, gone.FailureReason, gone.LastReply) = (1, FailureType.Hard, FailureReason.UserUnknown, "550 5.1.1 User unknown");
        var record = QuarantineRecord.Create("gone@yahoo.test");
        record.Status = AddressStatus.Quarantine;
        db.QuarantineRecords.Add(record);
        await db.SaveChangesAsync();
        return delivery.Id;
    }

    private static IReadOnlyList<string> Addresses(IRenderedComponent<RecipientsPage> page) =>
        page.FindAll("td.recipient-address").Select(td => td.TextContent.Replace("Quarantine", "").Trim()).ToList();

    [Fact]
    public async Task Page_ListsTheRecipientsWithStateChips_LinksQuarantinedAddresses_AndFiltersByAChip()
    {
        await using var ctx = await PortalComponentContext.CreateAsync("viewer@example.test", "viewer-id", Roles.Viewer);
        var id = await SeedAsync(ctx);

        var page = ctx.Bunit.Render<RecipientsPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal(["ann@gmail.test", "gone@yahoo.test", "late@yahoo.test"], Addresses(page)));
        Assert.Contains("3 recipients", page.Find("#r-total").TextContent);
        Assert.Contains("Sent · 1", page.Find("[data-state='Sent']").TextContent);
        Assert.Contains("Deferred · 1", page.Find("[data-state='Deferred']").TextContent);
        var link = Assert.Single(page.FindAll("a.quarantine-link"));
        Assert.Equal("/quarantine/gone%40yahoo.test", link.GetAttribute("href"));
        Assert.Contains("Hard / User unknown", page.Markup);
        Assert.Equal($"/deliveries/{id}/recipients.csv", page.Find("#recipients-export").GetAttribute("href"));

        await page.Find("[data-state='Deferred']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(["late@yahoo.test"], Addresses(page)));
        Assert.Equal($"/deliveries/{id}/recipients.csv?state=Deferred", page.Find("#recipients-export").GetAttribute("href"));
    }

    [Fact]
    public async Task QueryParameters_PresetTheFilters()
    {
        await using var ctx = await PortalComponentContext.CreateAsync("viewer@example.test", "viewer-id", Roles.Viewer);
        var id = await SeedAsync(ctx);
        ctx.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo($"/deliveries/{id}/recipients?domain=YAHOO.test&type=hard");

        var page = ctx.Bunit.Render<RecipientsPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal(["gone@yahoo.test"], Addresses(page)));
        Assert.Equal($"/deliveries/{id}/recipients.csv?domain=YAHOO.test&type=Hard", page.Find("#recipients-export").GetAttribute("href"));
    }

    [Fact]
    public async Task UnknownDelivery_SaysSo()
    {
        await using var ctx = await PortalComponentContext.CreateAsync("viewer@example.test", "viewer-id", Roles.Viewer);

        var page = ctx.Bunit.Render<RecipientsPage>(p => p.Add(x => x.Id, 4242));

        page.WaitForAssertion(() => Assert.Contains("Delivery 4242 does not exist.", page.Find("#delivery-missing").TextContent));
    }
}
