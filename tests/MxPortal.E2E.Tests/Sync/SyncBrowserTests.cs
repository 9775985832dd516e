using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.MxRules;
using MxPortal.E2E.Tests.Hosting;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Infrastructure.Identity;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Sync;
using MxPortal.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace MxPortal.E2E.Tests.Sync;

/// <summary>
/// Synchronization as the team uses it, in Chromium: a publisher portal and a client portal on loopback ports; the
/// client's Deliverability user syncs, reads the diff, puts bounce rules in Custom mode and reads the drift report;
/// a Viewer reads the history but has no control over the modes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SyncBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Password = "Team-Pass-2026";
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "e2e"), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));
    private readonly PortalFactory _publisher = new(new Dictionary<string, string?> { ["Sync:Role"] = "Publisher" });
    private BrowserPortal _client = default!;

    private static string EmailOf(string role) => $"{role.ToLowerInvariant()}.sync@example.test";

    public async Task InitializeAsync()
    {
        _publisher.UseRealSockets();
        var (_, apiKey) = await _publisher.Services.GetRequiredService<ApiKeyStore>().CreateAsync(Admin, "e2e client");
        var key = await _publisher.Services.GetRequiredService<SigningKeyStore>().GetAsync();
        _client = new BrowserPortal(new Dictionary<string, string?>
        {
            ["Sync:Role"] = "Client", ["Sync:PublisherUrl"] = _publisher.ClientOptions.BaseAddress.ToString(),
            ["Sync:PublicKey"] = key.PublicKeyPem, ["Sync:ApiKey"] = apiKey, ["Sync:TimeoutSeconds"] = "30",
        });
        var users = _client.Services.GetRequiredService<UserAdministration>();
        foreach (var role in new[] { Roles.Deliverability, Roles.Viewer })
        {
            var result = await users.CreateAsync(Admin, EmailOf(role), Password, [role]);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _publisher.DisposeAsync();
    }

    private async Task<IPage> SignedInAsync(string role)
    {
        var page = await _client.NewPageAsync(browser.Browser);
        await _client.SignInAsync(page, EmailOf(role), Password, "/synchronization");
        await page.WaitForURLAsync(_client.Url("/synchronization"));
        await BrowserPortal.WaitForCircuitAsync(page);
        return page;
    }

    [Fact]
    public async Task Deliverability_SyncsReadsTheDiff_PutsBounceRulesInCustomMode_AndSeesTheDrift_WhileAViewerOnlyReads()
    {
        var editor = Admin;
        await _publisher.Services.GetRequiredService<MxRuleStore>().AddAsync(editor,
            new MxRule { Mask = "*.e2e-sync.test", MaxConnections = 2, MaxMessagesPerConnection = 20, MessagesPerHour = 1234 });

        var page = await SignedInAsync(Roles.Deliverability);
        await Expect(page.Locator("#feed-in-force")).ToContainTextAsync("No feed received yet");
        await page.ClickAsync("#sync-now");
        // Note: the publisher's first feed is built cold (JIT, first queries): allow it time on a loaded machine.
        await Expect(page.Locator("#sync-history tr.sync-run")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        var applied = page.Locator("#sync-history tr.sync-run").First;
        Assert.Contains("Applied", await applied.InnerTextAsync());
        var change = page.Locator("tr.change-row[data-key='*.e2e-sync.test']");
        await Expect(change.Locator(".change-kind")).ToHaveTextAsync("Added");
        await Expect(change.Locator(".after")).ToContainTextAsync("\"messagesPerHour\":1234");

        await page.Locator("tr[data-type='BounceRules'] input[type='checkbox']").CheckAsync();
        await Expect(page.Locator("tr[data-type='BounceRules']")).ToContainTextAsync("Custom");
        await Expect(page.Locator("#drift-BounceRules")).ToBeVisibleAsync();
        await _publisher.Services.GetRequiredService<BounceRuleStore>().AddAsync(editor,
            new BounceRule { Name = "e2e published rule", Pattern = "e2e pattern", Type = FailureType.Hard, Reason = FailureReason.UserUnknown });
        await page.ClickAsync("#sync-now");
        await Expect(page.Locator("#sync-history tr.sync-run")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        var drift = page.Locator("#drift-BounceRules tr.drift-row[data-key='e2e published rule']");
        await Expect(drift.Locator(".drift-kind")).ToHaveTextAsync("only published");
        await Expect(drift).ToContainTextAsync("e2e pattern");
        await Expect(drift.GetByRole(AriaRole.Button, new() { Name = "Adopt" })).ToBeVisibleAsync();

        var viewer = await SignedInAsync(Roles.Viewer);
        await Expect(viewer.Locator("#sync-history tr.sync-run")).ToHaveCountAsync(2);
        await viewer.Locator("#sync-history tr.sync-run").Last.Locator(".show-changes").ClickAsync();
        await Expect(viewer.Locator("tr.change-row[data-key='*.e2e-sync.test'] .after")).ToContainTextAsync("1234");
        await Expect(viewer.Locator("#mode-text-BounceRules")).ToHaveTextAsync("Custom");
        await Expect(viewer.Locator("#sync-modes input[type='checkbox']")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#sync-now")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#drift-BounceRules").GetByRole(AriaRole.Button, new() { Name = "Adopt" })).ToHaveCountAsync(0);
    }
}
