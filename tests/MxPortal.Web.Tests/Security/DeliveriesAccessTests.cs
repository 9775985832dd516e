using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Import;
using MxPortal.Web.Tests.Hosting;

namespace MxPortal.Web.Tests.Security;

/// <summary>
/// Delivery controls per role over real HTTP: the buttons are rendered only for OperateDeliveries, and the control
/// endpoints refuse a Viewer who posts anyway (with a valid antiforgery token of its own session).
/// </summary>
public sealed class DeliveriesAccessTests(RolePortalFixture portal) : IClassFixture<RolePortalFixture>
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "fixture"), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));

    private async Task<long> DraftAsync(string name)
    {
        var services = portal.Factory.Services;
        var change = await services.GetRequiredService<DeliveryService>().SaveDraftAsync(Admin, null, new DeliveryDraft
        {
            Name = name,
            Settings = new DeliverySettings { SenderAddress = "news@shop.test", Subject = "Hello", TextBody = "Hi" },
        });
        using var csv = new MemoryStream(Encoding.UTF8.GetBytes("email\na@one.test\nb@two.test\n"));
        await services.GetRequiredService<RecipientImporter>().ImportAsync(Admin, change.Id!.Value, csv, csv.Length);
        return change.Id!.Value;
    }

    private async Task<DeliveryStatus> StatusAsync(long id) =>
        (await portal.Factory.Services.GetRequiredService<DeliveryReader>().FindAsync(id))!.Status;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, long id, string command, bool withToken = true)
    {
        var fields = new Dictionary<string, string>();
        if (withToken) fields["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(await client.GetStringAsync("/"));
        return await client.PostAsync($"/deliveries/{id}/{command}", new FormUrlEncodedContent(fields));
    }

    [Theory]
    [InlineData("Administrator", true)]
    [InlineData("Operator", true)]
    [InlineData("Deliverability", false)]
    [InlineData("Viewer", false)]
    public async Task Controls_AreRenderedOnlyForOperators(string role, bool operates)
    {
        var id = await DraftAsync($"buttons {role}");
        using var client = await portal.ClientAsync(role);

        var detail = await client.GetStringAsync($"/deliveries/{id}");
        var list = await client.GetStringAsync("/deliveries");

        Assert.Contains($"buttons {role}", detail);
        Assert.Equal(operates, detail.Contains("id=\"start-delivery\"", StringComparison.Ordinal));
        Assert.Equal(operates, detail.Contains("id=\"edit-delivery\"", StringComparison.Ordinal));
        Assert.Equal(operates, list.Contains("id=\"new-delivery\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Viewer")]
    [InlineData("Deliverability")]
    public async Task Start_ByARoleWithoutOperateDeliveries_IsRefusedAndChangesNothing(string role)
    {
        var id = await DraftAsync($"refused {role}");
        using var client = await portal.ClientAsync(role);

        var response = await PostAsync(client, id, "start");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        Assert.Equal(DeliveryStatus.Draft, await StatusAsync(id));
    }

    [Fact]
    public async Task Operator_StartsPausesResumesAndCancels_OverHttp()
    {
        var id = await DraftAsync("operator run");
        using var client = await portal.ClientAsync("Operator");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, id, "start")).StatusCode);
        Assert.Equal(DeliveryStatus.Running, await StatusAsync(id));
        using (var viewer = await portal.ClientAsync("Viewer"))
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(viewer, id, "pause")).StatusCode);
        Assert.Equal(DeliveryStatus.Running, await StatusAsync(id));

        var pause = await PostAsync(client, id, "pause");
        Assert.Contains("\"status\":\"Paused\"", await pause.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, id, "resume")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, id, "cancel")).StatusCode);
        Assert.Equal(DeliveryStatus.Cancelled, await StatusAsync(id));

        var again = await PostAsync(client, id, "resume");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("resume is not possible", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Control_WithoutAntiforgeryToken_IsRejected()
    {
        var id = await DraftAsync("forged");
        using var client = await portal.ClientAsync("Operator");

        var response = await PostAsync(client, id, "start", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(DeliveryStatus.Draft, await StatusAsync(id));
    }

    [Fact]
    public async Task ImportIssues_AreDownloadableAsCsvWithTheirLines()
    {
        var services = portal.Factory.Services;
        var id = (await services.GetRequiredService<DeliveryService>().SaveDraftAsync(Admin, null, new DeliveryDraft
        {
            Name = "issues",
            Settings = new DeliverySettings { SenderAddress = "news@shop.test", Subject = "Hello", TextBody = "Hi" },
        })).Id!.Value;
        using (var csv = new MemoryStream(Encoding.UTF8.GetBytes("email,Name\na@one.test,A\nbroken,B\n=cmd@x.test,\"unterminated\nA@ONE.TEST,A\n")))
            await services.GetRequiredService<RecipientImporter>().ImportAsync(Admin, id, csv, csv.Length);
        using var client = await portal.ClientAsync("Viewer");

        var body = await client.GetStringAsync($"/deliveries/{id}/import-issues.csv");

        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("line,kind,message", lines[0]);
        Assert.StartsWith("3,InvalidAddress,", lines[1]);
        Assert.StartsWith("4,MalformedRow,", lines[2]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/deliveries/999999/import-issues.csv")).StatusCode);
    }
}
