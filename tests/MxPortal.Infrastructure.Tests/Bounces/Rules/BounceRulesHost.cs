using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Identity;

namespace MxPortal.Infrastructure.Tests.Bounces.Rules;

/// <summary>A migrated database of the given provider with the default bounce rules seeded, as the portal starts.</summary>
internal static class BounceRulesHost
{
    public static readonly ClaimsPrincipal Editor = Principals.With("deliv@example.test", "d1", Roles.Deliverability);
    public static readonly ClaimsPrincipal Viewer = Principals.With("viewer@example.test", "v1", Roles.Viewer);

    public static async Task<DataTestHost> CreateAsync(string provider, PostgresFixture postgres)
    {
        var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        await host.Services.GetRequiredService<BounceRulesSeeder>().SeedAsync();
        return host;
    }

    public static BounceRule Rule(string name, string pattern, FailureReason reason = FailureReason.Refused, FailureType type = FailureType.Soft) =>
        new() { Name = name, Pattern = pattern, Type = type, Reason = reason };

    public static async Task<AppDbContext> DbAsync(this DataTestHost host) =>
        await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
