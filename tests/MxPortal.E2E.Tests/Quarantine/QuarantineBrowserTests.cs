using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Domain.Sending;
using MxPortal.E2E.Tests.Hosting;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Identity;
using MxPortal.Infrastructure.Sending;
using MxPortal.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace MxPortal.E2E.Tests.Quarantine;

/// <summary>
/// The quarantine as a team uses it, in Debian's Chromium against the real portal: bounces recorded by the delivery
/// store, an Operator who releases, a Viewer who only reads (and is refused when posting anyway), a filtered export.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QuarantineBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Password = "Team-Pass-2026";
    private const string OperatorEmail = "operator.e2e@example.test", ViewerEmail = "viewer.e2e@example.test";
    private readonly BrowserPortal _portal = new();

    public async Task InitializeAsync()
    {
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "fixture"), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));
        var users = _portal.Services.GetRequiredService<UserAdministration>();
        await users.CreateAsync(admin, OperatorEmail, Password, [Roles.Operator]);
        await users.CreateAsync(admin, ViewerEmail, Password, [Roles.Viewer]);
        await SendAsync(new()
        {
            ["gone@e2e.test"] = "550 5.1.1 <gone@e2e.test>: Recipient address rejected: User unknown",
            ["full@e2e.test"] = "452 4.2.2 Mailbox full: user is over quota",
            ["kept@other.test"] = "550 5.1.1 <kept@other.test>: Recipient address rejected: User unknown",
        });
    }

    [Fact]
    public async Task Operator_FindsTheAddressInTheBounceLog_ReleasesItWithAReason_AndSeesItInTheHistoryAndTheAuditLog()
    {
        var page = await SignedInAsync(OperatorEmail, Password, "/bounce-log");
        await page.FillAsync("#b-address", "gone@e2e.test");
        await page.ClickAsync("#b-apply");
        var row = page.Locator("#bounce-log tbody tr", new() { HasText = "gone@e2e.test" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("User unknown");
        await Expect(row).ToContainTextAsync("E2E delivery");

        await row.Locator(".address-link").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/quarantine/gone"));
        await BrowserPortal.WaitForCircuitAsync(page);
        await Expect(page.Locator("#address-status")).ToHaveTextAsync("Quarantine");
        await Expect(page.Locator("#address-history")).ToContainTextAsync("550 5.1.1");
        await page.ClickAsync("#release-address");
        await page.ClickAsync("#confirm-release");
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("A reason is required.");
        await page.FillAsync("#release-reason", "Customer confirmed the new mailbox");
        await page.ClickAsync("#confirm-release");

        var history = page.Locator("#address-history");
        await Expect(history).ToContainTextAsync("Customer confirmed the new mailbox");
        await Expect(history).ToContainTextAsync(OperatorEmail);
        await Expect(page.Locator("#address-status")).ToHaveTextAsync("Valid");
        await Expect(page.Locator("#release-address")).ToHaveCountAsync(0);

        var admin = await SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword, "/audit");
        var entry = admin.Locator("#audit-grid tr", new() { HasText = "quarantine.release" });
        await Expect(entry).ToContainTextAsync(OperatorEmail);
        await Expect(entry).ToContainTextAsync("gone@e2e.test");
        await Expect(entry).ToContainTextAsync("Customer confirmed the new mailbox");
    }

    [Fact]
    public async Task Viewer_ReadsTheSamePagesWithoutTheReleaseAction_AndIsRefusedWhenPostingAnyway()
    {
        var page = await SignedInAsync(ViewerEmail, Password, "/bounce-log");
        await Expect(page.Locator("#bounce-log tbody tr", new() { HasText = "kept@other.test" })).ToHaveCountAsync(1);
        await page.GotoAsync(_portal.Url("/quarantine/kept@other.test"));
        await BrowserPortal.WaitForCircuitAsync(page);
        await Expect(page.Locator("#address-status")).ToHaveTextAsync("Quarantine");
        await Expect(page.Locator("#address-history")).ToContainTextAsync("550 5.1.1");
        await Expect(page.Locator("#release-address")).ToHaveCountAsync(0);
        await page.GotoAsync(_portal.Url("/quarantine"));
        await BrowserPortal.WaitForCircuitAsync(page);
        await Expect(page.Locator("#quarantine-grid")).ToContainTextAsync("kept@other.test");
        await Expect(page.Locator("#release-selected")).ToHaveCountAsync(0);

        // Posting the release form anyway, with the Viewer's own cookie and a valid antiforgery token.
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var response = await page.Context.APIRequest.PostAsync(_portal.Url("/quarantine/release"), new()
        {
            Form = page.Context.APIRequest.CreateFormData()
                .Append("__RequestVerificationToken", token!).Append("address", "kept@other.test").Append("reason", "I can't, can I?"),
        });

        Assert.Equal(403, response.Status);
        Assert.Equal(AddressStatus.Quarantine, await StatusAsync("kept@other.test"));
    }

    [Fact]
    public async Task ExportOfAFilteredList_DownloadsACsvWithTheExpectedRows()
    {
        var page = await SignedInAsync(ViewerEmail, Password, "/quarantine");
        await page.FillAsync("#q-domain", "e2e.test");
        await page.ClickAsync("#q-apply");
        await Expect(page.Locator("#quarantine-grid tbody tr")).ToHaveCountAsync(2);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#quarantine-export"));
        var path = await download.PathAsync();

        var lines = (await File.ReadAllLinesAsync(path!)).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("address,domain,status,", lines[0], StringComparison.Ordinal);
        Assert.Equal(["full@e2e.test,e2e.test,WithErrors", "gone@e2e.test,e2e.test,Quarantine"],
            lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(3))).Order());
    }

    private async Task<IPage> SignedInAsync(string email, string password, string path)
    {
        var page = await _portal.NewPageAsync(browser.Browser);
        await _portal.SignInAsync(page, email, password, path);
        await page.WaitForURLAsync(_portal.Url(path));
        await BrowserPortal.WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Records one failed attempt per address through the delivery store, as a run would.</summary>
    private async Task SendAsync(Dictionary<string, string> replies)
    {
        var contexts = _portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        long id;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var delivery = new Delivery { Name = "E2E delivery", Status = DeliveryStatus.Running, FromAddress = "news@sender.test",
                Subject = "Hi", TextBody = "Hi", ReturnPathDomain = "sender.test", CreatedUtc = DateTime.UtcNow, StartedUtc = DateTime.UtcNow };
            db.Deliveries.Add(delivery);
            await db.SaveChangesAsync();
            id = delivery.Id;
            db.DeliveryRecipients.AddRange(replies.Keys.Select(a => new DeliveryRecipient
                { DeliveryId = id, Address = a, AddressKey = a, Domain = a[(a.IndexOf('@') + 1)..] }));
            await db.SaveChangesAsync();
        }
        var store = _portal.Services.GetRequiredService<DeliveryStore>();
        var classifier = new BounceClassifier(BounceRuleSet.Create(DefaultBounceRules.Create()));
        var batch = await store.ClaimAsync(id, 10, TimeSpan.FromMinutes(5), "e2e");
        await store.RecordAsync(id, batch.Select(r => new AttemptRecord(new OutgoingMessage(r.Id, r.Address, "b@sender.test", MessageContent.From(new MimeMessage())),
            AttemptOutcome.From(new SmtpFailure(SmtpStage.RcptTo, int.Parse(replies[r.Address][..3], System.Globalization.CultureInfo.InvariantCulture), replies[r.Address]), classifier),
            DateTime.UtcNow, "mx.e2e.test")).ToList());
    }

    private async Task<AddressStatus> StatusAsync(string address)
    {
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (await db.QuarantineRecords.SingleAsync(r => r.Address == address)).Status;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
