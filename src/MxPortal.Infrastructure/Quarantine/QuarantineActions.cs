using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Telemetry;

namespace MxPortal.Infrastructure.Quarantine;

/// <summary>
/// What a person does to the quarantine: release addresses, quarantine them by hand, import a CSV of known-bad
/// addresses. Each needs <see cref="Policies.ReleaseQuarantine"/> (checked here, whatever the page showed) and a
/// reason; the policy writes each change to the address's history with the person and the reason, and one audit entry
/// records the action, all in one transaction.
/// </summary>
public sealed class QuarantineActions(
    IDbContextFactory<AppDbContext> contexts, IOptionsMonitor<QuarantinePolicyOptions> options, AuditLog audit, TimeProvider time,
    MxPortalMetrics metrics)
{
    /// <summary>Addresses in one action; a larger selection is a mistake or a job for the CSV import.</summary>
    public const int MaxAddresses = 10_000;

    /// <exception cref="UnauthorizedAccessException">The actor lacks ReleaseQuarantine.</exception>
    public Task<QuarantineActionResult> ReleaseAsync(ClaimsPrincipal actor, IReadOnlyCollection<string> addresses, string? reason, CancellationToken ct = default) =>
        ApplyAsync(actor, "quarantine.release", addresses.Select(a => (a, FailureReason.NotDefined)).ToList(), reason, createMissing: false,
            (who, why, _) => QuarantineEvent.Release(who, why), ct);

    /// <summary>Puts addresses in Quarantine with <paramref name="failureReason"/> (Mailbox full makes them eligible for the 30-day release).</summary>
    public Task<QuarantineActionResult> QuarantineAsync(ClaimsPrincipal actor, IReadOnlyCollection<string> addresses, string? reason,
        FailureReason failureReason, CancellationToken ct = default)
    {
        var invalid = addresses.Where(a => !QuarantineAddress.TryNormalize(a, out _)).Take(20).Select(a => $"'{a}' is not an email address.").ToArray();
        return invalid.Length > 0
            ? Task.FromResult(QuarantineActionResult.Failed(invalid))
            : ApplyAsync(actor, "quarantine.add", addresses.Select(a => (a, failureReason)).ToList(), reason, createMissing: true,
                (who, why, r) => QuarantineEvent.Quarantine(who, why, r), ct);
    }

    /// <summary>Quarantines every address of the CSV (<see cref="KnownBadCsv"/>), or none when a line is wrong.</summary>
    public async Task<QuarantineActionResult> ImportCsvAsync(ClaimsPrincipal actor, TextReader csv, string? reason, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.ReleaseQuarantine);
        var (rows, errors) = await KnownBadCsv.ReadAsync(csv, ct);
        if (errors.Count > 0) return new QuarantineActionResult(0, 0, errors);
        if (rows.Count == 0) return QuarantineActionResult.Failed("The file has no address.");
        return await ApplyAsync(actor, "quarantine.import", rows.Select(r => (r.Address, r.Reason)).ToList(), reason, createMissing: true,
            (who, why, r) => QuarantineEvent.Quarantine(who, why, r), ct);
    }

    private async Task<QuarantineActionResult> ApplyAsync(ClaimsPrincipal actor, string action, List<(string Address, FailureReason Reason)> targets,
        string? reason, bool createMissing, Func<string, string, FailureReason, QuarantineEvent> eventOf, CancellationToken ct)
    {
        Actor.Demand(actor, Policies.ReleaseQuarantine);
        if (string.IsNullOrWhiteSpace(reason)) return QuarantineActionResult.Failed("A reason is required.");
        if (targets.Count == 0) return QuarantineActionResult.Failed("Select at least one address.");
        if (targets.Count > MaxAddresses) return QuarantineActionResult.Failed($"At most {MaxAddresses:N0} addresses at once.");
        var who = Actor.Name(actor);
        var keyed = targets.Select(t => (Key: QuarantineAddress.TryNormalize(t.Address, out var k) ? k : null, t.Reason))
            .Where(t => t.Key is not null).DistinctBy(t => t.Key).ToList();
        return await ConflictRetry.RunAsync(async c =>
        {
            await using var db = await contexts.CreateDbContextAsync(c);
            var policy = new QuarantinePolicy(options.CurrentValue, time);
            var keys = keyed.Select(t => t.Key!).ToList();
            var records = await db.QuarantineRecords.Where(r => keys.Contains(r.Address)).ToDictionaryAsync(r => r.Address, c);
            int changed = 0, unchanged = 0;
            var results = new List<QuarantineResult>();
            foreach (var (key, failureReason) in keyed)
            {
                if (!records.TryGetValue(key!, out var record))
                {
                    if (!createMissing) { unchanged++; continue; }
                    record = QuarantineRecord.Create(key!);
                }
                var result = policy.Apply(record, eventOf(who, reason, failureReason));
                if (result.Outcome == QuarantineOutcome.Rejected) return QuarantineActionResult.Failed(result.Error ?? "Refused.");
                if (!result.IsWritten) { unchanged++; continue; }
                if (record.Id == 0) db.QuarantineRecords.Add(record);
                results.Add(result);
                changed++;
            }
            if (changed > 0)
            {
                var sample = string.Join(", ", keys.Take(20)) + (keys.Count > 20 ? $" and {keys.Count - 20} more" : "");
                audit.Add(db, who, action, sample, $"{changed} changed, {unchanged} unchanged. Reason: {reason.Trim()}");
                await db.SaveChangesAsync(c);
                metrics.Quarantine(results);
            }
            return new QuarantineActionResult(changed, unchanged, []);
        }, ct);
    }
}
