using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sync;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Sync;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Identity;
using MxPortal.Infrastructure.Tests.MxRules;

namespace MxPortal.Infrastructure.Tests.Sync;

[Collection(DataCollection.Name)]
public sealed class SyncModeStoreTests(PostgresFixture postgres)
{
    [Fact]
    public async Task CustomThroughputLevel_TurnsMxRuleSyncOff_Audited_AndItCannotBeTurnedBackOnUntilTheLevelChanges()
    {
        await using var host = await SeededHost.CreateAsync("Sqlite", postgres);
        var modes = host.Services.GetRequiredService<SyncModeStore>();
        Assert.False((await modes.GetAsync()).IsCustom(SyncDataType.MxRules));

        await host.Services.GetRequiredService<ThroughputStore>().SetInstanceLevelAsync(SeededHost.Editor, ThroughputLevel.Custom);

        var now = await modes.GetAsync();
        Assert.True(now.IsCustom(SyncDataType.MxRules));
        Assert.False(now.IsCustom(SyncDataType.BounceRules));
        Assert.NotNull(await modes.SetCustomAsync(SeededHost.Editor, SyncDataType.MxRules, false));
        Assert.True((await modes.GetAsync()).IsCustom(SyncDataType.MxRules));

        await host.Services.GetRequiredService<ThroughputStore>().SetInstanceLevelAsync(SeededHost.Editor, ThroughputLevel.Normal);
        Assert.Null(await modes.SetCustomAsync(SeededHost.Editor, SyncDataType.MxRules, false));
        Assert.False((await modes.GetAsync()).IsCustom(SyncDataType.MxRules));
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var audit = await db.AuditEntries.Where(e => e.Action == "sync.mode").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.Contains("throughput level Custom", audit[0].Details);
        Assert.Equal("deliv@example.test", audit[1].Actor);
    }

    [Fact]
    public async Task Viewer_CannotSetAMode()
    {
        await using var host = await SeededHost.CreateAsync("Sqlite", postgres);
        var viewer = Principals.With("v@example.test", "v", Roles.Viewer);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            host.Services.GetRequiredService<SyncModeStore>().SetCustomAsync(viewer, SyncDataType.BounceRules, true));
    }
}
