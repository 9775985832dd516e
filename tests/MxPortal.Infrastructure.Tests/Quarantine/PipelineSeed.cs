using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Sending;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.TestSupport.Mail;

namespace MxPortal.Infrastructure.Tests.Quarantine;

/// <summary>Fills a test database the way the portal does: outcomes through <see cref="DeliveryStore"/>, bounce mails
/// through <see cref="BounceMailRecorder"/>.</summary>
internal sealed class PipelineSeed(DataTestHost host)
{
    public static readonly BounceClassifier Classifier = new(BounceRuleSet.Create(DefaultBounceRules.Create()));

    public DataTestHost Host => host;

    public Task<AppDbContext> DbAsync() => host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    public async Task<(long DeliveryId, IReadOnlyList<DeliveryRecipient> Recipients)> DeliveryAsync(string name, params string[] addresses)
    {
        await using var db = await DbAsync();
        var now = host.Time.GetUtcNow().UtcDateTime;
        var delivery = new Delivery { Name = name, Status = DeliveryStatus.Running, FromAddress = "news@sender.test",
            Subject = "Hi", TextBody = "Hi", ReturnPathDomain = "sender.test", CreatedUtc = now, StartedUtc = now, Total = addresses.Length };
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        var rows = addresses.Select(a => new DeliveryRecipient
        {
            DeliveryId = delivery.Id, Address = a, AddressKey = a.ToLowerInvariant(), Domain = a[(a.IndexOf('@') + 1)..].ToLowerInvariant(),
        }).ToList();
        db.DeliveryRecipients.AddRange(rows);
        await db.SaveChangesAsync();
        return (delivery.Id, rows);
    }

    /// <summary>Claims every due recipient of the delivery and records one outcome each: a reply to fail with, or null for Sent.</summary>
    public async Task SendAsync(long deliveryId, Func<DeliveryRecipient, string?> reply)
    {
        var store = host.Services.GetRequiredService<DeliveryStore>();
        var batch = await store.ClaimAsync(deliveryId, 1000, TimeSpan.FromMinutes(5), "test");
        await store.RecordAsync(deliveryId, batch.Select(r => reply(r) is { } text
            ? Record(r, AttemptOutcome.From(new SmtpFailure(SmtpStage.RcptTo, int.Parse(text[..3], System.Globalization.CultureInfo.InvariantCulture), text), Classifier))
            : Record(r, AttemptOutcome.Sent("250 2.0.0 Ok"))).ToList());
    }

    public async Task<int> MailboxAsync()
    {
        await using var db = await DbAsync();
        var box = new BounceMailbox { Name = "returns", Host = "127.0.0.1", Port = 110, UserName = "returns" };
        db.BounceMailboxes.Add(box);
        await db.SaveChangesAsync();
        return box.Id;
    }

    public Task<ProcessedMailOutcome> BounceMailAsync(int mailbox, string key, string recipient, string status, string diagnostic, string? verp = null) =>
        host.Services.GetRequiredService<BounceMailRecorder>().RecordAsync(mailbox, 1, key, Dsn($"<{key}@mx.test>", recipient, status, diagnostic, verp), default);

    private AttemptRecord Record(DeliveryRecipient r, AttemptOutcome o) =>
        new(new OutgoingMessage(r.Id, r.Address, "b@sender.test", MessageContent.From(new MimeMessage())), o, host.Time.GetUtcNow().UtcDateTime, "mx.example.test");

    public static byte[] Dsn(string messageId, string recipient, string status, string diagnostic, string? verp) =>
        DsnMail.Create(messageId, recipient, status, diagnostic, verp is null ? "bounces@sender.test" : $"bounce+{verp}@sender.test");
}
