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
}
