using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Telemetry;

namespace MxPortal.Infrastructure.Quarantine;

/// <summary>
/// Daily (04:00): With errors without a counted error for 10 days → Valid; Mailbox full quarantines → released
/// after 30 days (DOMAIN.md §7). The policy decides and writes each change to the address's history; the query
/// only narrows the candidates. Pages of <see cref="PageSize"/>, one transaction each, so the table is never
/// loaded whole and a crash keeps what was done. Safe to run twice: a released record is no longer a candidate.
/// </summary>
public sealed class QuarantineCleanUpJob(
    IDbContextFactory<AppDbContext> contexts, IOptionsMonitor<QuarantinePolicyOptions> options, TimeProvider time,
    MxPortalMetrics metrics, ILogger<QuarantineCleanUpJob> logger)
{
    public const int PageSize = 500;

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var policy = new QuarantinePolicy(settings, time);
        var now = time.GetUtcNow().UtcDateTime;
        var withErrorsBefore = now - settings.WithErrorsResetAfter;
        var mailboxFullBefore = now - settings.MailboxFullReleaseAfter;
        var changed = 0;
        var lastId = 0L;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            await using var db = await contexts.CreateDbContextAsync(ct);
            var page = await db.QuarantineRecords
                .Where(r => r.Id > lastId)
                .Where(r => (r.Status == AddressStatus.WithErrors && (r.LastCountedErrorUtc == null || r.LastCountedErrorUtc <= withErrorsBefore))
                    || (r.Status == AddressStatus.Quarantine && r.Reason == FailureReason.MailboxFull
                        && (r.StatusSinceUtc == null || r.StatusSinceUtc <= mailboxFullBefore)))
                .OrderBy(r => r.Id).Take(PageSize).ToListAsync(ct);
            if (page.Count == 0) break;
            var results = page.Select(policy.CleanUp).Where(r => r.IsWritten).ToList();
            changed += results.Count;
            await db.SaveChangesAsync(ct);
            metrics.Quarantine(results);
            lastId = page[^1].Id;
        }
        logger.LogInformation("Quarantine clean-up: {Count} addresses back to Valid", changed);
        return changed;
    }
}
