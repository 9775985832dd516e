using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Sync;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Identity;

namespace MxPortal.Infrastructure.Tests.Sync;

[Collection(DataCollection.Name)]
public sealed class ApiKeyStoreTests(PostgresFixture postgres)
{
    private static readonly System.Security.Claims.ClaimsPrincipal Admin = Principals.With("admin@example.test", "a1", Roles.Administrator);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task CreatedKey_Authenticates_AndOnlyItsHashIsStored(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        var store = host.Services.GetRequiredService<ApiKeyStore>();

        var (key, secret) = await store.CreateAsync(Admin, "client-eu");

        Assert.StartsWith("mxp_", secret);
        Assert.True(secret.Length >= 40);
        Assert.Equal(key.Id, (await store.AuthenticateAsync("Bearer " + secret))?.Id);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var row = await db.SyncApiKeys.SingleAsync();
        Assert.Equal(ApiKeyStore.Hash(secret), row.Hash);
        Assert.DoesNotContain(secret, string.Join("|", row.Name, row.Hash, row.Prefix));
        Assert.NotNull(row.LastUsedUtc);
        Assert.Contains(await db.AuditEntries.ToListAsync(), e => e.Action == "apikey.create" && e.Target == "client-eu" && !e.Details!.Contains(secret));
    }

    [Fact]
    public async Task WrongMissingRotatedOrRevokedKey_DoesNotAuthenticate()
    {
        await using var host = await DataTestHost.CreateAsync("Sqlite", postgres);
        await host.MigrateAsync();
        var store = host.Services.GetRequiredService<ApiKeyStore>();
        var (key, secret) = await store.CreateAsync(Admin, "client");

        var rotated = await store.RotateAsync(Admin, key.Id);

        Assert.Null(await store.AuthenticateAsync("Bearer " + secret));
        Assert.NotNull(await store.AuthenticateAsync("Bearer " + rotated));
        Assert.Null(await store.AuthenticateAsync(null));
        Assert.Null(await store.AuthenticateAsync("Basic " + rotated));
        Assert.Null(await store.AuthenticateAsync("Bearer mxp_guessed"));
        Assert.True(await store.RevokeAsync(Admin, key.Id));
        Assert.Null(await store.AuthenticateAsync("Bearer " + rotated));
        Assert.Null(await store.RotateAsync(Admin, key.Id));
    }

    [Theory]
    [InlineData(Roles.Deliverability)]
    [InlineData(Roles.Viewer)]
    public async Task NonAdministrator_CannotManageKeys(string role)
    {
        await using var host = await DataTestHost.CreateAsync("Sqlite", postgres);
        await host.MigrateAsync();
        var store = host.Services.GetRequiredService<ApiKeyStore>();
        var other = Principals.With("someone@example.test", "s1", role);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.CreateAsync(other, "x"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.ListAsync(other));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.RevokeAsync(other, 1));
    }
}
