using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Data;
using MxPortal.Web.Tests.Hosting;

namespace MxPortal.Web.Tests.Security;

/// <summary>
/// The quarantine per role over real HTTP: only ReleaseQuarantine roles see the actions and may post a release (a Viewer
/// posting anyway is refused and changes nothing), and the CSV export defuses formula cells.
/// </summary>
public sealed class QuarantineAccessTests(RolePortalFixture portal) : IClassFixture<RolePortalFixture>
{
    private async Task<string> SeedAsync(string local, string? lastError = null)
    {
        var address = $"{local}@blocked.test";
        await using var db = await portal.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var record = QuarantineRecord.Create(address);
        record.Status = AddressStatus.Quarantine;
        record.StatusSinceUtc = DateTime.UtcNow;
        record.Type = FailureType.Hard;
        record.Reason = FailureReason.UserUnknown;
        record.ErrorCount = 1;
        record.LastErrorText = lastError;
        db.QuarantineRecords.Add(record);
        await db.SaveChangesAsync();
        return address;
    }

    private async Task<AddressStatus> StatusAsync(string address)
    {
        await using var db = await portal.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (await db.QuarantineRecords.SingleAsync(r => r.Address == address)).Status;
    }

    private static async Task<HttpResponseMessage> PostReleaseAsync(HttpClient client, string address, string reason) =>
        await client.PostAsync("/quarantine/release", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(await client.GetStringAsync("/")),
            ["address"] = address,
            ["reason"] = reason,
        }));

    [Theory]
    [InlineData("Viewer")]
    [InlineData("Deliverability")]
    public async Task Release_PostedByARoleWithoutReleaseQuarantine_IsRefusedAndChangesNothing(string role)
    {
        var address = await SeedAsync($"refused-{role.ToLowerInvariant()}");
        using var client = await portal.ClientAsync(role);

        var response = await PostReleaseAsync(client, address, "I would like to");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(response.Headers.Location)).StatusCode);
        Assert.Equal(AddressStatus.Quarantine, await StatusAsync(address));
    }

    [Fact]
    public async Task Release_ByAnOperator_ReleasesWithTheReason_AndWithoutAReasonIs400()
    {
        var address = await SeedAsync("released");
        using var client = await portal.ClientAsync("Operator");

        Assert.Equal(HttpStatusCode.BadRequest, (await PostReleaseAsync(client, address, " ")).StatusCode);
        Assert.Equal(AddressStatus.Quarantine, await StatusAsync(address));
        var response = await PostReleaseAsync(client, address, "Customer fixed the mailbox");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AddressStatus.Valid, await StatusAsync(address));
        var page = await client.GetStringAsync($"/quarantine/{address}");
        Assert.Contains("Customer fixed the mailbox", page);
        Assert.Contains(RolePortalFixture.EmailOf("Operator"), page);
    }

    [Theory]
    [InlineData("Operator", true)]
    [InlineData("Administrator", true)]
    [InlineData("Viewer", false)]
    [InlineData("Deliverability", false)]
    public async Task Actions_AreRenderedOnlyForReleaseQuarantineRoles(string role, bool actor)
    {
        var address = await SeedAsync($"shown-{role.ToLowerInvariant()}");
        using var client = await portal.ClientAsync(role);

        var list = await client.GetStringAsync("/quarantine");
        var page = await client.GetStringAsync($"/quarantine/{address}");

        Assert.All(new[] { "id=\"add-addresses\"", "id=\"import-csv\"", "id=\"release-selected\"" }, c => Assert.Equal(actor, list.Contains(c, StringComparison.Ordinal)));
        Assert.Equal(actor, page.Contains("id=\"release-address\"", StringComparison.Ordinal));
        Assert.Contains(address, page);
    }

    [Fact]
    public async Task Export_OfAFilteredList_HasItsRowsWithFormulaCellsDefused()
    {
        var address = await SeedAsync("formula", "=HYPERLINK(\"http://evil.example\",\"click\")");
        await SeedAsync("other");
        using var client = await portal.ClientAsync("Viewer");

        var response = await client.GetAsync("/quarantine/export.csv?address=formula&status=Quarantine");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("address,domain,status", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith($"{address},blocked.test,Quarantine,", row, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", row);
    }
}
