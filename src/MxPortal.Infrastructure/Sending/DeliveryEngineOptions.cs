using System.ComponentModel.DataAnnotations;

namespace MxPortal.Infrastructure.Sending;

/// <summary>Configuration section <c>Sending</c>.</summary>
public sealed class DeliveryEngineOptions
{
    public const string Section = "Sending";

    /// <summary>SMTP port of MX hosts. 25 in production; tests and benchmarks use a free port.</summary>
    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;

    /// <summary>Recipient domains sent to at once by one engine. Default 64.</summary>
    [Range(1, 10_000)]
    public int DomainConcurrency { get; set; } = 64;

    /// <summary>
    /// How often a lane that found every connection slot of its budget taken (by other deliveries) looks again,
    /// in milliseconds. Default 200.
    /// </summary>
    [Range(10, 60_000)]
    public int SlotPollMilliseconds { get; set; } = 200;

    /// <summary>
    /// Longest wait for a budget inside a run, in seconds (default 300: a five-minute slice). A longer wait (a
    /// back-off suspension) postpones the domain's remaining recipients to when the budget opens again.
    /// </summary>
    [Range(1, 3600)]
    public int MaxWaitSeconds { get; set; } = 300;

    /// <summary>
    /// Recipients a run claims at once (default 2000). Larger batches keep connections open longer (fewer
    /// reconnects); a killed process re-sends at most one batch.
    /// </summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 2000;

    /// <summary>
    /// How long a run's claim on a batch lasts, in seconds (default 600). A killed process's recipients are claimed
    /// again after it; it must exceed the time a batch takes to send.
    /// </summary>
    [Range(1, 86_400)]
    public int LeaseSeconds { get; set; } = 600;

    /// <summary>
    /// The SMTP client that sends: <c>Native</c> (own client, default) or <c>MailKit</c> (MailKit's SmtpClient).
    /// Same outcomes either way; figures in bench/README.md, the choice in docs/delivery-engine.md.
    /// </summary>
    [Required]
    [AllowedValues(nameof(SmtpTransportKind.MailKit), nameof(SmtpTransportKind.Native),
        ErrorMessage = "Sending:Transport must be MailKit or Native.")]
    public string Transport { get; set; } = nameof(SmtpTransportKind.Native);

    // Note: read by the start-up validation too (it reads every property), so an invalid value must not throw here.
    public SmtpTransportKind TransportKind => Enum.TryParse<SmtpTransportKind>(Transport, out var kind) ? kind : SmtpTransportKind.Native;
}
