using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MxPortal.Domain.Access;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;
using MxPortal.E2E.Tests.Hosting;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Import;
using MxPortal.Infrastructure.Identity;
using MxPortal.Infrastructure.MxRules;
using MxPortal.TestSupport;
using MxPortal.TestSupport.Dns;
using MxPortal.TestSupport.Mail;
using static Microsoft.Playwright.Assertions;

namespace MxPortal.E2E.Tests.Deliveries;

/// <summary>
/// Deliveries as the team runs them, in Chromium against the real portal with its Hangfire server on: MX resolution
/// asks a local dnsmasq, mail goes to scripted SMTP servers on 127.0.0.41 (shop.test, mail.test) and 127.0.0.42
/// (slow.test, replying slowly so a run can be paused mid-way).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeliveriesBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Password = "Team-Pass-2026", Fast = "127.0.0.41", Slow = "127.0.0.42";
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "e2e"), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));

    private DnsmasqServer _dns = default!;
    private ScriptedSmtpServer _fast = default!, _slow = default!;
    private BrowserPortal _portal = default!;

    public async Task InitializeAsync()
    {
        _dns = await DnsmasqServer.StartAsync([
            "--mx-host=shop.test,mx.shop.test,10", "--mx-host=mail.test,mx.shop.test,10", "--host-record=mx.shop.test," + Fast,
            "--mx-host=slow.test,mx.slow.test,10", "--host-record=mx.slow.test," + Slow]);
        var port = StartServers();
        _portal = new BrowserPortal(new Dictionary<string, string?>
        {
            ["Dns:NameServers:0"] = _dns.NameServer,
            ["Sending:SmtpPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["Sending:BatchSize"] = "5",
            ["Hangfire:Server"] = "true",
            ["Hangfire:WorkerCount"] = "2",
            ["Deliveries:LiveRefreshSeconds"] = "1",
        });
        var admin = _portal.Services.GetRequiredService<UserAdministration>();
        foreach (var role in new[] { Roles.Operator, Roles.Viewer })
        {
            var result = await admin.CreateAsync(Admin, EmailOf(role), Password, [role]);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }
        var identity = await _portal.Services.GetRequiredService<SendingIdentityStore>()
            .SaveAsync(Admin, null, new SendingIdentity { PublicId = 1, SourceIp = "127.0.0.1", HeloName = "out.e2e.test" });
        Assert.True(identity.Applied);
    }

    /// <summary>Both MX hosts listen on one port, as real MX hosts all listen on 25.</summary>
    private int StartServers()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort.Next(IPAddress.Parse(Fast));
            try
            {
                _fast = new ScriptedSmtpServer(new SmtpScript(), IPAddress.Parse(Fast), port);
                _slow = new ScriptedSmtpServer(new SmtpScript { ReplyDelay = TimeSpan.FromMilliseconds(150) }, IPAddress.Parse(Slow), port);
                return port;
            }
            catch (SocketException) when (attempt < 10)
            {
                _fast?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _fast.DisposeAsync();
        await _slow.DisposeAsync();
        _dns.Dispose();
    }

    private static string EmailOf(string role) => $"{role.ToLowerInvariant()}.deliveries@example.test";

    private async Task<IPage> SignedInAsync(string role, string path)
    {
        var page = await _portal.NewPageAsync(browser.Browser);
        await _portal.SignInAsync(page, EmailOf(role), Password, path);
        await page.WaitForURLAsync(_portal.Url(path));
        await BrowserPortal.WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>A draft made through the services (not the browser), with this list imported.</summary>
    private async Task<long> DraftAsync(string name, IEnumerable<string> addresses)
    {
        var change = await _portal.Services.GetRequiredService<DeliveryService>().SaveDraftAsync(Admin, null, new DeliveryDraft
        {
            Name = name,
            Settings = new DeliverySettings { SenderAddress = "news@e2e.test", Subject = "Hello {{FirstName}}", TextBody = "Hi {{FirstName}}" },
        });
        using var csv = new MemoryStream(Encoding.UTF8.GetBytes("email,FirstName\n" + string.Concat(addresses.Select(a => $"{a},{a[..a.IndexOf('@')]}\n"))));
        var import = await _portal.Services.GetRequiredService<RecipientImporter>().ImportAsync(Admin, change.Id!.Value, csv, csv.Length);
        Assert.True(import.Applied, import.Refusal);
        return change.Id!.Value;
    }

    [Fact]
    public async Task Operator_CreatesADelivery_UploadsAListWithBadRows_StartsIt_AndWatchesItReach100Percent()
    {
        var page = await SignedInAsync(Roles.Operator, "/deliveries");
        await page.ClickAsync("#new-delivery");
        await page.WaitForURLAsync(_portal.Url("/deliveries/new"));
        await BrowserPortal.WaitForCircuitAsync(page);
        await page.Locator("#delivery-name").FillAsync("Spring sale");
        await page.Locator("#delivery-sender").FillAsync("news@e2e.test");
        await page.Locator("#delivery-subject").FillAsync("Spring is here, {{FirstName}}");
        await page.Locator("#delivery-text").FillAsync("Hello {{FirstName}}, see you soon.");
        await page.ClickAsync("#save-delivery");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/deliveries/\d+/edit$"));
        await BrowserPortal.WaitForCircuitAsync(page);

        var csv = "email,FirstName\nann@shop.test,Ann\nnot-an-address,Bob\ncid@shop.test,Cid\ndan@mail.test,Dan,extra\neve@mail.test,Eve\nANN@shop.test,Again\nfay@mail.test,Fay\n";
        await page.Locator("#recipients-file").SetInputFilesAsync(new FilePayload { Name = "spring.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Expect(page.Locator("#import-summary")).ToContainTextAsync("4 recipients imported, 2 rows rejected, 1 skipped as Double");
        await Expect(page.Locator(".import-issue")).ToHaveCountAsync(3);
        Assert.Equal(["3", "5", "7"], await page.Locator(".import-issue").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.line)"));
        await Expect(page.Locator(".import-issue[data-line='3']")).ToContainTextAsync("not-an-address");
        await Expect(page.Locator(".import-issue[data-line='5']")).ToContainTextAsync("MalformedRow");
        await Expect(page.Locator("#import-issues-csv")).ToBeVisibleAsync();

        await page.ClickAsync("#open-delivery");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/deliveries/\d+$"));
        await BrowserPortal.WaitForCircuitAsync(page);
        await page.ClickAsync("#start-delivery");
        await Expect(page.Locator("#delivery-percent")).ToHaveTextAsync("100 %", new() { Timeout = 60_000 });
        await Expect(page.Locator("#delivery-status")).ToHaveTextAsync("Completed");
        await Expect(page.Locator(".domain-row")).ToHaveCountAsync(2);
        await Expect(page.Locator(".count[data-state='Sent']")).ToContainTextAsync("4");

        var received = _fast.Messages.Where(m => m.Content.Contains("Spring is here", StringComparison.Ordinal)).ToList();
        Assert.Equal(["ann@shop.test", "cid@shop.test", "eve@mail.test", "fay@mail.test"], received.SelectMany(m => m.Recipients).Order());
        Assert.Contains(received, m => m.Content.Contains("Subject: Spring is here, Eve", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Operator_PausesARunningDelivery_ItStopsSending_AndResumeFinishesIt()
    {
        var id = await DraftAsync("Slow lane", Enumerable.Range(1, 60).Select(i => $"s{i}@slow.test"));
        var page = await SignedInAsync(Roles.Operator, $"/deliveries/{id}");

        await page.ClickAsync("#start-delivery");
        for (var waited = 0; _slow.Messages.IsEmpty && waited < 300; waited++) await Task.Delay(100); // the run is under way
        await page.ClickAsync("#pause-delivery");
        await Expect(page.Locator("#delivery-status")).ToHaveTextAsync("Paused");
        var reader = _portal.Services.GetRequiredService<DeliveryReader>();
        await Task.Delay(TimeSpan.FromSeconds(3)); // the batch in hand when the pause came is finished, then nothing more
        var sentWhilePaused = _slow.Messages.Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(sentWhilePaused, _slow.Messages.Count);
        Assert.InRange(sentWhilePaused, 1, 59);
        Assert.Equal(DeliveryStatus.Paused, (await reader.FindAsync(id))!.Status);

        await page.ClickAsync("#resume-delivery");
        await Expect(page.Locator("#delivery-percent")).ToHaveTextAsync("100 %", new() { Timeout = 90_000 });
        await Expect(page.Locator("#delivery-status")).ToHaveTextAsync("Completed");
        Assert.Equal(60, _slow.Messages.SelectMany(m => m.Recipients).Distinct().Count());
    }

    [Fact]
    public async Task Viewer_SeesADeliveryWithoutControls_AndIsRefusedIfItPostsAStartAnyway()
    {
        var id = await DraftAsync("Viewer's view", ["v1@shop.test", "v2@shop.test"]);
        var page = await SignedInAsync(Roles.Viewer, $"/deliveries/{id}");

        await Expect(page.Locator("#delivery-name")).ToHaveTextAsync("Viewer's view");
        await Expect(page.Locator("#delivery-status")).ToHaveTextAsync("Draft");
        foreach (var control in new[] { "#start-delivery", "#edit-delivery", "#cancel-delivery", "#pause-delivery" })
            await Expect(page.Locator(control)).ToHaveCountAsync(0);
        await page.GotoAsync(_portal.Url("/deliveries"));
        await Expect(page.Locator(".delivery-link", new() { HasTextString = "Viewer's view" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#new-delivery")).ToHaveCountAsync(0);

        // The Viewer's own session posts a start with its antiforgery token: the server must refuse it.
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token!);
        var response = await page.Context.APIRequest.PostAsync(_portal.Url($"/deliveries/{id}/start"), new() { Multipart = form, MaxRedirects = 0 });
        Assert.Equal(302, response.Status);
        Assert.Contains("/Account/AccessDenied", response.Headers["location"]);
        Assert.Equal(DeliveryStatus.Draft, (await _portal.Services.GetRequiredService<DeliveryReader>().FindAsync(id))!.Status);
    }
}
