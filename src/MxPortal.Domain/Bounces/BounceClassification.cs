namespace MxPortal.Domain.Bounces;

/// <summary>
/// The qualification of one error text. A value type with no text built up front: the sending
/// engine classifies every reply and rarely reads <see cref="Explanation"/>.
/// </summary>
public readonly record struct BounceClassification(
    FailureType Type,
    FailureReason Reason,
    ClassificationSource Source,
    string? RuleName,
    EnhancedStatusCode? Status,
    int ReplyCode,
    bool DeferralDowngrade = false,
    string? Stage = null)
{
    /// <summary>Soft / Not defined: the normalized text goes to the qualification table.</summary>
    public bool NeedsQualification => Source == ClassificationSource.Default;

    /// <summary>The rule name or the status code that decided, for logs and the CLI.</summary>
    public string Decider => Source switch
    {
        ClassificationSource.Rule => RuleName ?? "",
        ClassificationSource.StatusCode => Status?.ToString() ?? "",
        ClassificationSource.ReplyCode => ReplyCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ClassificationSource.Report => RuleName ?? "report",
        _ => "",
    };

    public string Explanation
    {
        get
        {
            var outcome = $"{Type} / {Reason.ToDisplayName()}";
            var why = Source switch
            {
                ClassificationSource.Rule => $"bounce rule '{RuleName}' matched the text",
                ClassificationSource.StatusCode => $"no rule matched; enhanced status code {Status} means {outcome}",
                ClassificationSource.ReplyCode when ReplyCode == SmtpReplyCode.DomainDoesNotAcceptMail =>
                    $"no rule or informative status code; reply code {ReplyCode} says the domain accepts no mail (RFC 7504)",
                ClassificationSource.ReplyCode => $"no rule or informative status code; reply code {ReplyCode} is a temporary failure",
                ClassificationSource.Report => $"the report says so ({RuleName})",
                _ => "no rule and no informative status code matched: the text needs qualification",
            };
            var downgrade = DeferralDowngrade
                ? "; the rule says Refused but the reply is a 4xx deferral (\"later\", not \"no\"), so Soft / Unreachable"
                : "";
            var stageNote = Stage switch
            {
                null => "",
                BounceClassifier.ConnectionStage => "; the server refused the connection before any command: it refuses our sending host, not the address",
                BounceClassifier.UnconfirmedStage => "; but it is a relayed reply with neither the SMTP stage nor a status code to confirm it, so Soft: quarantined after repeated errors, not at once",
                _ => $"; the text reads \"user unknown\" but its context ({Stage}) says the address is not the problem",
            };
            return $"{outcome}: {why}{downgrade}{stageNote}.";
        }
    }

    public static BounceClassification FromReport(FailureType type, FailureReason reason, string what) =>
        new(type, reason, ClassificationSource.Report, what, null, 0);
}
