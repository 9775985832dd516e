using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>
/// The unparsed list for Administrators: mails the poller could not read as bounces, kept raw. A mail leaves the list
/// only by an explicit delete (audited) or once a re-process has recorded it as a bounce.
/// </summary>
public sealed class UnparsedMailService(IDbContextFactory<AppDbContext> contexts, BounceMailParser parser, BounceMailRecorder recorder, AuditLog audit)
{
    public async Task<(IReadOnlyList<UnparsedMailSummary> Rows, int Total)> PageAsync(ClaimsPrincipal actor, int page, int pageSize, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.ManageMailboxes);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var total = await db.UnparsedBounceMails.CountAsync(ct);
        var rows = await db.UnparsedBounceMails.AsNoTracking().OrderByDescending(u => u.AtUtc).ThenByDescending(u => u.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Select(u => new UnparsedMailSummary(u.Id, u.MailboxId, db.BounceMailboxes.Where(m => m.Id == u.MailboxId).Select(m => m.Name).FirstOrDefault(),
                u.MessageId, u.Subject, u.Error, u.AtUtc, u.RawMail.Length))
            .ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>The raw mail as text (UTF-8, invalid bytes replaced), or null when it is gone.</summary>
    public async Task<string?> RawAsync(ClaimsPrincipal actor, long id, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.ManageMailboxes);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var raw = await db.UnparsedBounceMails.Where(u => u.Id == id).Select(u => u.RawMail).SingleOrDefaultAsync(ct);
        return raw is null ? null : Encoding.UTF8.GetString(raw);
    }

    public async Task DeleteAsync(ClaimsPrincipal actor, long id, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.ManageMailboxes);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var mail = await db.UnparsedBounceMails.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (mail is null) return;
        db.UnparsedBounceMails.Remove(mail);
        audit.Add(db, Actor.Name(actor), "unparsedmail.delete", mail.MessageId ?? $"#{mail.Id}", $"subject: {mail.Subject}; error: {mail.Error}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Parses the mail again (after a parser upgrade). Still unreadable: nothing changes and the reason is returned.
    /// Readable: it is recorded as a new bounce mail, then leaves the list; a crash in between leaves it listed, and
    /// a second try finds it recorded and only removes it. Returns null on success.
    /// </summary>
    public async Task<string?> ReprocessAsync(ClaimsPrincipal actor, long id, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.ManageMailboxes);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var mail = await db.UnparsedBounceMails.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (mail is null) return "That mail is no longer in the list (reload the page).";
        var parsed = parser.Parse(new MemoryStream(mail.RawMail, writable: false));
        if (parsed.Report is null) return "Still not readable as a bounce: " + parsed.Error;

        // Note: the first pass recorded this Message-ID as processed; without clearing it the recorder would take
        // the mail for a copy of itself. The processed row stays, so the mailbox never hands the mail in again.
        await db.ProcessedBounceMails.Where(p => p.Id == mail.ProcessedBounceMailId && p.Outcome == ProcessedMailOutcome.Unparsed)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.MessageId, (string?)null), ct);
        var key = $"reprocess:{mail.Id}";
        var done = await db.ProcessedBounceMails.AnyAsync(p => p.MailboxId == mail.MailboxId && p.UidValidity == 0 && p.MessageKey == key, ct);
        var outcome = done ? ProcessedMailOutcome.Duplicate : await recorder.RecordAsync(mail.MailboxId, 0, key, mail.RawMail, ct);
        db.UnparsedBounceMails.Remove(mail);
        audit.Add(db, Actor.Name(actor), "unparsedmail.reprocess", mail.MessageId ?? $"#{mail.Id}", $"outcome: {outcome}; subject: {mail.Subject}");
        await db.SaveChangesAsync(ct);
        return null;
    }
}
