namespace MxPortal.Domain.Bounces;

/// <summary>
/// Qualifies one error text in the order of DOMAIN.md §5: the bounce rules, then the enhanced
/// status code, then Soft / Not defined. Stateless and thread-safe; runs on every SMTP reply, so
/// it scans spans and allocates nothing on the way.
/// </summary>
public sealed class BounceClassifier(BounceRuleSet rules)
{
    /// <summary>The <see cref="BounceClassification.Stage"/> of a refused connection.</summary>
    public const string ConnectionStage = "connection";

    /// <summary>The <see cref="BounceClassification.Stage"/> of a second-hand "user unknown".</summary>
    public const string UnconfirmedStage = "unconfirmed";

    public BounceRuleSet Rules { get; } = rules;

    public BounceClassification Classify(ReadOnlySpan<char> text) => Classify(text, null);

    /// <param name="text">the reply or diagnostic text</param>
    /// <param name="statusHint">a status known from elsewhere (a DSN <c>Status:</c> field), used when the text has none</param>
    public BounceClassification Classify(ReadOnlySpan<char> text, EnhancedStatusCode? statusHint)
    {
        EnhancedStatusCode? status = EnhancedStatusCode.TryFind(text, out var found) ? found : statusHint;
        var replyCode = SmtpReplyCode.Find(text);
        var deferral = replyCode is >= 400 and < 500 || (replyCode == 0 && status?.Class == 4);

        if (Rules.Match(text) is { } match)
        {
            // A Refused-style text on a 4xx reply says "later", not "no" (DOMAIN.md §5).
            if (match.Reason == FailureReason.Refused && deferral)
            {
                return new BounceClassification(FailureType.Soft, FailureReason.Unreachable, ClassificationSource.Rule,
                    match.Name, status, replyCode, DeferralDowngrade: true);
            }

            return new BounceClassification(match.Type, match.Reason, ClassificationSource.Rule, match.Name, status, replyCode);
        }

        if (status is { } code && StatusCodeQualification.TryQualify(code, out var type, out var reason))
        {
            return new BounceClassification(type, reason, ClassificationSource.StatusCode, null, status, replyCode);
        }

        if (deferral)
        {
            return new BounceClassification(FailureType.Soft, FailureReason.Unreachable, ClassificationSource.ReplyCode,
                null, status, replyCode);
        }

        // RFC 7504: 556 "domain does not accept mail" (a null MX) is a dead end for the whole domain.
        if (replyCode == SmtpReplyCode.DomainDoesNotAcceptMail)
        {
            return new BounceClassification(FailureType.Soft, FailureReason.InvalidDomain, ClassificationSource.ReplyCode,
                null, status, replyCode);
        }

        return new BounceClassification(FailureType.Soft, FailureReason.NotDefined, ClassificationSource.Default,
            null, status, replyCode);
    }

    /// <summary>
    /// Qualifies one recipient of a bounce report: complaints, auto-replies and successful DSNs
    /// first, then the diagnostic text, then the rest of the text about the recipient when the
    /// diagnostic alone matched no rule.
    /// </summary>
    public BounceClassification Classify(BouncedRecipient recipient, BounceReportKind kind)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (recipient.IsComplaint)
        {
            return BounceClassification.FromReport(FailureType.Soft, FailureReason.Refused, "feedback-loop complaint");
        }

        if (kind == BounceReportKind.AutoReply)
        {
            return BounceClassification.FromReport(FailureType.Ignored, FailureReason.ErrorIgnored, "auto-reply");
        }

        if (recipient.IsSuccess)
        {
            return BounceClassification.FromReport(FailureType.Ignored, FailureReason.ErrorIgnored, $"action {recipient.Action}");
        }

        EnhancedStatusCode? hint = EnhancedStatusCode.TryFind(recipient.Status, out var status) ? status : null;
        var text = string.IsNullOrWhiteSpace(recipient.DiagnosticCode) ? recipient.Detail : recipient.DiagnosticCode;
        var result = Classify(text, hint);

        // Note: the rest of the text is read only when the diagnostic decided nothing: it holds
        // the bouncing MTA's boilerplate ("will retry", "permanent error"), weaker than a code.
        if (result.Source == ClassificationSource.Default && !string.IsNullOrWhiteSpace(recipient.Detail))
        {
            result = Classify(recipient.Detail, result.Status ?? hint);
        }

        // Note: "user unknown" is the one Hard verdict, so words alone are weighed against
        // where the reply came and what its status code says (RFC 3463 x.1.x = address status).
        var addressStatus = result.Status is { Subject: 1 };
        var otherStatus = result.Status is { Subject: 7 } or { Subject: 2, Detail: 0 };
        return recipient.SmtpCommand switch
        {
            // A server that took RCPT TO and refuses at DATA knows the address: it refuses the
            // message ("user unknown" there is a content filter speaking, not a dead address).
            "DATA" when (result.Reason == FailureReason.UserUnknown && !addressStatus) || result.Reason == FailureReason.NotDefined =>
                result with { Type = FailureType.Soft, Reason = FailureReason.Refused, Stage = "DATA" },

            // RFC 3463 x.2.1 is "mailbox disabled": outside RCPT TO it outweighs the words.
            not "RCPT" when result.Reason == FailureReason.UserUnknown && result.Status is { Subject: 2, Detail: 1 } =>
                result with { Type = FailureType.Soft, Reason = FailureReason.InactiveUser, Stage = $"status {result.Status}" },

            // A policy status (x.7.x) or "mailbox status, other" (x.2.0) outside RCPT TO says the
            // address was not the problem, whatever the words.
            not "RCPT" when result.Reason == FailureReason.UserUnknown && otherStatus =>
                result with { Type = FailureType.Soft, Reason = FailureReason.Refused, Stage = $"status {result.Status}" },

            // A permanent refusal of the connection itself (the greeting, before any command)
            // refuses our sending host (RFC 5321 §3.1: 554 "no SMTP service here"), whatever
            // the status code's subject says.
            "CONN" when result.ReplyCode is >= 500 and < 600 && result.Source != ClassificationSource.Rule =>
                result with { Type = FailureType.Soft, Reason = FailureReason.Refused, Stage = ConnectionStage },

            // An error at MAIL FROM is about our sender, never the recipient.
            "MAIL" when result.Reason is FailureReason.UserUnknown or FailureReason.InvalidDomain or FailureReason.NotDefined =>
                result with { Type = FailureType.Soft, Reason = FailureReason.Refused, Stage = "MAIL FROM" },

            // A remote server's reply relayed by the bouncing host (it quotes a 5xx code) that
            // lost both the SMTP stage and any status code is second-hand: filters answer
            // "550 unknown user" for mail they refuse too. Words alone do not quarantine at once;
            // Soft keeps the reason, so a dead address still reaches quarantine on repeated errors.
            // The bouncing host's own directory verdict (no reply code quoted) stays Hard.
            null or "" when result is { Reason: FailureReason.UserUnknown, Type: FailureType.Hard, Source: ClassificationSource.Rule, Status: null, ReplyCode: >= 500 and < 600 } =>
                result with { Type = FailureType.Soft, Stage = UnconfirmedStage },
            _ => result,
        };
    }
}
