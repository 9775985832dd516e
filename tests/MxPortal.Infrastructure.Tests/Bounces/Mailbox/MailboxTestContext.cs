using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Identity;
using MxPortal.TestSupport.Mail;

namespace MxPortal.Infrastructure.Tests.Bounces.Mailbox;

/// <summary>A migrated database of one provider, a fresh Dovecot user and a mailbox row pointing at it.</summary>
internal sealed class MailboxTestContext : IAsyncDisposable
{
    public static readonly string[] CorpusMails =
        ["arf-02.eml", "lhost-exim-01.eml", "lhost-gmail-04.eml", "lhost-postfix-01.eml", "lhost-postfix-04.eml"];

    private MailboxTestContext(DataTestHost host, DovecotServer dovecot, string user, int mailboxId)
    {
        Host = host;
        Dovecot = dovecot;
        User = user;
        MailboxId = mailboxId;
    }

    public DataTestHost Host { get; }
    public DovecotServer Dovecot { get; }
    public string User { get; }
    public int MailboxId { get; }
    public static System.Security.Claims.ClaimsPrincipal Admin { get; } = Principals.With("admin@example.test", "admin", Roles.Administrator);

    public static async Task<MailboxTestContext> CreateAsync(string provider, PostgresFixture postgres, DovecotServer dovecot,
        MailProtocol protocol, string password = DovecotServer.Password, Func<BounceMailboxSettings, BounceMailboxSettings>? adjust = null)
    {
        var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        var user = "u" + Guid.NewGuid().ToString("N")[..10];
        var settings = Settings(dovecot, protocol, user, password);
        settings = adjust?.Invoke(settings) ?? settings;
        var created = await host.Services.GetRequiredService<BounceMailboxService>().CreateAsync(Admin, settings);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.SelectMany(e => e.Value)));
        return new MailboxTestContext(host, dovecot, user, created.Id!.Value);
    }

    public static BounceMailboxSettings Settings(DovecotServer dovecot, MailProtocol protocol, string user, string password) =>
        new("returns", protocol, "127.0.0.1", protocol == MailProtocol.Imap ? dovecot.ImapPort : dovecot.Pop3Port,
            MailTlsMode.None, user, password);

    public void Deliver(params string[] corpusFiles)
    {
        foreach (var f in corpusFiles) Dovecot.Deliver(User, File.ReadAllBytes(BounceCorpus.Eml(f)));
    }

    public int InMailbox => Dovecot.Count(User);

    /// <summary>Runs the job in its own scope, as Hangfire does; <paramref name="connector"/> replaces the MailKit one.</summary>
    public async Task<MailboxPollResult> PollAsync(IBounceMailboxConnector? connector = null)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var job = connector is null
            ? scope.ServiceProvider.GetRequiredService<BounceMailboxPollJob>()
            : ActivatorUtilities.CreateInstance<BounceMailboxPollJob>(scope.ServiceProvider, connector);
        return await job.RunAsync(MailboxId, CancellationToken.None);
    }

    public FaultyConnector Wrap(Func<string, Task>? beforeRemove = null, TaskCompletionSource? listGate = null) =>
        new(Host.Services.GetRequiredService<IBounceMailboxConnector>()) { BeforeRemove = beforeRemove, ListGate = listGate };

    public async Task<AppDbContext> DbAsync() =>
        await Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    /// <summary>What the parser and classifier make of the corpus files, (address, type, reason) per recipient, sorted.</summary>
    public static List<(string, FailureType, FailureReason)> Expected(params string[] corpusFiles)
    {
        var parser = new BounceMailParser();
        var classifier = new BounceClassifier(BounceRuleSet.Create(DefaultBounceRules.Create()));
        return corpusFiles.SelectMany(f =>
        {
            using var stream = File.OpenRead(BounceCorpus.Eml(f));
            var report = parser.Parse(stream).Report!;
            return report.Recipients.Select(r =>
            {
                var c = classifier.Classify(r, report.Kind);
                return (r.Address.Trim().ToLowerInvariant(), c.Type, c.Reason);
            }).ToList();
        }).Order().ToList();
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
