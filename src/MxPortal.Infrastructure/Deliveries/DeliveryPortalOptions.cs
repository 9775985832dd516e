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

    /// <summary>
    /// SQLite only: keep a trigram index of the recipients' addresses for the recipients page's "address contains"
    /// (default false). Off, a search of three characters or more reads every address of the delivery (about 0.2 s per
    /// million); on, it reads the index (milliseconds), but every recipient written costs the index an entry through a
    /// trigger, which slows an import to a fraction (bench/README.md, "Recipients page"). Turned on, the next start
    /// builds the index from the recipients already stored; turned off, it drops it. PostgreSQL always has its pg_trgm index.
    /// </summary>
    public bool AddressSearchIndex { get; set; }

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
