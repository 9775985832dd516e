using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Identity;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Identity;

[Collection(DataCollection.Name)]
public sealed class IdentitySeederTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Seed_TwiceOnAFreshDatabase_CreatesRolesAndOneAdministratorOnce(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();

        await SeedAsync(host.Services);
        await SeedAsync(host.Services);

        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        var admin = Assert.Single(admins);
        Assert.Equal("admin@mxportal.local", admin.Email);
        Assert.True(await users.CheckPasswordAsync(admin, "Bootstrap-Pass-123"));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "user.bootstrap"));
    }

    [Fact]
    public async Task Seed_WithoutConfiguredPassword_GeneratesOneThatPassesThePolicy()
    {
        await using var host = await DataTestHost.CreateAsync("Sqlite", postgres, new Dictionary<string, string?>
        {
            ["Bootstrap:AdminPassword"] = "",
            ["Bootstrap:AdminEmail"] = "root@example.test",
        });
        await host.MigrateAsync();

        await SeedAsync(host.Services);

        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = Assert.Single(await users.GetUsersInRoleAsync(Roles.Administrator));
        Assert.Equal("root@example.test", admin.Email);
        Assert.False(string.IsNullOrEmpty(admin.PasswordHash));
    }

    [Fact]
    public async Task GeneratePassword_SatisfiesThePasswordPolicyEveryTime()
    {
        await using var host = await DataTestHost.CreateAsync("Sqlite", postgres);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        for (var i = 0; i < 200; i++)
        {
            var password = IdentitySeeder.GeneratePassword();
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, new AppUser(), password);
                Assert.True(result.Succeeded, $"{password}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
        }
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync();
    }
}
