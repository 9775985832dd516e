using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Quarantine;
using MxPortal.Domain.Sending;
using MxPortal.Domain.Sending.Waves;
using MxPortal.Domain.Sync;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Sync;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Sending;
using MxPortal.TestSupport.Mail;

namespace MxPortal.Infrastructure.Tests.Deliveries;

/// <summary>
/// Start, pause, resume and cancel (issue 5, item 5) against the real run job, a real dnsmasq and a scripted MX:
/// the job honours a pause or cancel between batches, resume enqueues it again, a start skips quarantined and
/// denylisted addresses and holds later waves back until their time.
/// </summary>
[Collection(DataCollection.Name)]
public sealed class DeliveryControlTests(PostgresFixture postgres, EngineFixture mx) : IClassFixture<EngineFixture>
{
    private const int Batch = 5;

    private Task<DataTestHost> HostAsync(string provider) => DeliveryRuns.HostAsync(provider, postgres, mx, Batch);

    private static IEnumerable<string> Addresses(int n, string domain = "one.test") => Enumerable.Range(1, n).Select(i => $"r{i}@{domain}");

    private static Task RunAsync(DataTestHost host, long id) => DeliveryRuns.RunAsync(host, id);

    private static Task<Dictionary<RecipientState, int>> StatesAsync(DataTestHost host, long id) => DeliveryRuns.StatesAsync(host, id);

    private static Task<AppDbContext> Db(DataTestHost host) => DeliveryRuns.Db(host);

    private static long Enqueued(DataTestHost host) => host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default");

