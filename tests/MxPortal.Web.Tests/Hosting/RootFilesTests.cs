using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MxPortal.Web.Tests.Hosting;

/// <summary>The repository-root appsettings.json and wwwroot/ are what the running portal uses.</summary>
public sealed class RootFilesTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task ValueSetOnlyInRootAppSettings_TakesEffect()
    {
        using var root = JsonDocument.Parse(await File.ReadAllTextAsync(System.IO.Path.Combine(RepositoryRoot.Path, "appsettings.json")));
        var rootTimeZone = root.RootElement.GetProperty("Portal").GetProperty("TimeZone").GetString();
        var rootSessionMinutes = root.RootElement.GetProperty("Portal").GetProperty("SessionMinutes").GetInt32();
        // No other source sets these: the test factory overrides only database, jobs and bootstrap keys.
        var configuration = _factory.Services.GetRequiredService<IConfiguration>();

        Assert.Equal(rootTimeZone, configuration["Portal:TimeZone"]);
        Assert.Equal(rootSessionMinutes, configuration.GetValue<int>("Portal:SessionMinutes"));
        Assert.Equal("http://127.0.0.1:5000", configuration["Urls"]);
    }

    [Fact]
    public async Task InstanceNameFromConfiguration_IsShownOnThePage()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["Portal:InstanceName"] = "MxPortal (staging)" });
        var html = await factory.CreateClient().GetStringAsync("/Account/Login");
        Assert.Contains("MxPortal (staging)", html);
    }

    [Theory]
    [InlineData("site.css")]
    [InlineData("favicon.svg")]
    public async Task FileFromRootWwwroot_IsServed(string file)
    {
        var expected = await File.ReadAllTextAsync(System.IO.Path.Combine(RepositoryRoot.Path, "wwwroot", file));
        var response = await _factory.CreateClient().GetAsync("/" + file);

        response.EnsureSuccessStatusCode();
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _factory.Dispose();
}
