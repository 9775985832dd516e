using System.ComponentModel.DataAnnotations;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>Configuration section <c>Deliveries</c>: recipient imports and the live view.</summary>
public sealed class DeliveryPortalOptions
{
    public const string Section = "Deliveries";

    /// <summary>Recipient rows written per transaction by an import (default 5000).</summary>
    [Range(100, 100_000)]
    public int ImportBatchSize { get; set; } = 5_000;

    /// <summary>
    /// How long an import holds its draft without showing progress, in seconds (default 120): a second import into
    /// the same draft is refused meanwhile; the lease is renewed at each batch, so a crashed import blocks the draft
    /// for at most this long.
    /// </summary>
    [Range(10, 3_600)]
    public int ImportLeaseSeconds { get; set; } = 120;

    /// <summary>Largest recipient CSV the portal accepts, in megabytes (default 1024).</summary>
    [Range(1, 16_384)]
    public int MaxUploadMegabytes { get; set; } = 1_024;

    /// <summary>How often each node writes its budget ledger to the BudgetStates table, in seconds (default 5).</summary>
    [Range(1, 60)]
    public int BudgetPublishSeconds { get; set; } = 5;

    /// <summary>How often a delivery page reads its figures again from the database, in seconds (default 3).</summary>
    [Range(1, 60)]
    public int LiveRefreshSeconds { get; set; } = 3;
}
