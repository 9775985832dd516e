using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;

namespace MxPortal.Infrastructure.Quarantine;

/// <summary>One line of the quarantine list and its CSV export.</summary>
public sealed record QuarantineRow(
    long Id, string Address, string Domain, AddressStatus Status, DateTime? SinceUtc, FailureType? Type, FailureReason? Reason,
    int ErrorCount, DateTime? FirstErrorUtc, DateTime? LastErrorUtc, string? LastErrorText, long? DeliveryId);
