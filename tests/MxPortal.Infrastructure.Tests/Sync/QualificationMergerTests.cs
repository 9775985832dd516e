using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Qualification;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Sync;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Identity;

namespace MxPortal.Infrastructure.Tests.Sync;

[Collection(DataCollection.Name)]
public sealed class QualificationMergerTests(PostgresFixture postgres)
{
    private static readonly DateTime Seen = new(2026, 11, 26, 8, 0, 0, DateTimeKind.Utc);

    private static PushedText Text(string raw, long count) =>
        new(raw, ErrorTextNormalizer.Md5(raw), count, Seen, Seen.AddHours(1));

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task PushedTexts_AreMergedWithoutAddresses_AndRepeatedTotalsAddOnlyTheGrowth(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        var (key, _) = await host.Services.GetRequiredService<ApiKeyStore>().CreateAsync(Principals.With("a", "a", Roles.Administrator), "client");
        var merger = host.Services.GetRequiredService<QualificationMerger>();
        // A client that did not normalize (or an older one): the publisher normalizes again.
        const string raw = "550 5.1.1 <john.doe@example.com>: mailbox unavailable for jane@example.org";

        Assert.Equal(1, await merger.MergeAsync(key.Id, [Text(raw, 3)]));
        await merger.MergeAsync(key.Id, [Text(raw, 3)]);
        await merger.MergeAsync(key.Id, [Text(raw, 5)]);

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var row = await db.ErrorQualifications.SingleAsync();
        Assert.Equal(5, row.Count);
        Assert.Equal(QualificationStatus.ToQualify, row.Status);
        Assert.Equal(ErrorTextNormalizer.Md5(row.NormalizedText), row.Md5);
        foreach (var text in new[] { row.NormalizedText, row.FirstRawText })
        {
            Assert.DoesNotContain("@", text);
            Assert.DoesNotContain("john", text);
            Assert.DoesNotContain("jane", text);
        }
    }
}
