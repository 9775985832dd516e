using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries.Import;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Deliveries.Import;

/// <summary>The streaming recipient import (issue 5, item 1): counts, line numbers, Doubles, replacing a list.</summary>
[Collection(DataCollection.Name)]
public sealed class RecipientImporterTests(PostgresFixture postgres)
{
    /// <summary>
    /// Writes a CSV of <paramref name="rows"/> data rows to a file and returns the issues it must produce by line.
    /// Line 1 is the header, data row i is on line i + 2. Every 1000th row has a bad address, every 1500th an extra
    /// field, every 700th repeats the first row's address in capitals.
    /// </summary>
    private static (string Path, Dictionary<long, ImportIssueKind> Issues, int Good) Generate(int rows)
    {
        var path = System.IO.Path.GetTempFileName();
        var issues = new Dictionary<long, ImportIssueKind>();
        var good = 0;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("email;FirstName;City\r\n");
        for (var i = 0; i < rows; i++)
        {
            var line = i + 2L;
            if (i % 1000 == 999) { w.Write($"user{i}.example.test;N{i};Lyon\r\n"); issues[line] = ImportIssueKind.InvalidAddress; }
            else if (i % 1500 == 1499) { w.Write($"user{i}@d{i % 50}.example.test;N{i};Lyon;extra\r\n"); issues[line] = ImportIssueKind.MalformedRow; }
            else if (i % 700 == 699) { w.Write($"USER0@D0.EXAMPLE.TEST;N{i};Paris\r\n"); issues[line] = ImportIssueKind.Double; }
            else { w.Write($"user{i}@d{i % 50}.example.test;N{i};Lyon\r\n"); good++; }
        }
        return (path, issues, good);
    }

    // Note: repeats 700 rows apart land in other INSERT chunks (RecipientRowWriter.RowsPerInsert) and other batches.
    [Theory]
    [InlineData("Sqlite", 200_000)]
    [InlineData("Postgres", 40_000)]
    public async Task LargeFile_IsImportedStreaming_WithEveryBadLineReportedByNumber(string provider, int rows)
    {
        var (path, expected, good) = Generate(rows);
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await DeliveryDrafts.PrepareAsync(host);
        var id = await DeliveryDrafts.CreateAsync(host);
        var reports = new List<RecipientImportProgress>();

        RecipientImportResult result;
        await using (var file = File.OpenRead(path))
            result = await host.Services.GetRequiredService<RecipientImporter>()
                .ImportAsync(DeliveryDrafts.Operator, id, file, file.Length, new SyncProgress(reports.Add));
        File.Delete(path);

        Assert.True(result.Applied, result.Refusal);
        Assert.Equal(good, result.Imported);
        Assert.Equal(expected.Count(e => e.Value == ImportIssueKind.Double), result.Doubles);
        Assert.Equal(expected.Count(e => e.Value != ImportIssueKind.Double), result.Rejected);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(good, await db.DeliveryRecipients.CountAsync(r => r.DeliveryId == id && r.State == RecipientState.Pending));
        var issues = await db.DeliveryImportIssues.Where(i => i.DeliveryId == id).ToDictionaryAsync(i => i.Line, i => i.Kind);
        Assert.Equal(expected.OrderBy(e => e.Key), issues.OrderBy(e => e.Key));
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == id);
        Assert.Equal((good, result.Rejected, result.Doubles, """["FirstName","City"]"""),
            (delivery.Total, delivery.RejectedCount, delivery.DoubleCount, delivery.ColumnsJson));
        Assert.True(reports.Count >= 2, "progress is reported batch by batch");
        Assert.Equal(100, reports[^1].Percent);
        Assert.Equal(rows, reports[^1].Rows);
        Assert.Equal(100, result.FirstIssues.Count);
        Assert.Equal(expected.Keys.Order().First(), result.FirstIssues[0].Line);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Import_SkipsDoublesCaseInsensitively_StoresFields_AndReplacesThePreviousList(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await DeliveryDrafts.PrepareAsync(host);
        var id = await DeliveryDrafts.CreateAsync(host);
        await DeliveryDrafts.ImportAsync(host, id, "email,FirstName\nold@one.test,Old\n");

        var result = await DeliveryDrafts.ImportAsync(host, id,
            "Email,FirstName\r\nann@one.test,Ann\r\nnot-an-address,X\r\n\"bob@two.test\",\"Bob, Jr\"\r\nANN@ONE.TEST,Again\r\n,Nobody\r\n");

        Assert.Equal((2, 2, 1), (result.Imported, result.Rejected, result.Doubles));
        Assert.Equal([(3L, ImportIssueKind.InvalidAddress), (5L, ImportIssueKind.Double), (6L, ImportIssueKind.EmptyAddress)],
            result.FirstIssues.Select(i => (i.Line, i.Kind)));
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var rows = await db.DeliveryRecipients.Where(r => r.DeliveryId == id).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(["ann@one.test", "bob@two.test"], rows.Select(r => r.Address));
        Assert.Equal("""{"FirstName":"Bob, Jr"}""", rows[1].FieldsJson);
        Assert.Equal("two.test", rows[1].Domain);
    }

    [Fact]
    public async Task Import_WithABadHeader_IsRefusedAndKeepsThePreviousList()
    {
        await using var host = await DataTestHost.CreateAsync("Sqlite", postgres);
        await DeliveryDrafts.PrepareAsync(host);
        var id = await DeliveryDrafts.WithRecipientsAsync(host, ["a@one.test"]);

        var result = await DeliveryDrafts.ImportAsync(host, id, "name,city\nAnn,Lyon\n");

        Assert.False(result.Applied);
        Assert.Contains("no address column", result.Refusal);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.DeliveryRecipients.CountAsync(r => r.DeliveryId == id));
    }

    [Fact]
    public async Task Import_ByAViewer_IsRefused()
    {
        await using var host = await DataTestHost.CreateAsync("Sqlite", postgres);
        await DeliveryDrafts.PrepareAsync(host);
        var id = await DeliveryDrafts.CreateAsync(host);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("email\na@one.test\n"));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            host.Services.GetRequiredService<RecipientImporter>().ImportAsync(DeliveryDrafts.Viewer, id, stream, null));
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; this one records in order, on the importer's thread.</summary>
    private sealed class SyncProgress(Action<RecipientImportProgress> report) : IProgress<RecipientImportProgress>
    {
        public void Report(RecipientImportProgress value) => report(value);
    }
}
