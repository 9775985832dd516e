using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Audit;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Tests.Data;

[Collection(DataCollection.Name)]
public sealed class MigrationsTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationAndMatchesTheModel(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        // The migrations of this provider describe exactly the current model (no forgotten `migrations add`).
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Migrate_SecondRun_KeepsExistingData(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        var factory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.AuditEntries.Add(new AuditEntry { AtUtc = DateTime.UtcNow, Actor = "a", Action = "test", Target = "kept" });
            await db.SaveChangesAsync();
        }

        await using var again = DataTestHost.Build(provider, host.ConnectionString);
        await using (var scope = again.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        await using var check = await again.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal("kept", (await check.AuditEntries.SingleAsync()).Target);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task UtcTimes_RoundTripAndSortOnBothProviders(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        var factory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var t0 = new DateTime(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc);
        await using (var db = await factory.CreateDbContextAsync())
        {
            foreach (var minutes in new[] { 30, 10, 20 })
                db.AuditEntries.Add(new AuditEntry { AtUtc = t0.AddMinutes(minutes), Actor = "a", Action = "t", Target = $"m{minutes}" });
            await db.SaveChangesAsync();
        }
        await using var read = await factory.CreateDbContextAsync();
        var sorted = await read.AuditEntries.OrderBy(e => e.AtUtc).Select(e => e.AtUtc).ToListAsync();
        Assert.Equal([t0.AddMinutes(10), t0.AddMinutes(20), t0.AddMinutes(30)], sorted);
    }
}
