using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MxPortal.Domain.Access;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Sending.Recipients;

namespace MxPortal.Infrastructure.Deliveries.Import;

/// <summary>
/// Imports a recipient CSV into a draft delivery as it streams in (constant memory for any size; see
/// <see cref="RecipientRowWriter"/>), replacing its previous list. Each rejected row and each Double is stored with
/// its line for the page and the issues CSV. One import at a time per draft (<see cref="ImportLease"/>): a second one
/// is refused while the first runs. The portal and <c>mxportal deliver import</c> both come through here.
/// </summary>
public sealed class RecipientImporter(IDbContextFactory<AppDbContext> contexts, AuditLog audit, IOptions<DeliveryPortalOptions> options, TimeProvider time)
{
    private const int IssuesShown = 100;

    /// <param name="length">The stream's size when known, for <see cref="RecipientImportProgress.Percent"/>.</param>
    public async Task<RecipientImportResult> ImportAsync(ClaimsPrincipal actor, long deliveryId, Stream csv, long? length,
        IProgress<RecipientImportProgress>? progress = null, string? fileName = null, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.OperateDeliveries);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (lease, refusal) = await ImportLease.TakeAsync(db, deliveryId, TimeSpan.FromSeconds(options.Value.ImportLeaseSeconds), time, ct);
        if (lease is null) return RecipientImportResult.Refused(refusal!);
        try
        {
            return await ImportHeldAsync(db, lease, actor, deliveryId, csv, length, progress, fileName, ct);
        }
        finally
        {
            await lease.ReleaseAsync(db);
        }
    }

    private async Task<RecipientImportResult> ImportHeldAsync(AppDbContext db, ImportLease lease, ClaimsPrincipal actor, long deliveryId,
        Stream csv, long? length, IProgress<RecipientImportProgress>? progress, string? fileName, CancellationToken ct)
    {
        var counting = new CountingStream(csv);
        using var reader = RecipientCsvReader.Open(counting, leaveOpen: true);
        if (reader.HeaderError is { } header) return RecipientImportResult.Refused(header.ToString());

        await db.DeliveryRecipients.Where(r => r.DeliveryId == deliveryId).ExecuteDeleteAsync(ct);
        await db.DeliveryImportIssues.Where(i => i.DeliveryId == deliveryId).ExecuteDeleteAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        int imported, rejected = 0, doubles;
        var batch = options.Value.ImportBatchSize;
        await using (var writer = new RecipientRowWriter(db.Database.GetDbConnection(), deliveryId, multiRow: !db.Database.IsSqlite()))
        {
            var hasFields = reader.FieldColumns.Count > 0;
            foreach (var row in reader.ReadRows())
            {
                if (row.Recipient is { } r)
                {
                    await writer.AddRecipientAsync(r.Line, r.Address, hasFields ? JsonSerializer.Serialize(r.Fields) : null, ct);
                }
                else
                {
                    rejected++;
                    var e = row.Error!;
                    await writer.AddIssueAsync(e.Line, Enum.Parse<ImportIssueKind>(e.Kind.ToString()), e.Message, ct);
                }
                if (writer.Pending < batch) continue;
                await writer.CommitAsync(ct);
                if (!await lease.RenewAsync(db, ct)) return RecipientImportResult.Refused(Lost);
                progress?.Report(new RecipientImportProgress(counting.BytesRead, length, writer.Imported, rejected, writer.Doubles));
            }
            await writer.CommitAsync(ct);
            (imported, doubles) = (writer.Imported, writer.Doubles);
        }
        progress?.Report(new RecipientImportProgress(counting.BytesRead, length, imported, rejected, doubles));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Note: the counts are written only while the lease still holds the draft, so a lost import never overwrites the winner's.
        var held = await lease.Held(db).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Total, imported)
            .SetProperty(d => d.RejectedCount, rejected)
            .SetProperty(d => d.DoubleCount, doubles)
            .SetProperty(d => d.ColumnsJson, JsonSerializer.Serialize(reader.FieldColumns)), ct);
        if (held == 0) return RecipientImportResult.Refused(Lost);
        audit.Add(db, Actor.Name(actor), "delivery.import", $"delivery {deliveryId}",
            $"file: {fileName ?? "(stream)"}; imported: {imported}; rejected: {rejected}; doubles: {doubles}; columns: {string.Join(", ", reader.Columns)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var first = await db.DeliveryImportIssues.AsNoTracking().Where(i => i.DeliveryId == deliveryId)
            .OrderBy(i => i.Line).Take(IssuesShown).ToListAsync(ct);
        return new RecipientImportResult(null, imported, rejected, doubles, first);
    }

    private const string Lost =
        "The import stopped: it showed no progress for longer than its hold on the delivery and another import took over. Upload the list again if needed.";
}
