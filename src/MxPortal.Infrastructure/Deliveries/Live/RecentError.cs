using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Deliveries.Live;

/// <summary>One failed or deferred attempt, for the delivery page's last errors.</summary>
public sealed record RecentError(DateTime AtUtc, string Address, AttemptStatus Status, string? MxHost, string Reply, FailureType? Type, FailureReason? Reason);
