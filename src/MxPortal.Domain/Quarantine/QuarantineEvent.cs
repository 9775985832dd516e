using MxPortal.Domain.Bounces;

namespace MxPortal.Domain.Quarantine;

/// <summary>
/// Something that happened to one address, to be applied by <see cref="QuarantinePolicy"/>. Pipeline
/// events (error, complaint, delivery) carry the id of the event that caused them so that applying
/// one twice counts once; manual actions carry a person and a reason, checked by the policy so that
/// a missing reason is a returned refusal rather than an exception.
/// </summary>
public sealed class QuarantineEvent
{
    /// <summary>The actor of every change the policy makes on its own.</summary>
    public const string SystemActor = "system";

    private QuarantineEvent(QuarantineEventKind kind, string? eventId, string actor)
    {
        Kind = kind;
        EventId = eventId;
        Actor = actor;
    }

    public QuarantineEventKind Kind { get; }

    public string? EventId { get; }

    public string Actor { get; }

    public FailureType? Type { get; private init; }

    public FailureReason? Reason { get; private init; }

    public string? Text { get; private init; }

    public long? DeliveryId { get; private init; }

    public string? Comment { get; private init; }

    /// <summary>A 4xx deferral whose text a Refused rule matched (DOMAIN.md §5 makes it Soft / Unreachable): about the
    /// sender's reputation, so it never counts toward the address's quarantine (docs/quarantine-policy.md).</summary>
    public bool IsReputationDeferral { get; private init; }

    /// <summary>A failed delivery, qualified by the bounce classifier.</summary>
    public static QuarantineEvent Error(string eventId, FailureType type, FailureReason reason, string? text, long? deliveryId = null) =>
        new(QuarantineEventKind.Error, RequireId(eventId), SystemActor) { Type = type, Reason = reason, Text = text, DeliveryId = deliveryId };

    /// <summary>A 4xx reputation deferral (<see cref="IsReputationDeferral"/>): recorded, never counted.</summary>
    public static QuarantineEvent ReputationDeferral(string eventId, FailureType type, FailureReason reason, string? text, long? deliveryId = null) =>
        new(QuarantineEventKind.Error, RequireId(eventId), SystemActor)
        {
            Type = type, Reason = reason, Text = text, DeliveryId = deliveryId, IsReputationDeferral = true,
            Comment = "4xx reputation deferral (a Refused rule matched a deferral): not counted.",
        };

    /// <summary>A feedback-loop complaint; recorded as Soft / Refused, the qualification the bounce parser gives it.</summary>
    public static QuarantineEvent Complaint(string eventId, string? text, long? deliveryId = null) =>
        new(QuarantineEventKind.Complaint, RequireId(eventId), SystemActor)
        {
            Type = FailureType.Soft, Reason = FailureReason.Refused, Text = text, DeliveryId = deliveryId,
        };

    public static QuarantineEvent Delivered(string eventId, long? deliveryId = null) =>
        new(QuarantineEventKind.Delivered, RequireId(eventId), SystemActor) { DeliveryId = deliveryId };

    public static QuarantineEvent Release(string actor, string reason, string? eventId = null) =>
        new(QuarantineEventKind.Release, eventId, actor) { Comment = reason };

    /// <param name="failureReason">Kept on the record: Mailbox full lets the clean-up release it after 30 days.</param>
    public static QuarantineEvent Quarantine(string actor, string reason, FailureReason failureReason = FailureReason.NotDefined, string? eventId = null) =>
        new(QuarantineEventKind.Quarantine, eventId, actor) { Comment = reason, Reason = failureReason };

    public static QuarantineEvent Denylist(string actor, string reason, string? eventId = null) =>
        new(QuarantineEventKind.Denylist, eventId, actor) { Comment = reason };

    public static QuarantineEvent Allowlist(string actor, string reason, string? eventId = null) =>
        new(QuarantineEventKind.Allowlist, eventId, actor) { Comment = reason };

    // Note: a pipeline event without an id could not be made idempotent; that is a bug in the caller.
    private static string RequireId(string eventId) =>
        string.IsNullOrWhiteSpace(eventId) ? throw new DomainException("A pipeline quarantine event needs its event id.") : eventId;
}
