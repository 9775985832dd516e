using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.E2E.Tests.Hosting;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Bounces.Qualification;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Identity;
using MxPortal.TestSupport.Mail;
using static Microsoft.Playwright.Assertions;

namespace MxPortal.E2E.Tests.Bounces;

/// <summary>
/// Bounce qualification as a Deliverability user works it, in Chromium against the real portal: the rule tester,
/// then the qualification table filled by the real bounce recorder (DSNs whose texts no rule knows).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BounceQualificationBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Password = "Team-Pass-2026";
    private const string Email = "deliverability.e2e@example.test";
    private BrowserPortal _portal = default!;

    public async Task InitializeAsync()
    {
        _portal = new BrowserPortal();
        var actor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "e2e"), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));
        var created = await _portal.Services.GetRequiredService<UserAdministration>().CreateAsync(actor, Email, Password, [Roles.Deliverability]);
        Assert.True(created.Succeeded);

        var contexts = _portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var mailbox = new BounceMailbox { Name = "returns", Host = "127.0.0.1", Port = 110, UserName = "returns" };
        db.BounceMailboxes.Add(mailbox);
        await db.SaveChangesAsync();
        var recorder = _portal.Services.GetRequiredService<BounceMailRecorder>();
        string[] texts =
        [
            "550 5.0.0 zorblax quibble for <a1@example.test> ref 12345",
            "550 5.0.0 zorblax quibble for <a2@example.test> ref 67890",
            "550 5.0.0 zorblax quibble again, host mx7.example.test",
            "550 5.0.0 wibble wobble",
        ];
        for (var i = 0; i < texts.Length; i++)
        {
            var outcome = await recorder.RecordAsync(mailbox.Id, 1, $"{i}", DsnMail.Create($"<dsn-{i}@mx.test>", $"a{i}@example.test", "5.0.0", texts[i]), default);
            Assert.Equal(ProcessedMailOutcome.Recorded, outcome);
        }
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<IPage> SignedInAsync(string path)
    {
        var page = await _portal.NewPageAsync(browser.Browser);
        await _portal.SignInAsync(page, Email, Password, path);
        await page.WaitForURLAsync(_portal.Url(path));
        await BrowserPortal.WaitForCircuitAsync(page);
        return page;
    }

    [Fact]
    public async Task Tester_QualifiesABounceMailLargerThanTheDefaultCircuitMessage_WithoutLosingTheCircuit()
    {
        // Note: a newsletter returned in full is easily over 32 KB, SignalR's default limit for one message from the browser.
        var original = new StringBuilder("--b1\r\nContent-Type: message/rfc822\r\n\r\nFrom: news@sender.test\r\nSubject: This week\r\n\r\n");
        for (var i = 0; original.Length < 40_000; i++) original.Append("<p>Line ").Append(i).Append(" of this week's newsletter.</p>\r\n");
        var dsn = Encoding.UTF8.GetString(DsnMail.Create("<dsn-big@mx.test>", "jane@example.com", "5.1.1",
            "550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown in virtual mailbox table"));
        var mail = dsn.Replace("--b1--", original + "--b1--", StringComparison.Ordinal);
        var page = await SignedInAsync("/bounce-rules/test");

        await page.Locator("#tester-input").FillAsync(mail);
        await page.ClickAsync("#tester-run");

        await Expect(page.Locator(".tester-type")).ToHaveTextAsync("Hard");
        await Expect(page.Locator(".tester-reason")).ToHaveTextAsync("User unknown");
    }

    [Fact]
    public async Task Deliverability_TestsAReply_QualifiesARow_AndCreatesARuleWhosePreviewCountIsWhatIsApplied()
    {
        const string reply = "550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown in virtual mailbox table";
        var expected = new BounceClassifier(await _portal.Services.GetRequiredService<IBounceRuleSource>().CurrentAsync(default)).Classify(reply);
        var page = await SignedInAsync("/bounce-rules/test");
        await page.Locator("#tester-input").FillAsync(reply);
        await page.ClickAsync("#tester-run");
        await Expect(page.Locator(".tester-type")).ToHaveTextAsync("Hard");
        await Expect(page.Locator(".tester-reason")).ToHaveTextAsync("User unknown");
        await Expect(page.Locator(".tester-decider")).ToHaveTextAsync(expected.Decider);

        await page.GotoAsync(_portal.Url("/qualification"));
        await BrowserPortal.WaitForCircuitAsync(page);
        await Expect(page.Locator(".qualification-row")).ToHaveCountAsync(3);
        await page.Locator(".qualification-row", new() { HasTextString = "wibble" }).Locator(".qualify-row").ClickAsync();
        await page.ClickAsync("#qualify-save");
        await Expect(page.Locator(".qualification-row")).ToHaveCountAsync(2);

        await page.Locator(".qualification-row", new() { HasTextString = "ref #xxx#" }).Locator(".create-rule").ClickAsync();
        await Expect(page.Locator("#rule-pattern")).ToHaveValueAsync(NormalizedTextPattern.Suggest("550 5.0.0 zorblax quibble for * ref #xxx#"));
        await page.Locator("#rule-pattern").FillAsync("zorblax quibble");
        await page.ClickAsync("#rule-preview");
        var previewed = int.Parse(await page.Locator("#preview-count").TextContentAsync() ?? "", System.Globalization.CultureInfo.InvariantCulture);
        await page.ClickAsync("#save-rule");

        // Note: saving compiles the whole rule set and scans the table; generous on a loaded 2-core machine.
        await Expect(page.Locator("#applied-count")).ToHaveTextAsync(previewed.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        Assert.Equal(2, previewed);
        await Expect(page.Locator(".qualification-row")).ToHaveCountAsync(0);
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(previewed, await db.ErrorQualifications.CountAsync(q => q.Status == QualificationStatus.Keep && q.Reason == FailureReason.Refused
            && q.NormalizedText.Contains("zorblax")));
        Assert.Equal(0, await db.ErrorQualifications.CountAsync(q => q.Status == QualificationStatus.ToQualify));
    }
}
