using System.Security.Claims;
using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using MxPortal.Infrastructure;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Identity;

namespace MxPortal.Web.Tests.Pages;

/// <summary>
/// A bunit context with MudBlazor and the real infrastructure over a temp SQLite database (migrated, seeded),
/// signed in as the given roles. Popovers and dialogs render in <see cref="Providers"/>, not in the component.
/// </summary>
public sealed class PortalComponentContext : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mxbunit-").FullName;

    private PortalComponentContext() { }

    public BunitContext Bunit { get; } = new();
    public IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = default!;
    public IRenderedComponent<MudDialogProvider> Providers { get; private set; } = default!;

    public static async Task<PortalComponentContext> CreateAsync(string userName, string userId, params string[] roles)
    {
        var c = new PortalComponentContext();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(c._dir, "app.db")}",
            ["Hangfire:Storage"] = "InMemory",
            ["Hangfire:Server"] = "false",
            ["Bootstrap:AdminPassword"] = "Admin-Pass-2026",
        }).Build();
        var services = c.Bunit.Services;
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddMxInfrastructure(configuration);
        services.AddMudServices();
        c.Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        var auth = c.Bunit.AddAuthorization();
        auth.SetAuthorized(userName).SetRoles(roles).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));

        await using (var scope = c.Bunit.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync();
        }
        c.Popovers = c.Bunit.Render<MudPopoverProvider>();
        c.Providers = c.Bunit.Render<MudDialogProvider>();
        return c;
    }

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
