using System.Text.Json;
using MxPortal.Web.Tests.Hosting;

namespace MxPortal.Web.Tests.Endpoints;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_ReportsDatabaseAndJobStorage()
    {
        using var factory = new PortalFactory();
        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("jobs").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_DatabaseGone_Reports503()
    {
        using var factory = new PortalFactory();
        var client = factory.CreateClient();
        // A folder where the database file should be: SQLite cannot open it.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(factory.DataDirectory, "app.db"));
        Directory.CreateDirectory(Path.Combine(factory.DataDirectory, "app.db"));

        var response = await client.GetAsync("/healthz");

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"database\":{\"status\":\"Unhealthy\"", await response.Content.ReadAsStringAsync());
    }
}
