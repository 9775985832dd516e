using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>One message sent to a recipient list, with its retry settings and live counters (read by the portal).</summary>
public sealed class Delivery
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public DeliveryStatus Status { get; set; }
    public string FromAddress { get; set; } = "";
    public string? ReplyTo { get; set; }
    public string Subject { get; set; } = "";
    public string? HtmlBody { get; set; }
    public string? TextBody { get; set; }

    /// <summary>Domain of the VERP return path (<c>bounce+TOKEN@ReturnPathDomain</c>).</summary>
    public string ReturnPathDomain { get; set; } = "";

    public int ValidityMinutes { get; set; } = 5 * 24 * 60;
    public int RetryPeriodMinutes { get; set; } = 60;
    public int MaxRetries { get; set; } = 5;

    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? StartedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }

    /// <summary>The ramp-up calendar as JSON (a list of <c>Wave</c>); null or empty: everyone at the start.</summary>
    public string? WavesJson { get; set; }

    /// <summary>Public ids of the sending identities to use, as a JSON array; null: every enabled identity.</summary>
    public string? IdentitiesJson { get; set; }

    /// <summary>The imported recipient list's field columns (all but the address) as a JSON array; null before an import.</summary>
    public string? ColumnsJson { get; set; }

    /// <summary>Rows of the last import that were not imported (malformed, empty or invalid address).</summary>
    public int RejectedCount { get; set; }

    /// <summary>Rows of the last import skipped as Double (the address was already in the list).</summary>
    public int DoubleCount { get; set; }

    /// <summary>Who is importing a recipient list into this draft right now (<see cref="Import.ImportLease"/>); null: nobody.</summary>
    public string? ImportLeaseOwner { get; set; }

    /// <summary>Until when the running import holds the draft; a crashed import's lease simply runs out.</summary>
    public DateTime? ImportLeaseUntilUtc { get; set; }

    public int Total { get; set; }
    public int SentCount { get; set; }
    public int FailedCount { get; set; }
    public int SkippedCount { get; set; }

    public RetryPolicy RetryPolicy => new(TimeSpan.FromMinutes(RetryPeriodMinutes), MaxRetries, TimeSpan.FromMinutes(ValidityMinutes));
}
