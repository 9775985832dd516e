using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.MxRules;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Identity;

namespace MxPortal.Infrastructure.Tests.MxRules;

[Collection(DataCollection.Name)]
public sealed class MxRuleImportTests(PostgresFixture postgres)
{
    private static async Task<(DataTestHost Host, MxRuleStore Store)> SeededAsync(string provider, PostgresFixture postgres)
    {
        var host = await SeededHost.CreateAsync(provider, postgres);
        return (host, host.Services.GetRequiredService<MxRuleStore>());
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task ExportThenImportIntoAnotherDatabase_GivesAnIdenticalRuleSet(string provider)
    {
        var (source, store) = await SeededAsync(provider, postgres);
        await using var _ = source;
        await store.AddAsync(SeededHost.Editor, new MxRule
        {
            Mask = "mx?.corp.test", Identifiers = "1,4-6", Shared = false, MaxConnections = 3, MaxMessagesPerConnection = 7,
            MessagesPerHour = 99, ConnectionTimeout = TimeSpan.FromSeconds(45), DataTimeout = TimeSpan.FromHours(1),
            Timeout = TimeSpan.FromDays(1), Tls = TlsMode.Required, Enabled = false, Comment = "l'été, \"quoted\"",
        });
        await store.MoveAsync(SeededHost.Editor, "mx?.corp.test", -3);
        var exported = await store.ExportAsync();

        var (target, other) = await SeededAsync(provider, postgres);
        await using var __ = target;
        await other.DeleteAsync(SeededHost.Editor, "*.comcast.net");
        var change = await other.ImportAsync(SeededHost.Editor, exported);

        Assert.True(change.Applied, string.Join(" ", change.Errors));
        Assert.Equal((await store.LoadAsync()).Rules, (await other.LoadAsync()).Rules);
        Assert.Equal(exported, await other.ExportAsync());
        await using var db = await target.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "mxrule.import");
        Assert.Contains("added: mx?.corp.test, *.comcast.net", entry.Details);
        Assert.Contains("removed: none", entry.Details);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task InvalidFile_IsRefusedWholeWithEveryErrorAndLeavesTheSetUnchanged(string provider)
    {
        var (host, store) = await SeededAsync(provider, postgres);
        await using var _ = host;
        var before = await store.LoadAsync();
        const string file = """
            {
              "format": "mxportal.mx-rules",
              "version": 1,
              "rules": [
                { "mask": "mx.ok.test", "maxConnections": 1, "maxMessagesPerConnection": 1, "messagesPerHour": 1 },
                { "mask": "bad mask", "maxConnections": 0, "maxMessagesPerConnection": 1, "messagesPerHour": 1 },
                { "mask": "mx.ok.test", "maxConnections": 1, "maxMessagesPerConnection": 1, "messagesPerHour": 1, "timeout": "soon" }
              ]
            }
            """;

        var change = await store.ImportAsync(SeededHost.Editor, file);

        Assert.False(change.Applied);
        var text = change.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(text, e => e.StartsWith("Rule 2 ('bad mask'), mask:"));
        Assert.Contains(text, e => e.StartsWith("Rule 2 ('bad mask'), maxConnections:"));
        Assert.Contains(text, e => e.StartsWith("Rule 3 ('mx.ok.test'), timeout:"));
        Assert.Contains(text, e => e.StartsWith("Rule 3 ('mx.ok.test'), mask: duplicates"));
        Assert.Contains(text, e => e.Contains("generic rule '*' is missing"));
        Assert.Equal(before.Rules, (await store.LoadAsync()).Rules);
        Assert.Equal("Line 1, $.rules: has the wrong JSON type for this field.",
            Assert.Single((await store.ImportAsync(SeededHost.Editor, """{ "rules": 5 }""")).Errors).ToString());
    }
}
