using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Import;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Deliveries.Import;

/// <summary>
/// One import at a time per draft: two real imports run concurrently into one draft, the second is refused while the
/// first runs and works after it ended; a crashed import blocks the draft only until its lease runs out.
/// </summary>
[Collection(DataCollection.Name)]
public sealed class ImportLeaseTests(PostgresFixture postgres)
{
    private const int Rows = 300;

    private static async Task<DataTestHost> HostAsync(string provider, PostgresFixture postgres)
    {
        var host = await DataTestHost.CreateAsync(provider, postgres, new Dictionary<string, string?> { ["Deliveries:ImportBatchSize"] = "100" });
        await DeliveryDrafts.PrepareAsync(host);
        return host;
    }

    private static string Csv(string prefix, int rows) =>
        "email,FirstName\n" + string.Concat(Enumerable.Range(1, rows).Select(i => $"{prefix}{i}@one.test,N{i}\n"));

    private static Task<RecipientImportResult> ImportAsync(DataTestHost host, long id, Stream csv) =>
        host.Services.GetRequiredService<RecipientImporter>().ImportAsync(DeliveryDrafts.Operator, id, csv, csv.Length);

    private static async Task<List<string>> AddressesAsync(DataTestHost host, long id)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.DeliveryRecipients.Where(r => r.DeliveryId == id).OrderBy(r => r.Id).Select(r => r.AddressKey).ToListAsync();
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task SecondImport_WhileTheFirstRuns_IsRefused_AndWorksOnceTheFirstEnded(string provider)
    {
        await using var host = await HostAsync(provider, postgres);
        var id = await DeliveryDrafts.CreateAsync(host);
        // The first import stops after 100 of its 300 rows (its first batch committed) until the gate opens.
        // Note: at a batch boundary, so that SQLite's single writer is free; mid-batch the second import would wait for it.
        await using var first = new GatedStream(Csv("first", Rows), openAfter: Csv("first", 100).Length);
        var running = Task.Run(() => ImportAsync(host, id, first));
        await first.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        var second = await DeliveryDrafts.ImportAsync(host, id, Csv("second", 10));
        var start = await host.Services.GetRequiredService<DeliveryService>().StartAsync(DeliveryDrafts.Operator, id);

        Assert.False(second.Applied);
        Assert.Contains("an import into this delivery is already running", second.Refusal, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("An import into this delivery is running", Assert.Single(start.Errors).Message);
        first.Open();
        var done = await running.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(done.Applied, done.Refusal);
        Assert.Equal(Rows, done.Imported);
        Assert.Equal(Enumerable.Range(1, Rows).Select(i => $"first{i}@one.test"), await AddressesAsync(host, id));

        var again = await DeliveryDrafts.ImportAsync(host, id, Csv("second", 10));

        Assert.True(again.Applied, again.Refusal);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"second{i}@one.test"), await AddressesAsync(host, id));
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == id);
        Assert.Equal((10, (string?)null, (DateTime?)null), (delivery.Total, delivery.ImportLeaseOwner, delivery.ImportLeaseUntilUtc));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "delivery.import" && a.Target == $"delivery {id}"));
    }

    [Fact]
    public async Task CrashedImport_BlocksTheDraftOnlyUntilItsLeaseRunsOut()
    {
        await using var host = await HostAsync("Sqlite", postgres);
        var id = await DeliveryDrafts.CreateAsync(host);
        var lease = TimeSpan.FromSeconds(host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DeliveryPortalOptions>>().Value.ImportLeaseSeconds);
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            // What a process killed mid-import leaves: its lease taken, never given back.
            var (taken, _) = await ImportLease.TakeAsync(db, id, lease, host.Time, CancellationToken.None);
            Assert.NotNull(taken);
        }

        var refused = await DeliveryDrafts.ImportAsync(host, id, Csv("r", 3));
        host.Time.Advance(lease - TimeSpan.FromSeconds(1));
        var stillRefused = await DeliveryDrafts.ImportAsync(host, id, Csv("r", 3));
        host.Time.Advance(TimeSpan.FromSeconds(2));
        var badHeader = await DeliveryDrafts.ImportAsync(host, id, "name,city\nAnn,Lyon\n");
        var imported = await DeliveryDrafts.ImportAsync(host, id, Csv("r", 3));

        Assert.Contains("already running", refused.Refusal);
        Assert.Contains("already running", stillRefused.Refusal);
        Assert.Contains("no address column", badHeader.Refusal);
        Assert.True(imported.Applied, imported.Refusal);
        Assert.Equal(["r1@one.test", "r2@one.test", "r3@one.test"], await AddressesAsync(host, id));
        Assert.True((await host.Services.GetRequiredService<DeliveryService>().StartAsync(DeliveryDrafts.Operator, id)).Applied);
        var late = await DeliveryDrafts.ImportAsync(host, id, Csv("r", 3));
        Assert.Contains("only a draft's recipient list can be replaced", late.Refusal);
    }

    /// <summary>
    /// Serves <paramref name="text"/> (UTF-8) but blocks the reader at byte <paramref name="openAfter"/> until
    /// <see cref="Open"/>: an import caught mid-file, as a large upload is. Synchronous reads, as the CSV reader does.
    /// </summary>
    private sealed class GatedStream(string text, int openAfter) : MemoryStream(Encoding.UTF8.GetBytes(text))
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _open = new();

        public Task Reached => _reached.Task;

        public void Open() => _open.Set();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= openAfter)
            {
                _reached.TrySetResult();
                _open.Wait(TimeSpan.FromSeconds(60));
            }
            return base.Read(buffer, offset, (int)Math.Min(count, Position < openAfter ? openAfter - Position : count));
        }

        public override int Read(Span<byte> buffer)
        {
            var array = new byte[buffer.Length];
            var n = Read(array, 0, array.Length);
            array.AsSpan(0, n).CopyTo(buffer);
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            _open.Set();
            if (disposing) _open.Dispose();
            base.Dispose(disposing);
        }
    }
}
