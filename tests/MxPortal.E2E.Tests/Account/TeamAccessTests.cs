using Microsoft.Playwright;
using MxPortal.E2E.Tests.Hosting;
using MxPortal.Web.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace MxPortal.E2E.Tests.Account;

/// <summary>Team access as a person uses it, in Debian's Chromium against the real portal.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TeamAccessTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string ViewerEmail = "viewer.e2e@example.test";
    private const string ViewerPassword = "Viewer-Pass-2026";
    private readonly BrowserPortal _portal = new();

    [Fact]
    public async Task Administrator_CreatesAViewer_WhoReadsButIsDeniedUsersAndJobs_ThenLogsOut()
    {
        var admin = await _portal.NewPageAsync(browser.Browser);
        await _portal.SignInAsync(admin, PortalFactory.AdminEmail, PortalFactory.AdminPassword, "/users");
        await admin.WaitForURLAsync(_portal.Url("/users"));
        await BrowserPortal.WaitForCircuitAsync(admin);
        await admin.ClickAsync("#new-user");
        await admin.Locator("#new-user-email").FillAsync(ViewerEmail);
        await admin.Locator("#new-user-password").FillAsync(ViewerPassword);
        await Expect(admin.Locator("input[data-role='Viewer']")).ToBeCheckedAsync();
        await admin.ClickAsync("#save-user");
        var row = admin.Locator("#users-grid tr", new() { HasText = ViewerEmail });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Viewer");

        var viewer = await _portal.NewPageAsync(browser.Browser);
        await _portal.SignInAsync(viewer, ViewerEmail, ViewerPassword);
        await viewer.WaitForURLAsync(_portal.Url("/"));
        await Expect(viewer.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Expect(viewer.Locator("#signed-in-user")).ToHaveTextAsync(ViewerEmail);
        await Expect(viewer.Locator("#nav-menu")).ToContainTextAsync("Bounce log");
        await Expect(viewer.Locator("#nav-menu")).Not.ToContainTextAsync("Users");

        foreach (var denied in new[] { "/users", "/hangfire" })
        {
            var response = await viewer.GotoAsync(_portal.Url(denied));
            Assert.Equal(403, response!.Status);
            Assert.StartsWith(_portal.Url("/Account/AccessDenied"), viewer.Url);
            await Expect(viewer.Locator("#access-denied")).ToBeVisibleAsync();
        }

        await viewer.GotoAsync(_portal.Url("/"));
        // The interactive render replaces the prerendered page: a click that lands in between hits a detached button.
        await BrowserPortal.WaitForCircuitAsync(viewer);
        await viewer.ClickAsync("#logout");
        await viewer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await Expect(viewer.Locator("#logged-out")).ToBeVisibleAsync();
        await viewer.GotoAsync(_portal.Url("/deliveries"));
        Assert.StartsWith(_portal.Url("/Account/Login"), viewer.Url);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        var page = await _portal.NewPageAsync(browser.Browser);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await _portal.SignInAsync(page, PortalFactory.AdminEmail, $"Wrong-Pass-{attempt}");
            await Expect(page.Locator("#login-error")).ToBeVisibleAsync();
        }
        await Expect(page.Locator("#login-error")).ToContainTextAsync("locked");

        await _portal.SignInAsync(page, PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        await Expect(page.Locator("#login-error")).ToContainTextAsync("locked");
        Assert.StartsWith(_portal.Url("/Account/Login"), page.Url);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
