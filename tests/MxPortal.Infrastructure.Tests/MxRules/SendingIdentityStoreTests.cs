using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Identity;

namespace MxPortal.Infrastructure.Tests.MxRules;

[Collection(DataCollection.Name)]
public sealed class SendingIdentityStoreTests(PostgresFixture postgres)
{
    private static readonly System.Security.Claims.ClaimsPrincipal Admin = Principals.With("admin@example.test", "a1", Roles.Administrator);

    private static SendingIdentity Identity(int id, string ip) => new()
    {
        PublicId = id, SourceIp = ip, HeloName = $"out{id}.example.test", Weight = 2,
        IncludeDomains = ["*.example.test", "corp.test"], ExcludeDomains = ["bad.example.test"],
    };

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task AddEditDisableDelete_AreStoredValidatedAndAudited(string provider)
    {
        await using var host = await SeededHost.CreateAsync(provider, postgres);
        var store = host.Services.GetRequiredService<SendingIdentityStore>();

        Assert.True((await store.SaveAsync(Admin, null, Identity(1, "192.0.2.1"))).Applied);
        Assert.True((await store.SaveAsync(Admin, null, Identity(2, "192.0.2.2"))).Applied);
        var duplicate = await store.SaveAsync(Admin, null, Identity(3, "192.0.2.1"));
        var badHelo = await store.SaveAsync(Admin, 2, Identity(2, "192.0.2.2") with { HeloName = "-bad-", Weight = 0 });
        Assert.True((await store.SaveAsync(Admin, 2, Identity(7, "192.0.2.7"))).Applied);
        Assert.True((await store.SetEnabledAsync(Admin, 1, false)).Applied);

        Assert.Equal(["Identity 3, SourceIp: 192.0.2.1 is used by another identity."], duplicate.Errors);
        Assert.Equal(2, badHelo.Errors.Count);
        var list = await store.ListAsync();
        Assert.Equal([(1, "192.0.2.1", false), (7, "192.0.2.7", true)], list.Select(i => (i.PublicId, i.SourceIp, i.Enabled)));
        Assert.All(list, i => Assert.Equal(("*.example.test,corp.test", "bad.example.test", 2, $"out{i.PublicId}.example.test"),
            (string.Join(',', i.IncludeDomains), string.Join(',', i.ExcludeDomains), i.Weight, i.HeloName)));
        Assert.True((await store.DeleteAsync(Admin, 7)).Applied);
        Assert.Equal([1], (await store.ListAsync()).Select(i => i.PublicId));
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var actions = await db.AuditEntries.Where(e => e.Action.StartsWith("identity.")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["identity.create", "identity.create", "identity.update", "identity.disable", "identity.delete"], actions);
        var update = await db.AuditEntries.SingleAsync(e => e.Action == "identity.update");
        Assert.StartsWith("before: publicId=2; sourceIp=192.0.2.2;", update.Details);
        Assert.Contains("after: publicId=7; sourceIp=192.0.2.7;", update.Details);
    }

    [Theory]
    [InlineData(Roles.Deliverability)]
    [InlineData(Roles.Viewer)]
    public async Task IdentityChanges_ByANonAdministrator_AreRefused(string role)
    {
        await using var host = await SeededHost.CreateAsync("Sqlite", postgres);
        var store = host.Services.GetRequiredService<SendingIdentityStore>();
        var actor = Principals.With("x@example.test", "x", role);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.SaveAsync(actor, null, Identity(1, "192.0.2.1")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.SetEnabledAsync(actor, 1, false));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.DeleteAsync(actor, 1));
        Assert.Empty(await store.ListAsync());
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task ThroughputLevelAndOverrides_AreStoredAndAudited(string provider)
    {
        await using var host = await SeededHost.CreateAsync(provider, postgres);
        await host.Services.GetRequiredService<SendingIdentityStore>().SaveAsync(Admin, null, Identity(4, "192.0.2.4"));
        var throughput = host.Services.GetRequiredService<ThroughputStore>();

        await throughput.SetInstanceLevelAsync(SeededHost.Editor, ThroughputLevel.Fast);
        Assert.True(await throughput.SetOverrideAsync(SeededHost.Editor, 4, ThroughputLevel.Slow));
        Assert.False(await throughput.SetOverrideAsync(SeededHost.Editor, 99, ThroughputLevel.Slow));

        var settings = await throughput.GetAsync();
        Assert.Equal(ThroughputLevel.Fast, settings.InstanceLevel);
        Assert.Equal(ThroughputLevel.Slow, settings.LevelFor(4));
        Assert.Equal(ThroughputLevel.Fast, settings.LevelFor(5));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => throughput.SetInstanceLevelAsync(Principals.With("v", "v", Roles.Viewer), ThroughputLevel.Boost));
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal("before: Normal; after: Fast", (await db.AuditEntries.SingleAsync(e => e.Action == "throughput.level")).Details);
        Assert.Equal("before: instance level; after: Slow", (await db.AuditEntries.SingleAsync(e => e.Action == "throughput.override")).Details);
    }
}
