using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Identity;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Identity;

[Collection(DataCollection.Name)]
public sealed class UserAdministrationTests(PostgresFixture postgres) : IAsyncLifetime
{
    private DataTestHost _host = default!;
    private UserAdministration Admin => _host.Services.GetRequiredService<UserAdministration>();

    public async Task InitializeAsync()
    {
        _host = await DataTestHost.CreateAsync("Sqlite", postgres);
        await _host.MigrateAsync();
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<System.Security.Claims.ClaimsPrincipal> AdministratorAsync()
    {
        var admin = (await Admin.ListAsync(Principals.With("x", "x", Roles.Administrator))).Single(u => u.Email == "admin@mxportal.local");
        return Principals.With(admin.Email, admin.Id, Roles.Administrator);
    }

    [Theory]
    [InlineData(Roles.Deliverability)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Viewer)]
    public async Task EveryOperation_ByANonAdministrator_IsRefused(string role)
    {
        var actor = Principals.With("someone@example.test", "id", role);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Admin.ListAsync(actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Admin.CreateAsync(actor, "new@example.test", "Str0ng-Password", [Roles.Viewer]));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Admin.DeleteAsync(actor, "id"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Admin.SetLockedAsync(actor, "id", true));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Admin.ResetPasswordAsync(actor, "id", "Str0ng-Password"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Admin.SetRolesAsync(actor, "id", [Roles.Administrator]));
    }

    [Fact]
    public async Task Create_ValidUser_IsListedWithRolesAndAudited()
    {
        var actor = await AdministratorAsync();
        var result = await Admin.CreateAsync(actor, " viewer@example.test ", "Str0ng-Password", [Roles.Viewer, Roles.Operator]);

        Assert.True(result.Succeeded);
        var user = (await Admin.ListAsync(actor)).Single(u => u.Email == "viewer@example.test");
        Assert.Equal([Roles.Operator, Roles.Viewer], user.Roles);
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == "user.create");
        Assert.Equal(("admin@mxportal.local", "viewer@example.test"), (audit.Actor, audit.Target));
    }

    [Theory]
    [InlineData("admin@mxportal.local", "Str0ng-Password", "Email")]
    [InlineData("not-an-email", "Str0ng-Password", "Email")]
    [InlineData("weak@example.test", "short", "Password")]
    [InlineData("weak@example.test", "alllowercase123", "Password")]
    public async Task Create_InvalidInput_ReportsTheErrorOnItsField(string email, string password, string field)
    {
        var result = await Admin.CreateAsync(await AdministratorAsync(), email, password, [Roles.Viewer]);

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.For(field));
    }

    [Fact]
    public async Task Create_WithoutRole_IsRefusedOnRoles()
    {
        var result = await Admin.CreateAsync(await AdministratorAsync(), "x@example.test", "Str0ng-Password", []);
        Assert.NotEmpty(result.For("Roles"));
    }

    [Fact]
    public async Task LastAdministrator_CannotBeDeletedOrDemoted()
    {
        var actor = await AdministratorAsync();
        await Admin.CreateAsync(actor, "other@example.test", "Str0ng-Password", [Roles.Viewer]);
        var other = (await Admin.ListAsync(actor)).Single(u => u.Email == "other@example.test");
        var otherActor = Principals.With(other.Email, other.Id, Roles.Administrator);
        var adminId = (await Admin.ListAsync(actor)).Single(u => u.Email == "admin@mxportal.local").Id;

        Assert.False((await Admin.DeleteAsync(otherActor, adminId)).Succeeded);
        Assert.NotEmpty((await Admin.SetRolesAsync(otherActor, adminId, [Roles.Viewer])).For("Roles"));
        Assert.False((await Admin.DeleteAsync(actor, adminId)).Succeeded); // nor by themself
    }

    [Fact]
    public async Task Lock_ThenUnlock_ChangesStatusAndAuditsBoth()
    {
        var actor = await AdministratorAsync();
        await Admin.CreateAsync(actor, "lock@example.test", "Str0ng-Password", [Roles.Viewer]);
        var user = (await Admin.ListAsync(actor)).Single(u => u.Email == "lock@example.test");

        Assert.True((await Admin.SetLockedAsync(actor, user.Id, true)).Succeeded);
        Assert.True((await Admin.ListAsync(actor)).Single(u => u.Id == user.Id).IsLocked(DateTime.UtcNow));
        Assert.True((await Admin.SetLockedAsync(actor, user.Id, false)).Succeeded);
        Assert.False((await Admin.ListAsync(actor)).Single(u => u.Id == user.Id).IsLocked(DateTime.UtcNow));

        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(["user.lock", "user.unlock"], await db.AuditEntries.Where(e => e.Target == "lock@example.test" && e.Action != "user.create")
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task ResetPassword_WeakPassword_IsRefusedAndStrongOneWorks()
    {
        var actor = await AdministratorAsync();
        await Admin.CreateAsync(actor, "reset@example.test", "Str0ng-Password", [Roles.Viewer]);
        var user = (await Admin.ListAsync(actor)).Single(u => u.Email == "reset@example.test");

        Assert.NotEmpty((await Admin.ResetPasswordAsync(actor, user.Id, "weak")).For("Password"));
        Assert.True((await Admin.ResetPasswordAsync(actor, user.Id, "An0ther-Strong-One")).Succeeded);

        await using var scope = _host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(user.Id))!, "An0ther-Strong-One"));
    }
}
