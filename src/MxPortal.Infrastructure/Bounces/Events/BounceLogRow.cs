using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces.Events;

/// <summary>One bounce event as the bounce log, the address page and the CSV export show it.</summary>
public sealed record BounceLogRow(
    long Id, DateTime AtUtc, string Address, string Domain, FailureType Type, FailureReason Reason, ClassificationSource DecidedBy,
    string Decider, string? Status, string? Text, BounceEventSource Source, bool IsComplaint, long? DeliveryId, string? DeliveryName,
    long? RawMailId);
