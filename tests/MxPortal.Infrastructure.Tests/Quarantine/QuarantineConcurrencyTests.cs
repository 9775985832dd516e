using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Quarantine;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Quarantine;

/// <summary>Two different events for one address at the same instant: neither count is lost.</summary>
[Collection(DataCollection.Name)]
public sealed class QuarantineConcurrencyTests(PostgresFixture postgres)
{
    private static AddressEvent Soft(string id) =>
        new("full@example.test", QuarantineEvent.Error(id, FailureType.Soft, FailureReason.MailboxFull, "452 4.2.2 Mailbox full"));

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task DifferentEventsOnAStaleRecord_TheSecondSaveFailsInsteadOfLosingACount(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        var seed = new PipelineSeed(host);
        var applier = host.Services.GetRequiredService<QuarantineApplier>();
        await using (var db = await seed.DbAsync())
        {
            await applier.ApplyAsync(db, [Soft("a")]);
            await db.SaveChangesAsync();
        }
        host.Time.Advance(TimeSpan.FromDays(2));

        await using var first = await seed.DbAsync();
        await using var second = await seed.DbAsync();
        Assert.True((await applier.ApplyAsync(first, [Soft("b")]))[0].Counted);
        Assert.True((await applier.ApplyAsync(second, [Soft("c")]))[0].Counted);
        await first.SaveChangesAsync();
        var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.True(ConflictRetry.IsConflict(conflict));

        // Applied again on fresh state (what ConflictRetry does), the policy sees the error that won: "c" came at the same
        // instant, inside the significant-error delay, so it is recorded without counting. The count matches the history.
        await using (var retry = await seed.DbAsync())
        {
            Assert.False((await applier.ApplyAsync(retry, [Soft("c")]))[0].Counted);
            await retry.SaveChangesAsync();
        }
        await using var check = await seed.DbAsync();
        var record = await check.QuarantineRecords.Include(r => r.History).SingleAsync();
        Assert.Equal((AddressStatus.WithErrors, 2), (record.Status, record.ErrorCount));
        Assert.Equal(["a", "b"], record.History.Where(h => h.Counted).Select(h => h.EventId).Order());
        Assert.Equal(3, record.History.Count);
    }

    [Fact]
    public async Task SqliteUniqueViolation_IsAConflictToRetry()
    {
        await using var host = await DataTestHost.CreateAsync("Sqlite", postgres);
        await host.MigrateAsync();
        var seed = new PipelineSeed(host);
        await using var db = await seed.DbAsync();
        db.QuarantineRecords.AddRange(QuarantineRecord.Create("dup@example.test"), QuarantineRecord.Create("DUP@example.test"));

        var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(ConflictRetry.IsConflict(e));
    }

    /// <summary>
    /// PostgreSQL only: a SQLite transaction takes the write lock when it begins (BEGIN IMMEDIATE), so there another
    /// writer waits instead of interleaving. Here a second writer commits between the batch's read and its write.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RecordAsync_ThatLostARace_IsRecordedAgainWhole(bool recordExists)
    {
        await using var host = await DataTestHost.CreateAsync("Postgres", postgres);
        await host.MigrateAsync();
        var seed = new PipelineSeed(host);
        var applier = host.Services.GetRequiredService<QuarantineApplier>();
        if (recordExists)
        {
            await using var db = await seed.DbAsync();
            await applier.ApplyAsync(db, [Soft("earlier")]);
            await db.SaveChangesAsync();
            host.Time.Advance(TimeSpan.FromDays(2));
        }
        var (delivery, _) = await seed.DeliveryAsync("Race", "full@example.test");
        var options = host.Services.GetRequiredService<DbContextOptions<AppDbContext>>();
        var racer = new InterleavingFactory(options, async () =>
        {
            // The other writer: a bounce mail's effect on the same address, committed first.
            await using var other = new AppDbContext(options);
            await applier.ApplyAsync(other, [Soft("other-writer")]);
            await other.SaveChangesAsync();
        });
        var store = new DeliveryStore(racer, applier, host.Time, host.Services.GetRequiredService<Infrastructure.Telemetry.MxPortalMetrics>());
        var batch = await store.ClaimAsync(delivery, 1, TimeSpan.FromMinutes(5), "node");

        await store.RecordAsync(delivery, [new(new(batch[0].Id, batch[0].Address, "b@sender.test", Infrastructure.Sending.MessageContent.From(new MimeKit.MimeMessage())),
            Domain.Sending.AttemptOutcome.From(new Domain.Sending.SmtpFailure(Domain.Sending.SmtpStage.RcptTo, 452, "452 4.2.2 Mailbox full"), PipelineSeed.Classifier),
            host.Time.GetUtcNow().UtcDateTime, "mx.example.test")]);

        Assert.True(racer.Interleaved);
        await using var check = await seed.DbAsync();
        var record = await check.QuarantineRecords.Include(r => r.History).SingleAsync();
        Assert.Contains(record.History, h => h.EventId == "other-writer");
        Assert.Contains(record.History, h => h.EventId == $"attempt:{batch[0].Id}:1");
        Assert.Equal(1, await check.DeliveryAttempts.CountAsync());
        Assert.Equal(1, await check.BounceEvents.CountAsync());
    }

    /// <summary>Runs <paramref name="other"/> once, just before the first save of a quarantine change.</summary>
    private sealed class InterleavingFactory(DbContextOptions<AppDbContext> options, Func<Task> other) : IDbContextFactory<AppDbContext>
    {
        public bool Interleaved { get; private set; }

        private Task RunOtherAsync()
        {
            Interleaved = true;
            return other();
        }

        public AppDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<AppDbContext>(options).AddInterceptors(new Hook(this)).Options);

        private sealed class Hook(InterleavingFactory owner) : SaveChangesInterceptor
        {
            public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
                InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                if (!owner.Interleaved && eventData.Context!.ChangeTracker.Entries<QuarantineHistoryEntry>().Any())
                {
                    await owner.RunOtherAsync();
                }
                return result;
            }
        }
    }
}
