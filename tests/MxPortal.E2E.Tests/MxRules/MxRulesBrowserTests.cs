using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MxPortal.Domain.Access;
using MxPortal.E2E.Tests.Hosting;
using MxPortal.Infrastructure.Identity;
using MxPortal.TestSupport.Dns;
using static Microsoft.Playwright.Assertions;

namespace MxPortal.E2E.Tests.MxRules;

/// <summary>
/// MX rules as the team uses them, in Chromium against the real portal, whose MX resolution asks a local dnsmasq
/// serving <c>shop.test</c> (MX <c>mx1.eu.shopmail.test</c>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MxRulesBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Password = "Team-Pass-2026";
    private const string Broad = "*.shopmail.test", Narrow = "*.eu.shopmail.test";
    private DnsmasqServer _dns = default!;
    private BrowserPortal _portal = default!;

    public async Task InitializeAsync()
    {
        _dns = await DnsmasqServer.StartAsync(["--mx-host=shop.test,mx1.eu.shopmail.test,10", "--host-record=mx1.eu.shopmail.test,127.0.0.21"]);
        _portal = new BrowserPortal(new Dictionary<string, string?> { ["Dns:NameServers:0"] = _dns.NameServer });
        var admin = _portal.Services.GetRequiredService<UserAdministration>();
        var actor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "e2e"), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));
        foreach (var role in new[] { Roles.Deliverability, Roles.Viewer })
        {
            var result = await admin.CreateAsync(actor, EmailOf(role), Password, [role]);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        _dns.Dispose();
    }

    private static string EmailOf(string role) => $"{role.ToLowerInvariant()}.e2e@example.test";

    private async Task<IPage> SignedInAsync(string role, string path)
    {
        var page = await _portal.NewPageAsync(browser.Browser);
        await _portal.SignInAsync(page, EmailOf(role), Password, path);
        await page.WaitForURLAsync(_portal.Url(path));
        await BrowserPortal.WaitForCircuitAsync(page);
        return page;
    }

    private static async Task AddRuleAsync(IPage page, string mask, int perHour)
    {
        await page.ClickAsync("#add-rule");
        await page.Locator("#rule-mask").FillAsync(mask);
        await page.Locator("#rule-per-hour").FillAsync(perHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#save-rule");
        await Expect(page.Locator("#save-rule")).ToHaveCountAsync(0);
        await Expect(page.Locator(".rule-mask", new() { HasTextString = mask })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Deliverability_AddsARule_MovesItAboveAnother_AndTheDomainTestAppliesIt()
    {
        var page = await SignedInAsync(Roles.Deliverability, "/mx-rules");
        await AddRuleAsync(page, Broad, 500);
        await AddRuleAsync(page, Narrow, 700);
        var masks = await page.Locator(".rule-mask").AllTextContentsAsync();
        Assert.Equal([Broad, Narrow, "*"], masks.TakeLast(3));

        await page.Locator("#rules-grid tr", new() { Has = page.Locator(".rule-mask", new() { HasTextString = Narrow }) })
            .GetByLabel("Move up").ClickAsync();
        await Expect(page.Locator(".rule-mask").Nth(masks.Count - 3)).ToHaveTextAsync(Narrow);
        Assert.Equal([Narrow, Broad, "*"], (await page.Locator(".rule-mask").AllTextContentsAsync()).TakeLast(3));

        await page.ClickAsync("#mx-rules-nav >> text=Test a domain");
        await page.WaitForURLAsync(_portal.Url("/mx-rules/test"));
        await BrowserPortal.WaitForCircuitAsync(page);
        await page.Locator("#test-domain").FillAsync("someone@shop.test");
        await page.ClickAsync("#test-domain-run");
        var row = page.Locator("#test-domain-results tr.test-row[data-host='mx1.eu.shopmail.test']");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("127.0.0.21");
        await Expect(row.Locator(".test-rule")).ToHaveTextAsync($"{masks.Count - 2}. {Narrow}");
        await Expect(row.Locator(".test-per-hour")).ToHaveTextAsync("700");

        await page.Locator("#test-domain").FillAsync("nowhere.test");
        await page.ClickAsync("#test-domain-run");
        await Expect(page.Locator("#test-domain-error")).ToContainTextAsync("NXDOMAIN");
    }

    [Fact]
    public async Task Viewer_SeesThePagesWithoutEditControls_AndIsRefusedIfItPostsAnyway()
    {
        var page = await SignedInAsync(Roles.Viewer, "/mx-rules");
        await Expect(page.Locator(".rule-mask", new() { HasTextString = "*.google.com" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#export-rules")).ToBeVisibleAsync();
        foreach (var control in new[] { "#add-rule", "#import-rules", "[aria-label='Move up']", "[aria-label='Delete']", "[aria-label='Edit']", ".mud-switch" })
            await Expect(page.Locator(control)).ToHaveCountAsync(0);

        await page.GotoAsync(_portal.Url("/mx-rules/throughput"));
        await Expect(page.Locator("#instance-level-text")).ToContainTextAsync("Normal");
        await Expect(page.Locator("#instance-level")).ToHaveCountAsync(0);
        await Expect(page.Locator("#level-preview")).ToContainTextAsync("*.google.com");

        await page.GotoAsync(_portal.Url("/mx-rules/test"));
        await BrowserPortal.WaitForCircuitAsync(page);
        await page.Locator("#test-domain").FillAsync("shop.test");
        await page.ClickAsync("#test-domain-run");
        await Expect(page.Locator("#test-domain-results tr.test-row")).ToHaveCountAsync(1);

        // The Viewer's own session posts a valid import with its antiforgery token: the server must refuse it.
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var export = await page.Context.APIRequest.GetAsync(_portal.Url("/mx-rules/export.json"));
        var before = Encoding.UTF8.GetString(await export.BodyAsync());
        var changed = Encoding.UTF8.GetBytes(before.Replace("\"messagesPerHour\": 10000", "\"messagesPerHour\": 1", StringComparison.Ordinal));
        Assert.NotEqual(before.Length, changed.Length);
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token!);
        form.Set("file", new FilePayload { Name = "rules.json", MimeType = "application/json", Buffer = changed });
        var response = await page.Context.APIRequest.PostAsync(_portal.Url("/mx-rules/import"), new() { Multipart = form, MaxRedirects = 0 });
        Assert.Equal(302, response.Status);
        Assert.Contains("/Account/AccessDenied", response.Headers["location"]);
        Assert.Equal(before, await (await page.Context.APIRequest.GetAsync(_portal.Url("/mx-rules/export.json"))).TextAsync());
    }
}
