using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;

namespace MxPortal.Infrastructure.Quarantine;

/// <summary>The quarantine list's filters and sort; dates bound <see cref="QuarantineRecord.StatusSinceUtc"/> ([from, to)).</summary>
public sealed record QuarantineListFilter(
    string? AddressContains = null,
    string? Domain = null,
    AddressStatus? Status = null,
    FailureReason? Reason = null,
    FailureType? Type = null,
    DateTime? FromUtc = null,
    DateTime? ToUtc = null,
    QuarantineSort Sort = QuarantineSort.Since,
    bool Descending = true);
