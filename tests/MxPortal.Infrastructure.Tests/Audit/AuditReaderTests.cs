using Microsoft.Extensions.DependencyInjection;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Audit;

[Collection(DataCollection.Name)]
public sealed class AuditReaderTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Page_FiltersCaseInsensitivelyAndPagesNewestFirst(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        var log = host.Services.GetRequiredService<AuditLog>();
        for (var i = 0; i < 30; i++)
        {
            host.Time.Advance(TimeSpan.FromMinutes(1));
            await log.WriteAsync(i % 2 == 0 ? "Alice@Example.test" : "bob@example.test", i % 3 == 0 ? "mxrule.update" : "user.create", $"target-{i}", $"details {i}");
        }
        var reader = host.Services.GetRequiredService<AuditReader>();

        var (firstPage, total) = await reader.PageAsync(new AuditQuery(), 0, 10);
        Assert.Equal(30, total);
        Assert.Equal("target-29", firstPage[0].Target);
        Assert.Equal("target-20", firstPage[^1].Target);

        var (alice, aliceTotal) = await reader.PageAsync(new AuditQuery(Actor: "alice"), 0, 100);
        Assert.Equal(15, aliceTotal);
        Assert.All(alice, e => Assert.StartsWith("Alice", e.Actor));

        var (_, ruleTotal) = await reader.PageAsync(new AuditQuery(Action: "mxrule.update"), 0, 100);
        Assert.Equal(10, ruleTotal);

        var (text, _) = await reader.PageAsync(new AuditQuery(Text: "DETAILS 7"), 0, 100);
        Assert.Equal("target-7", Assert.Single(text).Target);

        var start = new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);
        var (window, windowTotal) = await reader.PageAsync(new AuditQuery(FromUtc: start.AddMinutes(5), ToUtc: start.AddMinutes(8)), 0, 100);
        Assert.Equal(3, windowTotal);
        Assert.Equal(["target-6", "target-5", "target-4"], window.Select(e => e.Target));

        var streamed = new List<string>();
        await foreach (var e in reader.StreamAsync(new AuditQuery(Actor: "bob"))) streamed.Add(e.Target);
        Assert.Equal(15, streamed.Count);
        Assert.Equal("target-29", streamed[0]);
    }
}
