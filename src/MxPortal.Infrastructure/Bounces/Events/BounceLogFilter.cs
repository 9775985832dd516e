using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces.Events;

/// <summary>
/// The bounce log's filters. <see cref="Address"/>, <see cref="Domain"/> and <see cref="Rule"/> match whole values
/// (case-insensitive for the first two); <see cref="Text"/> is searched in the qualification table's texts (normalized and
/// first raw), which every qualified event points to; dates are [from, to).
/// </summary>
public sealed record BounceLogFilter(
    string? Address = null,
    string? Domain = null,
    FailureType? Type = null,
    FailureReason? Reason = null,
    string? Rule = null,
    long? DeliveryId = null,
    DateTime? FromUtc = null,
    DateTime? ToUtc = null,
    string? Text = null,
    bool OldestFirst = false);
