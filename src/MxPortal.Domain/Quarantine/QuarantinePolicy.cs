using MxPortal.Domain.Bounces;

namespace MxPortal.Domain.Quarantine;

/// <summary>
/// The quarantine rules of DOMAIN.md §7, pure: no I/O, time from the injected <see cref="TimeProvider"/>.
/// <see cref="Apply"/> and <see cref="CleanUp"/> change the given record in place (it is the entity the
/// caller saves, in the same transaction as the event) and say what changed. A duplicate, refused or
/// no-op event leaves the record untouched: every check happens before the first change.
/// </summary>
public sealed class QuarantinePolicy
{
    // Refused is about the sender's reputation, Error ignored is not a failure, and the skip reasons
    // describe messages never sent: none says anything about the address itself.
    private static readonly FailureReason[] NeverCounted =
    [
        FailureReason.Refused, FailureReason.ErrorIgnored,
        FailureReason.DenylistedAddress, FailureReason.AddressInQuarantine, FailureReason.Double,
    ];

    private readonly TimeProvider time;
    private readonly int threshold;
    private readonly TimeSpan delay;
    private readonly TimeSpan withErrorsReset;
    private readonly TimeSpan mailboxFullRelease;

    /// <exception cref="DomainException">The options are invalid (they are validated at start-up, so this is a bug).</exception>
    public QuarantinePolicy(QuarantinePolicyOptions options, TimeProvider time)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new DomainException("Invalid quarantine policy options: " + string.Join(" ", errors));
        }

        // Note: copied, so that an Administrator editing the options object cannot change a policy in use.
        this.time = time;
        threshold = options.QuarantineThreshold;
        delay = options.SignificantErrorDelay;
        withErrorsReset = options.WithErrorsResetAfter;
        mailboxFullRelease = options.MailboxFullReleaseAfter;
    }

    public QuarantineResult Apply(QuarantineRecord record, QuarantineEvent evt)
    {
        if (evt.EventId is { } id && record.HasApplied(id))
        {
            return QuarantineResult.Untouched(QuarantineOutcome.Duplicate, record.Status);
        }

        var now = time.GetUtcNow().UtcDateTime;
        return evt.Kind switch
        {
            QuarantineEventKind.Error => ApplyError(record, evt, now),
            QuarantineEventKind.Complaint => Write(record, Entry(record, evt, now, AddressStatus.Denylisted), evt),
            QuarantineEventKind.Delivered => record.Status == AddressStatus.WithErrors
                ? Write(record, Entry(record, evt, now, AddressStatus.Valid), evt)
                : QuarantineResult.Untouched(QuarantineOutcome.NoChange, record.Status),
            _ => ApplyManual(record, evt, now),
        };
    }

    /// <summary>The daily clean-up of one record: With errors reset and Mailbox full release; nothing else is released automatically.</summary>
    public QuarantineResult CleanUp(QuarantineRecord record)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = record.Status == AddressStatus.WithErrors ? record.LastCountedErrorUtc : record.StatusSinceUtc;
        var comment = record.Status switch
        {
            AddressStatus.WithErrors when now - (since ?? DateTime.MinValue) >= withErrorsReset =>
                $"No counted error for {withErrorsReset.TotalDays:0.##} days.",
            AddressStatus.Quarantine when record.Reason == FailureReason.MailboxFull && now - (since ?? DateTime.MinValue) >= mailboxFullRelease =>
                $"Mailbox full released after {mailboxFullRelease.TotalDays:0.##} days.",
            _ => null,
        };
        if (comment is null)
        {
            return QuarantineResult.Untouched(QuarantineOutcome.NoChange, record.Status);
        }

        var entry = new QuarantineHistoryEntry
        {
            AtUtc = now, OldStatus = record.Status, NewStatus = AddressStatus.Valid, Kind = QuarantineEventKind.CleanUp,
            Type = record.Type, Reason = record.Reason, Comment = comment,
        };
        return Write(record, entry, null);
    }

    private QuarantineResult ApplyError(QuarantineRecord record, QuarantineEvent evt, DateTime now)
    {
        record.FirstErrorUtc ??= now;
        record.LastErrorUtc = now;
        record.LastErrorText = evt.Text;

        var entry = Entry(record, evt, now, record.Status);
        if (record.Status == AddressStatus.Allowlisted)
        {
            entry.Type = FailureType.Ignored;
            entry.Reason = FailureReason.ErrorIgnored;
            entry.Comment = $"Allowlisted; qualified {evt.Type} / {evt.Reason?.ToDisplayName()}.";
            return Write(record, entry, null);
        }

        if (!Counts(record, evt, now))
        {
            // Note: a hard error on a Mailbox full quarantine makes it permanent, so the clean-up keeps it.
            if (record.Status == AddressStatus.Quarantine && evt.Type == FailureType.Hard && !NeverCounted.Contains(evt.Reason!.Value))
            {
                SetCause(record, evt);
            }

            return Write(record, entry, null);
        }

        record.ErrorCount++;
        record.LastCountedErrorUtc = now;
        entry.Counted = true;
        entry.NewStatus = evt.Type == FailureType.Hard || record.ErrorCount >= threshold ? AddressStatus.Quarantine : AddressStatus.WithErrors;
        SetCause(record, evt);
        return Write(record, entry, null);
    }

    private bool Counts(QuarantineRecord record, QuarantineEvent evt, DateTime now) =>
        record.Status is AddressStatus.Valid or AddressStatus.WithErrors
        && evt.Type != FailureType.Ignored
        && !evt.IsReputationDeferral
        && !NeverCounted.Contains(evt.Reason!.Value)
        && (evt.Type == FailureType.Hard || record.LastCountedErrorUtc is not { } last || now - last >= delay);

    private static QuarantineResult ApplyManual(QuarantineRecord record, QuarantineEvent evt, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(evt.Actor) || string.Equals(evt.Actor.Trim(), QuarantineEvent.SystemActor, StringComparison.OrdinalIgnoreCase))
        {
            return QuarantineResult.Untouched(QuarantineOutcome.Rejected, record.Status, "A manual change needs the person who makes it.");
        }

        if (string.IsNullOrWhiteSpace(evt.Comment))
        {
            return QuarantineResult.Untouched(QuarantineOutcome.Rejected, record.Status, "A manual change needs a reason.");
        }

        var target = evt.Kind switch
        {
            QuarantineEventKind.Release => AddressStatus.Valid,
            QuarantineEventKind.Quarantine => AddressStatus.Quarantine,
            QuarantineEventKind.Denylist => AddressStatus.Denylisted,
            QuarantineEventKind.Allowlist => AddressStatus.Allowlisted,
            _ => throw new DomainException($"{evt.Kind} is not a manual quarantine action."),
        };
        return target == record.Status
            ? QuarantineResult.Untouched(QuarantineOutcome.NoChange, record.Status)
            : Write(record, Entry(record, evt, now, target), evt);
    }

    private static QuarantineHistoryEntry Entry(QuarantineRecord record, QuarantineEvent evt, DateTime now, AddressStatus newStatus) => new()
    {
        AtUtc = now, OldStatus = record.Status, NewStatus = newStatus, Kind = evt.Kind, Type = evt.Type, Reason = evt.Reason,
        Text = evt.Text, DeliveryId = evt.DeliveryId, Actor = evt.Actor.Trim(), Comment = evt.Comment?.Trim(), EventId = evt.EventId,
    };

    private static void SetCause(QuarantineRecord record, QuarantineEvent evt)
    {
        record.Type = evt.Type;
        record.Reason = evt.Reason;
        record.DeliveryId = evt.DeliveryId;
    }

    /// <summary>Adds the entry and moves the record to its new status; <paramref name="cause"/> sets why, for status changes.</summary>
    private static QuarantineResult Write(QuarantineRecord record, QuarantineHistoryEntry entry, QuarantineEvent? cause)
    {
        if (entry.NewStatus != record.Status)
        {
            record.Status = entry.NewStatus;
            record.StatusSinceUtc = entry.AtUtc;
        }

        if (record.Status is AddressStatus.Valid or AddressStatus.Allowlisted)
        {
            // Counting starts afresh: the next soft error is the first again.
            record.ErrorCount = 0;
            record.LastCountedErrorUtc = null;
            record.Type = null;
            record.Reason = null;
            record.DeliveryId = null;
        }
        else if (cause is not null)
        {
            SetCause(record, cause);
        }

        record.History.Add(entry);
        return QuarantineResult.Written(entry);
    }
}
