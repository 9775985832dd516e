using Microsoft.Playwright;
using MxPortal.Web.Tests.Hosting;

namespace MxPortal.E2E.Tests.Hosting;

/// <summary>The real portal on a free loopback port, and helpers to drive it from a browser page.</summary>
public sealed class BrowserPortal : IAsyncDisposable
{
    private readonly PortalFactory _factory;
    private readonly List<IBrowserContext> _contexts = [];

    public BrowserPortal(IDictionary<string, string?>? settings = null)
    {
        _factory = new PortalFactory(settings);
        _factory.UseRealSockets();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public string BaseUrl { get; }
    public IServiceProvider Services => _factory.Services;

    public string Url(string path) => BaseUrl + path;

    /// <summary>A fresh browser context (own cookies) with generous timeouts for a 2-core CI machine.</summary>
    public async Task<IPage> NewPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    public async Task SignInAsync(IPage page, string email, string password, string? path = null)
    {
        await page.GotoAsync(Url("/Account/Login" + (path is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(path))));
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
    }

    /// <summary>Waits until the interactive circuit is up, so clicks reach server-side handlers.</summary>
    public static async Task WaitForCircuitAsync(IPage page) =>
        await page.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Closes the pages first: an open circuit would hold the server's shutdown for its whole timeout.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await _factory.DisposeAsync();
    }
}
