using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Deliveries.Recipients;

/// <summary>
/// One recipient of a delivery as the recipients page and its CSV export show it. <see cref="QuarantineStatus"/> is the
/// address's status on the quarantine list (null: the list has no record of it); the export leaves it out.
/// </summary>
public sealed record RecipientListRow(
    long Id, string Address, string Domain, RecipientState State, int Attempts, DateTime? LastAttemptUtc, DateTime? NextAttemptUtc,
    FailureType? FailureType, FailureReason? FailureReason, string? LastReply, AddressStatus? QuarantineStatus = null);
