using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Import;
using MxPortal.Web.Tests.Security;

namespace MxPortal.Web.Tests.Endpoints;

/// <summary>GET /deliveries/{id}/recipients.csv over real HTTP: the page's filters, formula escaping, who may read it.</summary>
public sealed class RecipientsExportTests(RolePortalFixture portal) : IClassFixture<RolePortalFixture>
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "fixture"), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));

    private async Task<long> DeliveryAsync()
    {
        var services = portal.Factory.Services;
        var id = (await services.GetRequiredService<DeliveryService>().SaveDraftAsync(Admin, null, new DeliveryDraft
        {
            Name = "export",
            Settings = new DeliverySettings { SenderAddress = "news@shop.test", Subject = "Hello", TextBody = "Hi" },
        })).Id!.Value;
        using (var csv = new MemoryStream(Encoding.UTF8.GetBytes("email\n=cmd@evil.test\n+sum@evil.test\nok@fine.test\n")))
            await services.GetRequiredService<RecipientImporter>().ImportAsync(Admin, id, csv, csv.Length);
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.DeliveryRecipients.Where(r => r.DeliveryId == id && r.AddressKey == "ok@fine.test").ExecuteUpdateAsync(u => u
            .SetProperty(r => r.State, RecipientState.Deferred)
            .SetProperty(r => r.Attempts, 1)
            .SetProperty(r => r.LastAttemptUtc, new DateTime(2026, 11, 27, 9, 30, 0, DateTimeKind.Utc))
            .SetProperty(r => r.LastReply, "=HYPERLINK(\"http://evil.test\",\"421 try later\")"));
        return id;
    }

    private static List<string> Lines(string body) => body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    [Fact]
    public async Task Viewer_ExportsTheFilteredList_WithFormulaLookingCellsEscaped()
    {
        var id = await DeliveryAsync();
        using var client = await portal.ClientAsync("Viewer");

        var all = await client.GetAsync($"/deliveries/{id}/recipients.csv");
        var deferred = Lines(await client.GetStringAsync($"/deliveries/{id}/recipients.csv?state=Deferred"));
        var evil = Lines(await client.GetStringAsync($"/deliveries/{id}/recipients.csv?domain=EVIL.test&address=%3D"));

        Assert.Equal("text/csv; charset=utf-8", all.Content.Headers.ContentType!.ToString());
        Assert.Contains($"delivery-{id}-recipients-", all.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal([
            "address,domain,state,attempts,last_attempt_utc,next_attempt_utc,failure_type,failure_reason,last_reply",
            "'=cmd@evil.test,evil.test,Pending,0,,,,,",
            "'+sum@evil.test,evil.test,Pending,0,,,,,",
            "ok@fine.test,fine.test,Deferred,1,2026-11-27T09:30:00Z,,,,\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"421 try later\"\")\"",
        ], Lines(await all.Content.ReadAsStringAsync()));
        Assert.Equal(2, deferred.Count);
        Assert.StartsWith("ok@fine.test,", deferred[1]);
        Assert.Equal(["'=cmd@evil.test"], evil.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public async Task Anonymous_IsSentToTheLogin_AndAnUnknownDeliveryIsNotFound()
    {
        var id = await DeliveryAsync();
        using var anonymous = await portal.ClientAsync(null);
        using var viewer = await portal.ClientAsync("Viewer");

        var refused = await anonymous.GetAsync($"/deliveries/{id}/recipients.csv");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/Login", refused.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/deliveries/999999/recipients.csv")).StatusCode);
    }
}