    private static SmtpScript OnFirstRecipient(Func<Task> action) => DeliveryRuns.OnFirstRecipient(action);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Pause_MidBatch_StopsTheRunAfterTheBatch_AndResumeEnqueuesItAgainAndFinishes(string provider)
    {
        await using var host = await HostAsync(provider);
        var service = host.Services.GetRequiredService<DeliveryService>();
        var id = await DeliveryDrafts.WithRecipientsAsync(host, Addresses(3 * Batch));
        Assert.True((await service.StartAsync(DeliveryDrafts.Operator, id)).Applied);
        Assert.Equal(1, Enqueued(host));
        await using var server = mx.Server(EngineFixture.Live1, OnFirstRecipient(() => service.PauseAsync(DeliveryDrafts.Operator, id)));

        await RunAsync(host, id);

        var states = await StatesAsync(host, id);
        Assert.Equal((Batch, 2 * Batch), (states[RecipientState.Sent], states[RecipientState.Pending]));
        Assert.Equal(DeliveryStatus.Paused, (await host.Services.GetRequiredService<DeliveryReader>().FindAsync(id))!.Status);
        Assert.Equal(Batch, server.Messages.Count);

        Assert.True((await service.ResumeAsync(DeliveryDrafts.Operator, id)).Applied);
        Assert.Equal(2, Enqueued(host));
        await RunAsync(host, id);

        Assert.Equal(3 * Batch, (await StatesAsync(host, id))[RecipientState.Sent]);
        var delivery = (await host.Services.GetRequiredService<DeliveryReader>().FindAsync(id))!;
        Assert.Equal((DeliveryStatus.Completed, 3 * Batch), (delivery.Status, delivery.SentCount));
        Assert.Contains("Hello r1", server.Messages.Select(m => m.Content).First(c => c.Contains("To: r1@one.test", StringComparison.Ordinal)));
        await using var db = await Db(host);
        Assert.Equal(["delivery.create", "delivery.import", "delivery.start", "delivery.pause", "delivery.resume"],
            await db.AuditEntries.Where(a => a.Target == $"delivery {id}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task Cancel_MidBatch_FinishesTheBatch_AndMarksEveryRemainingRecipientCancelled()
    {
        await using var host = await HostAsync("Sqlite");
        var service = host.Services.GetRequiredService<DeliveryService>();
        var id = await DeliveryDrafts.WithRecipientsAsync(host, Addresses(3 * Batch));
        Assert.True((await service.StartAsync(DeliveryDrafts.Operator, id)).Applied);
        await using var server = mx.Server(EngineFixture.Live1, OnFirstRecipient(() => service.CancelAsync(DeliveryDrafts.Operator, id)));

        await RunAsync(host, id);
        await RunAsync(host, id); // a second run (e.g. a scheduled retry) sends nothing more

        Assert.Equal(new Dictionary<RecipientState, int> { [RecipientState.Sent] = Batch, [RecipientState.Cancelled] = 2 * Batch },
            await StatesAsync(host, id));
        var delivery = (await host.Services.GetRequiredService<DeliveryReader>().FindAsync(id))!;
        Assert.Equal(DeliveryStatus.Cancelled, delivery.Status);
        Assert.NotNull(delivery.CompletedUtc);
        Assert.Equal(Batch, server.Messages.Count);
        Assert.False((await service.ResumeAsync(DeliveryDrafts.Operator, id)).Applied);
    }

    [Fact]
    public async Task Viewer_CannotStartPauseResumeOrCancel_AndNothingChanges()
    {
        await using var host = await HostAsync("Sqlite");
        var service = host.Services.GetRequiredService<DeliveryService>();
        var id = await DeliveryDrafts.WithRecipientsAsync(host, Addresses(2));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.StartAsync(DeliveryDrafts.Viewer, id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SaveDraftAsync(DeliveryDrafts.Viewer, id, DeliveryDrafts.Draft("x")));
        Assert.True((await service.StartAsync(DeliveryDrafts.Operator, id)).Applied);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.PauseAsync(DeliveryDrafts.Viewer, id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.CancelAsync(DeliveryDrafts.Viewer, id));

        Assert.Equal(DeliveryStatus.Running, (await host.Services.GetRequiredService<DeliveryReader>().FindAsync(id))!.Status);
        Assert.Equal(1, Enqueued(host));
        var again = await service.StartAsync(DeliveryDrafts.Operator, id);
        Assert.Contains("only a draft can be started", Assert.Single(again.Errors).Message);
    }

    [Fact]
    public async Task Start_WithoutRecipients_OrWithAFieldTheListLacks_IsRefused()
    {
        await using var host = await HostAsync("Sqlite");
        var service = host.Services.GetRequiredService<DeliveryService>();
        var empty = await DeliveryDrafts.CreateAsync(host);
        Assert.Equal("Recipients", Assert.Single((await service.StartAsync(DeliveryDrafts.Operator, empty)).Errors).Field);

        var id = await DeliveryDrafts.CreateAsync(host, DeliveryDrafts.Draft(subject: "Hello {{Nickname}}"));
        await DeliveryDrafts.ImportAsync(host, id, "email,FirstName\na@one.test,Ann\n");
        var refused = await service.StartAsync(DeliveryDrafts.Operator, id);

        Assert.Contains(refused.Errors, e => e.Field == "Subject" && e.Message.Contains("'{{Nickname}}' names no column", StringComparison.Ordinal));
        Assert.Equal(DeliveryStatus.Draft, (await host.Services.GetRequiredService<DeliveryReader>().FindAsync(id))!.Status);
    }

    [Fact]
    public async Task Start_SkipsQuarantinedAndDenylistedAddresses_WithTheirReason_BeforeSending()
    {
        await using var host = await HostAsync("Sqlite");
        await using (var db = await Db(host))
        {
            foreach (var (address, status) in new[] { ("R2@one.test", AddressStatus.Quarantine), ("r3@one.test", AddressStatus.Denylisted), ("r4@one.test", AddressStatus.WithErrors) })
            {
                var record = QuarantineRecord.Create(address);
                record.Status = status;
                db.QuarantineRecords.Add(record);
            }
            await db.SaveChangesAsync();
        }
        var id = await DeliveryDrafts.WithRecipientsAsync(host, Addresses(5));
        await using var server = mx.Server(EngineFixture.Live1);

        Assert.True((await host.Services.GetRequiredService<DeliveryService>().StartAsync(DeliveryDrafts.Operator, id)).Applied);
        await RunAsync(host, id);

        await using var check = await Db(host);
        var skipped = await check.DeliveryRecipients.Where(r => r.DeliveryId == id && r.State == RecipientState.Skipped)
            .OrderBy(r => r.Id).Select(r => new { r.Address, r.FailureReason }).ToListAsync();
        Assert.Equal([("r2@one.test", FailureReason.AddressInQuarantine), ("r3@one.test", FailureReason.DenylistedAddress)],
            skipped.Select(s => (s.Address, s.FailureReason!.Value)));
        Assert.Equal(["r1@one.test", "r4@one.test", "r5@one.test"], server.Messages.SelectMany(m => m.Recipients).Order());
        var delivery = await check.Deliveries.SingleAsync(d => d.Id == id);
        Assert.Equal((DeliveryStatus.Completed, 3, 2), (delivery.Status, delivery.SentCount, delivery.SkippedCount));
    }

    [Fact]
    public async Task Start_SkipsAddressesAndDomainsOnTheSuppressionList_IncludingSubdomains_AsDenylisted()
    {
        await using var host = await HostAsync("Sqlite");
        await using (var db = await Db(host))
        {
            foreach (var (value, kind) in new[] { ("r2@one.test", SuppressionKind.Address), ("blocked.test", SuppressionKind.Domain), ("ne.test", SuppressionKind.Domain) })
            {
                db.SuppressionEntries.Add(new SuppressionEntryRow { Value = value, Kind = kind, Source = RuleSource.Synced, CreatedBy = "sync" });
            }
            await db.SaveChangesAsync();
        }
        // Note: "one.test" ends with the listed "ne.test" but is another domain; it must still be sent.
        var id = await DeliveryDrafts.WithRecipientsAsync(host,
            ["r1@one.test", "R2@One.test", "a@blocked.test", "b@mail.blocked.test", "r3@one.test"]);
        await using var server = mx.Server(EngineFixture.Live1);

        Assert.True((await host.Services.GetRequiredService<DeliveryService>().StartAsync(DeliveryDrafts.Operator, id)).Applied);
        await RunAsync(host, id);

        await using var check = await Db(host);
        var skipped = await check.DeliveryRecipients.Where(r => r.DeliveryId == id && r.State == RecipientState.Skipped)
            .OrderBy(r => r.Id).Select(r => new { r.AddressKey, r.FailureReason }).ToListAsync();
        Assert.Equal(["r2@one.test", "a@blocked.test", "b@mail.blocked.test"], skipped.Select(s => s.AddressKey));
        Assert.All(skipped, s => Assert.Equal(FailureReason.DenylistedAddress, s.FailureReason));
        Assert.Equal(["r1@one.test", "r3@one.test"], server.Messages.SelectMany(m => m.Recipients).Order());
        var delivery = await check.Deliveries.SingleAsync(d => d.Id == id);
        Assert.Equal((DeliveryStatus.Completed, 2, 3), (delivery.Status, delivery.SentCount, delivery.SkippedCount));
    }

    [Fact]
    public async Task Start_WithWaves_GivesLaterWavesTheirNotBeforeTime_AndTheRunSendsEachWaveWhenItsTimeComes()
    {
        await using var host = await HostAsync("Sqlite");
        IReadOnlyList<Wave> waves = [Wave.OfSize(TimeSpan.Zero, 3), Wave.OfPercent(TimeSpan.FromHours(1), 50), Wave.OfSize(TimeSpan.FromHours(2), 1)];
        var id = await DeliveryDrafts.WithRecipientsAsync(host, Addresses(10), DeliveryDrafts.Draft(waves: waves));
        var start = host.Time.GetUtcNow().UtcDateTime;
        await using var server = mx.Server(EngineFixture.Live1);

        Assert.True((await host.Services.GetRequiredService<DeliveryService>().StartAsync(DeliveryDrafts.Operator, id)).Applied);

        await using (var db = await Db(host))
        {
            var plan = await db.DeliveryRecipients.Where(r => r.DeliveryId == id).OrderBy(r => r.Id).Select(r => new { r.State, r.NextAttemptUtc }).ToListAsync();
            Assert.Equal(Enumerable.Repeat((RecipientState.Pending, (DateTime?)null), 3)
                    .Concat(Enumerable.Repeat((RecipientState.Deferred, (DateTime?)start.AddHours(1)), 5))
                    .Concat(Enumerable.Repeat((RecipientState.Deferred, (DateTime?)start.AddHours(2)), 2)),
                plan.Select(p => (p.State, p.NextAttemptUtc)));
        }
        await RunAsync(host, id);
        Assert.Equal(3, server.Messages.Count);
        Assert.Equal(1, host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledCount());

        host.Time.Advance(TimeSpan.FromHours(1));
        await RunAsync(host, id);
        Assert.Equal(8, server.Messages.Count);

        host.Time.Advance(TimeSpan.FromHours(1));
        await RunAsync(host, id);
        Assert.Equal(10, server.Messages.Count);
        Assert.Equal(DeliveryStatus.Completed, (await host.Services.GetRequiredService<DeliveryReader>().FindAsync(id))!.Status);
        await using var check = await Db(host);
        Assert.All(await check.DeliveryRecipients.Where(r => r.DeliveryId == id).ToListAsync(), r => Assert.Equal(1, r.Attempts));
    }
}
