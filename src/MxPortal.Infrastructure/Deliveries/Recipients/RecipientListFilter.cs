using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Deliveries.Recipients;

/// <summary>
/// The recipient list's filters, all optional and combined with AND. <see cref="Domain"/> matches the whole domain and
/// <see cref="AddressContains"/> any part of the address, both case-insensitive.
/// </summary>
public sealed record RecipientListFilter(
    RecipientState? State = null,
    string? Domain = null,
    string? AddressContains = null,
    FailureType? FailureType = null,
    FailureReason? FailureReason = null);
