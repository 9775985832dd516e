using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Identity;

namespace MxPortal.Infrastructure.Tests.MxRules;

/// <summary>A migrated database of the given provider with the first-run MX data seeded.</summary>
internal static class SeededHost
{
    public static readonly ClaimsPrincipal Editor = Principals.With("deliv@example.test", "d1", Roles.Deliverability);

    public static async Task<DataTestHost> CreateAsync(string provider, PostgresFixture postgres)
    {
        var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        await host.Services.GetRequiredService<MxRulesSeeder>().SeedAsync();
        return host;
    }
}
