using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>
/// Bounce mailbox settings for Administrators (<see cref="Policies.ManageMailboxes"/>). Every method checks the caller
/// itself, audits in the same transaction as the change, stores the password only encrypted, and keeps the
/// recurring polls in step with the settings.
/// </summary>
public sealed class BounceMailboxService(
    IDbContextFactory<AppDbContext> contexts,
    AuditLog audit,
    MailboxPasswordProtector passwords,
    IBounceMailboxConnector connector,
    BounceMailboxJobScheduler scheduler)
{
    public async Task<IReadOnlyList<BounceMailboxSummary>> ListAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.BounceMailboxes.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
        return rows.Select(m => new BounceMailboxSummary(m.Id, ToSettings(m), m.LastPollUtc, m.LastPollResult)).ToList();
    }

    public async Task<MailboxSettingsResult> CreateAsync(ClaimsPrincipal actor, BounceMailboxSettings settings, CancellationToken ct = default)
        => await SaveAsync(actor, null, settings, ct);

    public async Task<MailboxSettingsResult> UpdateAsync(ClaimsPrincipal actor, int id, BounceMailboxSettings settings, CancellationToken ct = default)
        => await SaveAsync(actor, id, settings, ct);

    public async Task<MailboxSettingsResult> DeleteAsync(ClaimsPrincipal actor, int id, CancellationToken ct = default)
    {
        Demand(actor);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var mailbox = await db.BounceMailboxes.SingleOrDefaultAsync(m => m.Id == id, ct);
            if (mailbox is null) return MailboxSettingsResult.Ok(id);
            db.BounceMailboxes.Remove(mailbox);
            audit.Add(db, Name(actor), "bouncemailbox.delete", mailbox.Name, ToSettings(mailbox).ToString());
            await db.SaveChangesAsync(ct);
        }
        await scheduler.SyncAsync(ct);
        return MailboxSettingsResult.Ok(id);
    }

    /// <summary>Connects, logs in and counts the messages, with the entered settings (or the stored password when none is entered).</summary>
    public async Task<MailboxTestResult> TestConnectionAsync(ClaimsPrincipal actor, BounceMailboxSettings settings, int? id = null, CancellationToken ct = default)
    {
        Demand(actor);
        // Note: only the address is checked here, so a mailbox can be tried before it is named.
        var invalid = BounceMailboxSettingsValidator.Validate(settings, passwordRequired: false);
        var problems = invalid.Where(e => e.Key is "Host" or "Port").SelectMany(e => e.Value).ToList();
        if (problems.Count > 0) return new MailboxTestResult(false, 0, string.Join(" ", problems));
        var password = settings.Password;
        if (string.IsNullOrEmpty(password) && id is not null)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var stored = await db.BounceMailboxes.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
            password = stored is null ? null : passwords.TryUnprotect(stored.ProtectedPassword);
        }
        if (string.IsNullOrEmpty(password)) return new MailboxTestResult(false, 0, "Enter the password to test the connection.");

        var endpoint = new MailboxEndpoint(settings.Protocol, settings.Host.Trim(), settings.Port, settings.Tls, settings.UserName, password, settings.ProcessedFolder);
        var connection = await connector.ConnectAsync(endpoint, ct);
        if (connection.Mailbox is not { } mailbox) return new MailboxTestResult(false, 0, connection.Error);
        await using (mailbox)
        {
            var listing = await mailbox.ListAsync(ct);
            await mailbox.CompleteAsync(ct);
            return new MailboxTestResult(true, listing.Keys.Count, null);
        }
    }

    private async Task<MailboxSettingsResult> SaveAsync(ClaimsPrincipal actor, int? id, BounceMailboxSettings settings, CancellationToken ct)
    {
        Demand(actor);
        var errors = BounceMailboxSettingsValidator.Validate(settings, passwordRequired: id is null);
        if (errors.Count > 0) return new MailboxSettingsResult(null, errors);
        var name = settings.Name.Trim();
        int savedId;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (await db.BounceMailboxes.AnyAsync(m => m.Name == name && m.Id != (id ?? 0), ct))
                return MailboxSettingsResult.Fail("Name", "Another mailbox has this name.");
            var mailbox = id is null ? new BounceMailbox() : await db.BounceMailboxes.SingleOrDefaultAsync(m => m.Id == id, ct);
            if (mailbox is null) return MailboxSettingsResult.Fail("", "The mailbox no longer exists.");
            var before = id is null ? null : ToSettings(mailbox).ToString();
            Apply(mailbox, settings with { Name = name });
            if (id is null) db.BounceMailboxes.Add(mailbox);
            var passwordNote = string.IsNullOrEmpty(settings.Password) ? "" : "; password set";
            audit.Add(db, Name(actor), id is null ? "bouncemailbox.create" : "bouncemailbox.update", name,
                before is null ? $"{ToSettings(mailbox)}{passwordNote}" : $"before: {before}; after: {ToSettings(mailbox)}{passwordNote}");
            await db.SaveChangesAsync(ct);
            savedId = mailbox.Id;
        }
        await scheduler.SyncAsync(ct);
        return MailboxSettingsResult.Ok(savedId);
    }

    private void Apply(BounceMailbox m, BounceMailboxSettings s)
    {
        (m.Name, m.Protocol, m.Host, m.Port, m.Tls, m.UserName) = (s.Name, s.Protocol, s.Host.Trim(), s.Port, s.Tls, s.UserName);
        (m.ProcessedFolder, m.Enabled, m.PollIntervalMinutes, m.MaxMessagesPerRun) = (s.ProcessedFolder, s.Enabled, s.PollIntervalMinutes, s.MaxMessagesPerRun);
        if (!string.IsNullOrEmpty(s.Password)) m.ProtectedPassword = passwords.Protect(s.Password);
    }

    private static BounceMailboxSettings ToSettings(BounceMailbox m) =>
        new(m.Name, m.Protocol, m.Host, m.Port, m.Tls, m.UserName, null, m.ProcessedFolder, m.Enabled, m.PollIntervalMinutes, m.MaxMessagesPerRun);

    private static void Demand(ClaimsPrincipal actor)
    {
        if (actor.Identity?.IsAuthenticated != true || !Policies.Allows(Policies.ManageMailboxes, actor.IsInRole))
            throw new UnauthorizedAccessException("Only Administrators manage bounce mailboxes.");
    }

    private static string Name(ClaimsPrincipal actor) => actor.Identity?.Name ?? "unknown";
}
