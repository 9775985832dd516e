using Microsoft.EntityFrameworkCore;
using MimeKit;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Events;
using MxPortal.Infrastructure.Bounces.Qualification;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Dashboard;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Quarantine;
using MxPortal.Infrastructure.Telemetry;

namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>
/// Records one mail taken from a mailbox in ONE transaction: its processed row plus either its bounce
/// events and qualification upserts, or its raw copy in the unparsed list. After the commit the mail may
/// leave the mailbox; before it, nothing of it exists, so a crash on either side neither loses nor doubles it.
/// </summary>
public sealed class BounceMailRecorder(
    IDbContextFactory<AppDbContext> contexts, BounceMailParser parser, IBounceRuleSource rules, QuarantineApplier quarantine,
    TimeProvider time, MxPortalMetrics metrics)
{
    /// <summary>Records the mail; a transaction that lost a race (a quarantine record or qualification row written
    /// meanwhile) is run again whole (<see cref="ConflictRetry"/>).</summary>
    public Task<ProcessedMailOutcome> RecordAsync(int mailboxId, long uidValidity, string key, byte[] raw, CancellationToken ct) =>
        ConflictRetry.RunAsync(c => RecordOnceAsync(mailboxId, uidValidity, key, raw, c), ct);

    private async Task<ProcessedMailOutcome> RecordOnceAsync(int mailboxId, long uidValidity, string key, byte[] raw, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var message = Load(raw, out var loadError);
        var messageId = Clip(message?.MessageId, 500);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var stats = new DailyStats();
        List<BounceEvent> bounces = [];
        IReadOnlyList<QuarantineResult> quarantined = [];
        var mail = new ProcessedBounceMail
        {
            MailboxId = mailboxId, UidValidity = uidValidity, MessageKey = key, MessageId = messageId,
            ReceivedUtc = message is null || message.Date == DateTimeOffset.MinValue ? null : message.Date.UtcDateTime,
            ProcessedUtc = now,
        };
        db.ProcessedBounceMails.Add(mail);

        var parsed = message is null ? BounceParseResult.Failure(loadError!) : parser.Parse(message);
        if (messageId is not null && await db.ProcessedBounceMails.AnyAsync(p => p.MailboxId == mailboxId && p.MessageId == messageId, ct))
        {
            mail.Outcome = ProcessedMailOutcome.Duplicate;
        }
        else if (parsed.Report is not { } report)
        {
            mail.Outcome = ProcessedMailOutcome.Unparsed;
            await db.SaveChangesAsync(ct); // the unparsed row needs the processed row's id
            db.UnparsedBounceMails.Add(new UnparsedBounceMail
            {
                ProcessedBounceMailId = mail.Id, MailboxId = mailboxId, MessageId = messageId, RawMail = raw,
                Subject = Clip(message?.Subject, 500), Error = Clip(parsed.Error, 2000) ?? "unreadable", AtUtc = now,
            });
        }
        else
        {
            mail.Outcome = ProcessedMailOutcome.Recorded;
            mail.RawMail = raw;
            await db.SaveChangesAsync(ct);
            var classifier = new BounceClassifier(await rules.CurrentAsync(ct));
            var (deliveryId, recipientId) = await DeliveryCorrelation.FindAsync(db, report.VerpToken, report.MxPortalId, ct);
            var effects = new List<AddressEvent>();
            foreach (var (recipient, index) in report.Recipients.Select((r, i) => (r, i)))
            {
                var (bounce, reputation) = await EventAsync(db, classifier, report, recipient, mail.Id, now, ct);
                bounce.DeliveryId = deliveryId;
                bounce.RecipientId = recipientId;
                db.BounceEvents.Add(bounce);
                bounces.Add(bounce);
                stats.Bounce(now, bounce.Domain, bounce.Type, bounce.Reason, bounce.IsComplaint);
                if (QuarantineEventOf(bounce, reputation, $"bounce:{mailboxId}:{uidValidity}:{key}:{index}") is { } evt) effects.Add(new AddressEvent(bounce.Address, evt));
            }
            quarantined = await quarantine.ApplyAsync(db, effects, ct);
        }

        await db.SaveChangesAsync(ct);
        await stats.SaveAsync(db, ct);
        await tx.CommitAsync(ct);
        // Counted once committed: a transaction run again after a conflict counts once.
        metrics.BounceMail(mail.Outcome);
        foreach (var b in bounces) metrics.BounceMailQualified(b.Type, b.Reason, b.DecidedBy);
        metrics.Quarantine(quarantined);
        return mail.Outcome;
    }

    private static async Task<(BounceEvent Event, bool ReputationDeferral)> EventAsync(AppDbContext db, BounceClassifier classifier, BounceReport report,
        BouncedRecipient recipient, long mailId, DateTime now, CancellationToken ct)
    {
        var result = classifier.Classify(recipient, report.Kind);
        var text = string.IsNullOrWhiteSpace(recipient.DiagnosticCode) ? recipient.Detail : recipient.DiagnosticCode;
        var address = recipient.Address.Trim().ToLowerInvariant();
        var at = address.LastIndexOf('@');
        // Note: complaints, auto-replies and delivered DSNs are decided by the report, not by a text
        // a rule could match, so they stay out of the qualification table.
        var md5 = await QualificationCounter.CountAsync(db, text, result, now, ct);
        return (new BounceEvent
        {
            Address = Clip(address, 320)!, Domain = at >= 0 ? Clip(address[(at + 1)..], 255)! : "",
            Type = result.Type, Reason = result.Reason, DecidedBy = result.Source, Decider = Clip(result.Decider, 200)!,
            Status = Clip(recipient.Status ?? result.Status?.ToString(), 32), DiagnosticText = text, NormalizedTextMd5 = md5,
            VerpToken = Clip(report.VerpToken, 200), MxPortalId = Clip(report.MxPortalId, 200),
            OriginalMessageId = Clip(report.OriginalMessageId, 500), IsComplaint = recipient.IsComplaint,
            Source = BounceEventSource.Async, AtUtc = now, ProcessedBounceMailId = mailId,
        }, result.DeferralDowngrade);
    }

    // Note: auto-replies and "delivered" DSNs (Ignored) say nothing about the address, so they stay out of its history.
    private static QuarantineEvent? QuarantineEventOf(BounceEvent bounce, bool reputationDeferral, string id) =>
        bounce.IsComplaint ? QuarantineEvent.Complaint(id, bounce.DiagnosticText, bounce.DeliveryId)
        : bounce.Type == FailureType.Ignored ? null
        : reputationDeferral ? QuarantineEvent.ReputationDeferral(id, bounce.Type, bounce.Reason, bounce.DiagnosticText, bounce.DeliveryId)
        : QuarantineEvent.Error(id, bounce.Type, bounce.Reason, bounce.DiagnosticText, bounce.DeliveryId);

    private static MimeMessage? Load(byte[] raw, out string? error)
    {
        error = null;
        try
        {
            return MimeMessage.Load(new MemoryStream(raw, writable: false));
        }
        catch (Exception ex) when (ex is FormatException or ParseException)
        {
            error = $"not a MIME message: {ex.Message}";
            return null;
        }
    }

    private static string? Clip(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
