using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Bounces.Qualification;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Infrastructure.Tests.Bounces.Rules;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.TestSupport.Mail;
using static MxPortal.Infrastructure.Tests.Bounces.Rules.BounceRulesHost;

namespace MxPortal.Infrastructure.Tests.Bounces.Qualification;

/// <summary>
/// The qualification table through the real bounce recorder: texts no rule knows arrive To qualify; a rule created
/// from a row is previewed on what is stored, and saving it re-qualifies exactly the rows the preview counted.
/// </summary>
[Collection(DataCollection.Name)]
public sealed class QualificationServiceTests(PostgresFixture postgres)
{
    private static async Task SeedBouncesAsync(Infrastructure.Tests.Data.DataTestHost host)
    {
        await using (var db = await host.DbAsync())
        {
            db.BounceMailboxes.Add(new BounceMailbox { Name = "returns", Host = "127.0.0.1", Port = 110, UserName = "returns" });
            await db.SaveChangesAsync();
        }
        var mailbox = (await (await host.DbAsync()).BounceMailboxes.SingleAsync()).Id;
        var recorder = host.Services.GetRequiredService<BounceMailRecorder>();
        var texts = new[]
        {
            ("a1@example.test", "550 5.0.0 zorblax quibble for <a1@example.test> ref 12345"),
            ("a2@example.test", "550 5.0.0 zorblax quibble for <a2@example.test> ref 67890"),
            ("a3@example.test", "550 5.0.0 zorblax quibble again, host mx7.example.test"),
            ("a4@example.test", "550 5.0.0 wibble wobble"),
        };
        foreach (var ((to, text), i) in texts.Select((t, i) => (t, i)))
            Assert.Equal(ProcessedMailOutcome.Recorded, await recorder.RecordAsync(mailbox, 1, $"{i}", DsnMail.Create($"<dsn-{i}@mx.test>", to, "5.0.0", text), default));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task CreateRuleFromARow_RequalifiesExactlyTheToQualifyRowsThePreviewCounted(string provider)
    {
        await using var host = await CreateAsync(provider, postgres);
        await SeedBouncesAsync(host);
        var service = host.Services.GetRequiredService<QualificationService>();
        var (rows, total) = await service.PageAsync(new QualificationQuery(QualificationStatus.ToQualify), 0, 50);
        Assert.Equal(3, total);
        var top = rows[0];
        Assert.Equal((2L, "550 5.0.0 zorblax quibble for * ref #xxx#"), (top.Count, top.NormalizedText));
        var wibble = rows.Single(r => r.NormalizedText.Contains("wibble", StringComparison.Ordinal));
        Assert.Null(await service.QualifyAsync(Editor, wibble.Id, FailureType.Soft, FailureReason.Refused, QualificationStatus.Keep));

        var suggested = QualificationService.SuggestRule(top);
        Assert.Matches(suggested.Pattern, top.FirstRawText);
        suggested.Pattern = "zorblax quibble";
        var preview = await service.PreviewAsync(suggested, 0);
        var (change, requalified) = await service.CreateRuleAsync(Editor, suggested, 0);

        Assert.True(preview.IsValid, string.Join(" ", preview.Errors));
        Assert.Equal((2, 0, 3L, 3L), (preview.ToQualifyRows, preview.OtherRows, preview.Occurrences, preview.Events));
        Assert.Equal([new RulePreviewChange("Soft / Not defined (To qualify)", "Soft / Refused (Keep)", 2)], preview.RowChanges);
        Assert.Equal([new RulePreviewChange("Soft / Not defined", "Soft / Refused", 3)], preview.EventChanges);
        Assert.True(change.Applied, string.Join(" ", change.Errors));
        Assert.Equal(preview.ToQualifyRows, requalified);
        Assert.Equal(0, (await service.PageAsync(new QualificationQuery(QualificationStatus.ToQualify), 0, 50)).Total);
        await using var db = await host.DbAsync();
        Assert.Equal(2, await db.ErrorQualifications.CountAsync(q => q.Reason == FailureReason.Refused && q.NormalizedText.Contains("zorblax")));
        Assert.EndsWith("; re-qualified 2 To-qualify rows", (await db.AuditEntries.SingleAsync(e => e.Action == "bouncerule.create")).Details);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "qualification.qualify"));
        Assert.Equal(suggested.Name, (await host.Services.GetRequiredService<BounceRuleStore>().ListAsync())[0].Rule.Name);
    }

    [Fact]
    public async Task Preview_RuleShadowedByAnEarlierRule_CountsNothing()
    {
        await using var host = await CreateAsync("Sqlite", postgres);
        await SeedBouncesAsync(host);
        var service = host.Services.GetRequiredService<QualificationService>();
        Assert.True((await host.Services.GetRequiredService<BounceRuleStore>().AddAsync(Editor, Rule("first", "zorblax"), 0)).Applied);

        var preview = await service.PreviewAsync(Rule("second", "zorblax quibble"), 1);

        Assert.Equal((0, 0L), (preview.ToQualifyRows, preview.Events));
    }

    [Fact]
    public async Task Preview_InvalidRule_ReturnsTheErrorNamingTheRule()
    {
        await using var host = await CreateAsync("Sqlite", postgres);
        var preview = await host.Services.GetRequiredService<QualificationService>().PreviewAsync(Rule("broken", "("), 0);

        Assert.StartsWith("rule 'broken': the pattern does not compile", Assert.Single(preview.Errors));
    }

    [Fact]
    public async Task Qualify_ByAViewer_IsRefusedByTheService()
    {
        await using var host = await CreateAsync("Sqlite", postgres);
        var service = host.Services.GetRequiredService<QualificationService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            service.QualifyAsync(Viewer, 1, FailureType.Soft, FailureReason.Refused, QualificationStatus.Keep));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.CreateRuleAsync(Viewer, Rule("x", "x"), 0));
    }

    [Fact]
    public void SuggestedPattern_MatchesEveryCorpusLineItWasNormalizedFrom()
    {
        var lines = BounceCorpus.ReadJsonLines("smtp-lines.jsonl").Select(l => l.GetProperty("text").GetString()!).ToList();

        var misses = lines.Where(text =>
        {
            var pattern = NormalizedTextPattern.Suggest(ErrorTextNormalizer.Normalize(text));
            return BounceRuleSet.Create([Rule("suggested", pattern)]).Match(text) is null;
        }).ToList();

        Assert.NotEmpty(lines);
        Assert.Empty(misses);
    }
}
