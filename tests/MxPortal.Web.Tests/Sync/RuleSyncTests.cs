using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sync;
using MxPortal.Infrastructure.Bounces.Qualification;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Sync;
using MxPortal.Web.Tests.Hosting;

namespace MxPortal.Web.Tests.Sync;

/// <summary>
/// Synchronization between a publisher and a client, two real instances over HTTP on loopback ports (issue 7):
/// edits travel, an unchanged feed is a 304 no-op, every kind of failure leaves the client's rules exactly as they
/// were, local rules survive, Custom mode stops a data type and shows drift, and texts to qualify travel up without addresses.
/// </summary>
public sealed class RuleSyncTests(SyncPairFixture pair) : IClassFixture<SyncPairFixture>
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static MxRule Mx(string mask, int perHour, RuleSource source = RuleSource.Local) =>
        new() { Mask = mask, MaxConnections = 3, MaxMessagesPerConnection = 30, MessagesPerHour = perHour, Source = source };

    private static BounceRule Bounce(string name, string pattern) =>
        new() { Name = name, Pattern = pattern, Type = FailureType.Hard, Reason = FailureReason.UserUnknown };

    private Task PublishMxAsync(string mask, int perHour) => Applied(pair.OnPublisher<MxRuleStore>().AddAsync(SyncPairFixture.Editor, Mx(mask, perHour)));

    private static async Task Applied(Task<MxRuleChange> change) => Assert.True((await change).Applied, string.Join(" ", (await change).Errors));

    private static async Task Applied(Task<BounceRuleChange> change) => Assert.True((await change).Applied, string.Join(" ", (await change).Errors));

    private async Task<MxRule?> ClientMxAsync(string mask) =>
        (await pair.OnClient<MxRuleStore>().LoadAsync()).Rules.FirstOrDefault(r => r.Mask == mask);

    private async Task<BounceRule?> ClientBounceAsync(string name) =>
        (await pair.OnClient<BounceRuleStore>().ListAsync()).Select(r => r.Rule).FirstOrDefault(r => r.Name == name);

    [Fact]
    public async Task RuleEditedOnPublisher_ReachesTheClientAfterSyncNow_WithItsDiffInTheHistory()
    {
        var mask = Unique("*.reach") + ".test";
        var name = Unique("reach");
        var domain = Unique("reach") + ".test";
        await PublishMxAsync(mask, 4321);
        await Applied(pair.OnPublisher<BounceRuleStore>().AddAsync(SyncPairFixture.Editor, Bounce(name, @"no such user \d+")));
        Assert.Null(await pair.OnPublisher<SuppressionStore>().AddAsync(SyncPairFixture.Editor, domain));

        var run = await pair.SyncNowAsync();

        Assert.Equal(SyncResult.Applied, run.Result);
        var rule = await ClientMxAsync(mask);
        Assert.Equal((4321, RuleSource.Synced), (rule?.MessagesPerHour, rule?.Source));
        var bounce = await ClientBounceAsync(name);
        Assert.Equal((@"no such user \d+", BounceRuleSource.Synced), (bounce?.Pattern, bounce?.Source));
        Assert.Equal(domain, await pair.OnClient<SuppressionList>().MatchAsync("anyone@mail." + domain));
        var changes = await pair.OnClient<SyncHistory>().ChangesAsync(run.Id);
        var added = Assert.Single(changes, c => c.Key == mask);
        Assert.Equal((ChangeKind.Added, null), (added.Kind, added.Before));
        Assert.Contains("\"messagesPerHour\":4321", added.After);
        Assert.Contains(changes, c => c.DataType == SyncDataType.BounceRules && c.Key == name.ToLowerInvariant() && c.Kind == ChangeKind.Added);

        // Then an edit of that rule on the publisher arrives as a change with before and after.
        var publisherRule = (await pair.OnPublisher<MxRuleStore>().LoadAsync()).Rules.Single(r => r.Mask == mask);
        await Applied(pair.OnPublisher<MxRuleStore>().UpdateAsync(SyncPairFixture.Editor, mask, publisherRule with { MessagesPerHour = 555 }));
        var second = await pair.SyncNowAsync();
        var changed = Assert.Single(await pair.OnClient<SyncHistory>().ChangesAsync(second.Id), c => c.Key == mask);
        Assert.Equal(ChangeKind.Changed, changed.Kind);
        Assert.Contains("4321", changed.Before);
        Assert.Contains("555", changed.After);
        Assert.Equal(555, (await ClientMxAsync(mask))?.MessagesPerHour);
    }

    [Fact]
    public async Task UnchangedFeed_Is304_AndRecordsOnlyAnUnchangedRun()
    {
        await pair.SyncNowAsync();
        var before = await pair.ClientRulesAsync();
        var runsBefore = (await pair.OnClient<SyncHistory>().RecentAsync(1000)).Count;
        pair.Proxy.FeedStatuses.Clear();

        var run = await pair.SyncNowAsync();

        Assert.Equal(SyncResult.Unchanged, run.Result);
        Assert.Contains("304", run.Note);
        Assert.Equal([304], pair.Proxy.FeedStatuses);
        Assert.Empty(await pair.OnClient<SyncHistory>().ChangesAsync(run.Id));
        Assert.Equal(runsBefore + 1, (await pair.OnClient<SyncHistory>().RecentAsync(1000)).Count);
        Assert.Equal(before, await pair.ClientRulesAsync());
    }

    [Fact]
    public async Task AfterThePublicKeyChanges_TheStoredFeedIsNotOfferedFor304_AndTheFeedIsCheckedAgainstTheNewKey()
    {
        await pair.SyncNowAsync();
        var before = await pair.ClientRulesAsync();
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        // The same client database, restarted with another publisher key configured.
        await using var rekeyed = new PortalFactory(SyncPairFixture.ClientSettings(pair.Proxy.Address, pair.ApiKey, other.ExportSubjectPublicKeyInfoPem()),
            pair.Client.DataDirectory);
        pair.Proxy.FeedStatuses.Clear();

        var run = await rekeyed.Services.GetRequiredService<RuleSyncService>().RunNowAsync(SyncPairFixture.Editor);

        Assert.Equal(SyncResult.Failed, run.Result);
        Assert.Contains("but Sync:PublicKey is key", run.Error);
        Assert.Equal([200], pair.Proxy.FeedStatuses);
        Assert.Equal(before, await pair.ClientRulesAsync());
    }

    [Theory]
    [InlineData(FeedProxy.Mode.Tamper, "signature does not match")]
    [InlineData(FeedProxy.Mode.WrongApiKey, "refused the API key (401)")]
    [InlineData(FeedProxy.Mode.WrongSigningKey, "but Sync:PublicKey is key")]
    [InlineData(FeedProxy.Mode.InvalidRegexSigned, "does not compile")]
    [InlineData(FeedProxy.Mode.Hang, "within 4 s")]
    [InlineData(FeedProxy.Mode.Down, "Cannot reach the publisher")]
    public async Task BrokenFeedOrPublisher_LeavesTheClientsRulesExactlyAsTheyWere_RecordsTheError_AndTheNextRunRecovers(FeedProxy.Mode mode, string error)
    {
        await pair.SyncNowAsync();
        var mask = Unique("*.broken") + ".test";
        await PublishMxAsync(mask, 777);
        var before = await pair.ClientRulesAsync();

        pair.Proxy.Current = mode;
        SyncRun run;
        try
        {
            run = await pair.SyncNowAsync();
        }
        finally
        {
            pair.Proxy.Current = FeedProxy.Mode.Forward;
        }

        Assert.Equal(SyncResult.Failed, run.Result);
        Assert.Contains(error, run.Error);
        Assert.Equal(before, await pair.ClientRulesAsync());
        var recorded = (await pair.OnClient<SyncHistory>().RecentAsync(1)).Single();
        Assert.Equal((run.Id, SyncResult.Failed, run.Error), (recorded.Id, recorded.Result, recorded.Error));
        Assert.Null(await ClientMxAsync(mask));

        var retry = await pair.SyncNowAsync();
        Assert.Equal(SyncResult.Applied, retry.Result);
        Assert.Equal(777, (await ClientMxAsync(mask))?.MessagesPerHour);
    }

    [Fact]
    public async Task LocalRules_SurviveSyncs_EvenWhenThePublisherHasRulesOfTheSameKey()
    {
        var mask = Unique("*.local") + ".test";
        var name = Unique("local");
        var domain = Unique("local") + ".test";
        await Applied(pair.OnClient<MxRuleStore>().AddAsync(SyncPairFixture.Editor, Mx(mask, 5)));
        await Applied(pair.OnClient<BounceRuleStore>().AddAsync(SyncPairFixture.Editor, Bounce(name, "client pattern")));
        Assert.Null(await pair.OnClient<SuppressionStore>().AddAsync(SyncPairFixture.Editor, domain, "client's own"));
        await PublishMxAsync(mask, 9999);
        await Applied(pair.OnPublisher<BounceRuleStore>().AddAsync(SyncPairFixture.Editor, Bounce(name, "publisher pattern")));

        await pair.SyncNowAsync();
        await pair.SyncNowAsync();

        Assert.Equal((5, RuleSource.Local), ((await ClientMxAsync(mask))?.MessagesPerHour, (await ClientMxAsync(mask))?.Source));
        Assert.Equal(("client pattern", BounceRuleSource.Local), ((await ClientBounceAsync(name))?.Pattern, (await ClientBounceAsync(name))?.Source));
        Assert.Single((await pair.OnClient<MxRuleStore>().LoadAsync()).Rules, r => r.Mask == mask);
        var entry = Assert.Single(await pair.OnClient<SuppressionStore>().ListAsync(domain));
        Assert.Equal((RuleSource.Local, "client's own"), (entry.Source, entry.Comment));
    }

    [Fact]
    public async Task CustomModeForBounceRules_StopsOnlyThatType_ShowsDrift_AndAPublishedRuleCanBeAdopted()
    {
        var name = Unique("custom");
        var mask = Unique("*.custom") + ".test";
        await pair.SyncNowAsync();
        Assert.Null(await pair.OnClient<SyncModeStore>().SetCustomAsync(SyncPairFixture.Editor, SyncDataType.BounceRules, true));
        try
        {
            await Applied(pair.OnPublisher<BounceRuleStore>().AddAsync(SyncPairFixture.Editor, Bounce(name, "custom mode pattern")));
            await PublishMxAsync(mask, 321);

            var run = await pair.SyncNowAsync();

            Assert.Equal(SyncResult.Applied, run.Result);
            Assert.Contains("not applied: bounce rules", run.Note);
            Assert.NotNull(await ClientMxAsync(mask));
            Assert.Null(await ClientBounceAsync(name));
            var drift = await pair.OnClient<DriftService>().ReportAsync(SyncDataType.BounceRules);
            var item = Assert.Single(drift!, d => d.Key == name.ToLowerInvariant());
            Assert.Equal(DriftKind.OnlyPublished, item.Kind);
            Assert.Contains("custom mode pattern", item.Published);

            Assert.Null(await pair.OnClient<DriftService>().AdoptAsync(SyncPairFixture.Editor, SyncDataType.BounceRules, item.Key));

            Assert.Equal("custom mode pattern", (await ClientBounceAsync(name))?.Pattern);
            Assert.Equal(DriftKind.Same, (await pair.OnClient<DriftService>().ReportAsync(SyncDataType.BounceRules))!.Single(d => d.Key == item.Key).Kind);
        }
        finally
        {
            await pair.OnClient<SyncModeStore>().SetCustomAsync(SyncPairFixture.Editor, SyncDataType.BounceRules, false);
        }
    }

    [Fact]
    public async Task CustomThroughputLevel_StopsMxRuleSync()
    {
        var mask = Unique("*.level") + ".test";
        await pair.OnClient<ThroughputStore>().SetInstanceLevelAsync(SyncPairFixture.Editor, ThroughputLevel.Custom);
        try
        {
            await PublishMxAsync(mask, 42);

            var run = await pair.SyncNowAsync();

            Assert.NotEqual(SyncResult.Failed, run.Result);
            Assert.Null(await ClientMxAsync(mask));
            Assert.Contains(await pair.OnClient<DriftService>().ReportAsync(SyncDataType.MxRules) ?? [], d => d.Key == mask && d.Kind == DriftKind.OnlyPublished);
        }
        finally
        {
            await pair.OnClient<ThroughputStore>().SetInstanceLevelAsync(SyncPairFixture.Editor, ThroughputLevel.Normal);
            await pair.OnClient<SyncModeStore>().SetCustomAsync(SyncPairFixture.Editor, SyncDataType.MxRules, false);
        }
        await pair.SyncNowAsync();
        Assert.Equal(42, (await ClientMxAsync(mask))?.MessagesPerHour);
    }

    [Fact]
    public async Task TextsToQualify_ArePushedUp_WithoutAnyAddress_AndCountedOnce()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var raw = $"550 5.1.1 <alice.{id}@customer.example>: Recipient rejected, bob.{id}@customer.example unknown";
        var normalized = ErrorTextNormalizer.Normalize(raw);
        await using (var db = await pair.OnClient<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.ErrorQualifications.Add(new ErrorQualification
            {
                NormalizedText = normalized, Md5 = ErrorTextNormalizer.Md5(normalized), FirstRawText = raw, Count = 4,
                FirstSeenUtc = DateTime.UtcNow.AddHours(-2), LastSeenUtc = DateTime.UtcNow.AddHours(-1), Status = QualificationStatus.ToQualify,
            });
            await db.SaveChangesAsync();
        }

        var run = await pair.SyncNowAsync();
        await pair.SyncNowAsync();

        Assert.True(run.Note?.Contains("1 of 1 texts to qualify sent to the publisher") == true, $"{run.Result}: {run.Error} {run.Note}");
        await using var publisher = await pair.OnPublisher<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var row = await publisher.ErrorQualifications.SingleAsync(q => q.Md5 == ErrorTextNormalizer.Md5(normalized));
        Assert.Equal((4, QualificationStatus.ToQualify), (row.Count, row.Status));
        var everything = string.Join("|", await publisher.ErrorQualifications.Select(q => q.NormalizedText + q.FirstRawText).ToListAsync());
        Assert.DoesNotContain(id, everything);
        Assert.DoesNotContain("@customer.example", everything);
        Assert.DoesNotContain("alice", everything);
    }

    [Fact]
    public async Task Client_SchedulesTheDailyJob_WhichRecordsFailuresAndThrowsThemForHangfireToRetry()
    {
        using (var connection = pair.OnClient<Hangfire.JobStorage>().GetConnection())
        {
            var job = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == Infrastructure.Jobs.RecurringJobTable.RuleSync);
            Assert.Equal("0 6 * * *", job.Cron);
        }
        using (var connection = pair.OnPublisher<Hangfire.JobStorage>().GetConnection())
            Assert.DoesNotContain(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == Infrastructure.Jobs.RecurringJobTable.RuleSync);

        await using var scope = pair.Client.Services.CreateAsyncScope();
        var syncJob = scope.ServiceProvider.GetRequiredService<RuleSyncJob>();
        pair.Proxy.Current = FeedProxy.Mode.Down;
        try
        {
            await Assert.ThrowsAsync<RuleFeedException>(() => syncJob.RunAsync(CancellationToken.None));
        }
        finally
        {
            pair.Proxy.Current = FeedProxy.Mode.Forward;
        }
        var failed = (await pair.OnClient<SyncHistory>().RecentAsync(1)).Single();
        Assert.Equal((SyncResult.Failed, RuleSyncService.ScheduleTrigger), (failed.Result, failed.Trigger));
        await syncJob.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PublishersPrivateKey_IsStoredProtected()
    {
        var key = await pair.OnPublisher<SigningKeyStore>().GetAsync();
        await using var db = await pair.OnPublisher<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var row = await db.SyncSigningKeys.SingleAsync();

        Assert.Equal(key.KeyId, row.KeyId);
        Assert.DoesNotContain(Convert.ToBase64String(key.Key.ExportPkcs8PrivateKey()), row.ProtectedPrivateKey);
        Assert.Equal(Convert.ToBase64String(key.Key.ExportSubjectPublicKeyInfo()), row.PublicKey);
    }
}
