namespace MxPortal.Domain.Bounces;

/// <summary>
/// Step 2 of DOMAIN.md §5: what an RFC 3463 enhanced status code alone says. Generic codes
/// (x.0.0 and subjects with no settled meaning) say nothing, so the text goes to qualification.
/// X.2.0 is read as Refused: RFC 3463 says the mailbox exists but something about it made the
/// server refuse the message.
/// </summary>
public static class StatusCodeQualification
{
    public static bool TryQualify(EnhancedStatusCode code, out FailureType type, out FailureReason reason)
    {
        (type, reason) = code switch
        {
            { Class: 2 } => (FailureType.Ignored, FailureReason.ErrorIgnored),
            { Class: 4, Subject: 2, Detail: 2 } => (FailureType.Soft, FailureReason.MailboxFull),
            { Class: 4 } => (FailureType.Soft, FailureReason.Unreachable),
            { Subject: 0 } => (FailureType.Soft, FailureReason.NotDefined),
            { Subject: 1, Detail: 2 or 10 } => (FailureType.Soft, FailureReason.InvalidDomain),
            { Subject: 1, Detail: 7 or 8 } => (FailureType.Soft, FailureReason.Refused),
            { Subject: 1 } => (FailureType.Hard, FailureReason.UserUnknown),
            { Subject: 2, Detail: 0 } => (FailureType.Soft, FailureReason.Refused),
            { Subject: 2, Detail: 1 } => (FailureType.Soft, FailureReason.InactiveUser),
            { Subject: 2, Detail: 2 } => (FailureType.Soft, FailureReason.MailboxFull),
            { Subject: 2, Detail: 3 } => (FailureType.Soft, FailureReason.TextTooLong),
            { Subject: 3, Detail: 4 } => (FailureType.Soft, FailureReason.TextTooLong),
            { Subject: 3 } => (FailureType.Soft, FailureReason.Unreachable),
            { Subject: 4, Detail: 4 } => (FailureType.Soft, FailureReason.InvalidDomain),
            { Subject: 4 } => (FailureType.Soft, FailureReason.Unreachable),
            { Subject: 5 } => (FailureType.Soft, FailureReason.Unreachable),
            { Subject: 6 } => (FailureType.Soft, FailureReason.Refused),
            { Subject: 7, Detail: 13 } => (FailureType.Soft, FailureReason.InactiveUser),
            { Subject: 7 } => (FailureType.Soft, FailureReason.Refused),
            _ => (FailureType.Soft, FailureReason.NotDefined),
        };
        return reason != FailureReason.NotDefined;
    }
}
