using System.ComponentModel.DataAnnotations;

namespace MxPortal.Infrastructure.Sync;

/// <summary>Configuration section <c>Sync</c>: rule synchronization with a deliverability instance (docs/sync-api.md).</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary><c>None</c> (default), <c>Publisher</c> (the deliverability instance) or <c>Client</c>.</summary>
    public string Role { get; set; } = nameof(SyncRole.None);

    /// <summary>Client: base address of the publisher, e.g. <c>https://deliverability.example.com/</c>.</summary>
    public string? PublisherUrl { get; set; }

    /// <summary>Client: the publisher's public key as shown on its Synchronization page (PEM, or base64 SubjectPublicKeyInfo).</summary>
    public string? PublicKey { get; set; }

    /// <summary>Client: the API key an Administrator of the publisher created for this instance.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Client: when the sync job runs (cron, in <c>Portal:TimeZone</c>). Default daily at 06:00.</summary>
    [Required]
    public string Cron { get; set; } = "0 6 * * *";

    /// <summary>Client: seconds one request to the publisher may take, body included. Default 30.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Client: the largest feed accepted, in bytes. Default 8 MiB.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxFeedBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Client: the most qualification texts pushed per run. Default 1000.</summary>
    [Range(0, 100_000)]
    public int MaxPushedTexts { get; set; } = 1000;

    public SyncRole EffectiveRole => Enum.TryParse<SyncRole>(Role, true, out var r) && Enum.IsDefined(r) && !int.TryParse(Role, out _) ? r : SyncRole.None;
}
