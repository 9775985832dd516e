using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Events;
using MxPortal.Infrastructure.Bounces.Qualification;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Quarantine;

namespace MxPortal.Infrastructure.Tests.Bounces;

/// <summary>
/// A deep page of a frequent text is found by counting towards it (TimeWindowSeek), not by sorting every match: the
/// rows must be exactly those a full sort gives, with bursts, equal instants and a second filter.
/// </summary>
[Collection(DataCollection.Name)]
public sealed class BounceLogDeepPageTests(PostgresFixture postgres)
{
    private const int PageSize = 50;
    private const string QuotaMd5 = "0123456789abcdef0123456789abcdef", OtherMd5 = "fedcba9876543210fedcba9876543210";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task JumpingToADeepTextFilteredPage_GivesTheRowsAFullSortGives_InBothOrders(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        var events = await SeedAsync(host);
        var log = host.Services.GetRequiredService<BounceLogQuery>();

        foreach (var (filter, pages) in new (BounceLogFilter, int[])[]
        {
            (new(Text: "quota"), [200, 201, 233, 259, 260, 261, 400]),
            (new(Text: "QUOTA", OldestFirst: true), [200, 247, 259, 260]),
            (new(Text: "quota", Domain: "gmail.test"), [200, 207, 208, 209]),
        })
        {
            var matching = events.Where(e => e.Md5 == QuotaMd5 && (filter.Domain is null || e.Domain == filter.Domain));
            var sorted = (filter.OldestFirst ? matching.OrderBy(e => e.AtUtc).ThenBy(e => e.Id) : matching.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id))
                .Select(e => e.Id).ToList();
            foreach (var page in pages)
            {
                var expected = sorted.Skip(page * PageSize).Take(PageSize);
                var result = await log.PageAsync(filter, page, PageSize);
                Assert.True(expected.SequenceEqual(result.Items.Select(r => r.Id)), $"{filter} page {page}");
                Assert.True(result.TotalIsCapped);
            }
        }
    }

    /// <summary>13,000 "quota" events (80 % at gmail.test) among 2,000 others: a burst of 6,000 in ten minutes, runs of
    /// equal instants, then a slow tail over 60 days.</summary>
    private static async Task<List<(long Id, DateTime AtUtc, string Domain, string Md5)>> SeedAsync(DataTestHost host)
    {
        var start = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var db = await new PipelineSeed(host).DbAsync();
        db.ErrorQualifications.AddRange(
            new ErrorQualification { NormalizedText = "452 4.2.2 mailbox over quota", Md5 = QuotaMd5, FirstRawText = "452 4.2.2 Mailbox over quota", Count = 13_000, FirstSeenUtc = start, LastSeenUtc = start },
            new ErrorQualification { NormalizedText = "550 5.1.1 user unknown", Md5 = OtherMd5, FirstRawText = "550 5.1.1 User unknown", Count = 2_000, FirstSeenUtc = start, LastSeenUtc = start });
        var rows = new List<BounceEvent>();
        for (var i = 0; i < 15_000; i++)
        {
            var at = i < 6_000 ? start.AddDays(30).AddMilliseconds(i * 100) : start.AddMinutes(i / 7 * 61);
            var quota = i % 15 != 0 && !(i % 15 == 7);
            var domain = i % 5 == 0 ? "yahoo.test" : "gmail.test";
            rows.Add(new BounceEvent
            {
                Address = $"u{i}@{domain}", Domain = domain, AtUtc = at, Type = quota ? FailureType.Soft : FailureType.Hard,
                Reason = quota ? FailureReason.MailboxFull : FailureReason.UserUnknown, DecidedBy = ClassificationSource.Rule,
                Decider = "test", NormalizedTextMd5 = quota ? QuotaMd5 : OtherMd5, Source = BounceEventSource.Sync,
            });
        }
        db.BounceEvents.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => (r.Id, r.AtUtc, r.Domain, r.NormalizedTextMd5!)).ToList();
    }
}
