namespace MxPortal.Domain.Bounces;

/// <summary>
/// The bounce rules seeded on first run: the examples of DOMAIN.md §5 and the texts common MTAs
/// and mailbox providers really send. Order matters (first match wins): specific texts come
/// before the generic words they contain, e.g. "inbox is out of storage space and inactive" is a
/// full mailbox, not an inactive one.
/// </summary>
public static class DefaultBounceRules
{
    private const FailureType Hard = FailureType.Hard;
    private const FailureType Soft = FailureType.Soft;

    /// <summary>Fresh, editable copies of the default rules, all <see cref="BounceRuleSource.Synced"/>.</summary>
    public static IReadOnlyList<BounceRule> Create() =>
    [
        // Not failures at all.
        R("auto-reply", FailureType.Ignored, FailureReason.ErrorIgnored,
            @"\b(out of (the )?office|auto(matic)?[- ]?(reply|response|antwort)|vacation (reply|notice|message)|I am (currently )?(away|out of)|I'?m out of the office|abwesenheit|absence du bureau)"),

        // Rate limits and deferrals for volume or complaints (DOMAIN.md §5 seed: TS01).
        R("deferred-complaints", Soft, FailureReason.Unreachable,
            @"temporarily deferred|\[TS0\d\]|\[TSS0\d\]|rate.?limit|too many (connections|concurrent|messages|recipients this hour|sessions)|sent to too many recipients|connection limit|throttl|please slow down"),

        // Transport and local delivery agent failures that mention a user but are about the system.
        R("local-delivery-agent", Soft, FailureReason.Unreachable,
            @"procmail: |\bpipe to \||unknown mailer error|mailer error|operating system error|\|IFS="),

        // Server-side resource problems, not the user's quota.
        R("server-resources", Soft, FailureReason.Unreachable,
            @"insufficient (system )?(resources|disk space)|system (is )?full|queue file write error|upstream error|internal (system|server) error|local error in processing|could not load drd"),

        // Mailbox full (seed: 550 5.2.2 user quota exceeded).
        R("mailbox-full", Soft, FailureReason.MailboxFull,
            @"mailbox (is )?full|mailbox.{0,40}over ?quota|over ?quota|quota (exceeded|exceed)|exceeds? (the )?(allowed|storage|mailbox) (size|quota|limit)|mailbox exceeds|out of storage space|storage (space )?(is )?full|disk quota|insufficient storage|mailbox size limit|user.{0,20}quota|inbox is full|boîte.{0,20}pleine"),

        // Inactive user (seed: Inactive MailBox, not poped for more than 6 months).
        R("inactive-user", Soft, FailureReason.InactiveUser,
            @"inactive (mailbox|e-?mail|user|account|recipient|address)|not poped|account (is |has been )?(disabled|locked|suspended|discontinued|deactivated|inactive|blocked|expired|frozen)|account that you tried to reach is disabled|mailbox (is )?(frozen|disabled|inactive|suspended|locked)|disabled (recipient|user|mailbox|account)|user account (is )?disabled|recipient account is blocked|compte du destinataire est bloque|account (has been )?suspended|user (is )?suspended"),

        // Message size.
        R("message-too-large", Soft, FailureReason.TextTooLong,
            @"message (size )?(exceeds|is too (big|large)|too (big|large))|size (limit )?exceeds|exceeds (the )?(fixed |maximum )*(message )?size|mail size limit|too large|line limit exceeded|message length exceeds|size limit exceeded|exceed ?limit"),

        // Domains that accept no mail (null MX) are dead ends, not network trouble.
        R("domain-accepts-no-mail", Soft, FailureReason.InvalidDomain,
            @"doesn't receive email|does not accept (e-?)?mail|indicated no smtp service|null mx|no mail server for|domain is not reachable|couldn't find a mail exchanger|malformed or unexpected name server reply"),

        // Temporary DNS failures are the network's, not the domain's (DOMAIN.md §4: SERVFAIL is Unreachable).
        R("dns-temporary", Soft, FailureReason.Unreachable,
            @"DNS Error: .{0,40}(lookup of|type)|host not found, try again|host name lookup failure|temporary (dns|lookup) failure|servfail|dns timeout"),

        // Invalid domain (seed: DNS query failed for 'ourdan.com').
        R("invalid-domain", Soft, FailureReason.InvalidDomain,
            @"dns query failed|host unknown|unknown host|host or domain name not found|domain (name )?not found|no such domain|domain (does not|doesn't) exist|invalid domain|couldn't find any host named|dns lookup failure|illegal host/domain|unrouteable (mail )?domain|unroutable address|no mx|mx lookup failed|bad destination (mailbox address|system)|domain (may not|does not) exist|account or domain may not exist"),

        // Connections and expiry.
        R("connection-failed", Soft, FailureReason.Unreachable,
            @"connection (timed out|refused|reset|lost|dropped)|timed? ?out|unable to connect|establish an smtp connection|accept our requests to connect|not reachable|network (error|is unreachable)|no route to host|expired|could not be delivered for|retries|too long in the queue|in the queue too long|been delayed|delivery.{0,30}delayed|message will be retried|giving up|still undelivered|host not reachable|service (currently )?unavailable|try again later|error encountered while communicating"),

        // Specific refusals that contain words of the user-unknown family.
        R("recipient-preferences", Soft, FailureReason.Refused, @"recipient preferences|not a member of|permission to post|group you tried to contact|send mail as"),

        // User unknown (seed: 550 5.1.1 ... User is unknown {mx003}).
        R("microsoft-recipient-access-denied", Hard, FailureReason.UserUnknown, @"recipient address rejected: access denied|recipnotfound|5\.1\.351"),
        R("user-unknown", Hard, FailureReason.UserUnknown,
            @"user (is )?unknown|unknown (user|recipient|local[- ]part|address|alias)|no such (user|mailbox|recipient|address|account|person)|user (does not|doesn't|not) exists?|(account|address|mailbox|recipient) (does not|doesn't) exist|recipient not found|mailbox (not found|unavailable|does not exist|not exist)|no mailbox|invalid (recipient|mailbox|address)|address (couldn't be found|not found|rejected|unknown)|not listed in|not our user|no longer (on server|available|valid)|mailbox (has )?moved|destination mailbox|doesn't have an? .{1,60} account|bad destination|recipient (rejected|unknown|invalid)|illegal alias|unknown or illegal|adresse.{0,30}invalide|unable to deliver message to <|not a valid (mailbox|user|recipient)"),

        // Refused: spam, reputation, authentication, policy, content (feedback-loop complaints too).
        R("authentication", Soft, FailureReason.Refused,
            @"dmarc|dkim|\bspf\b|unauthenticated|authentication (checks|failed|information|required)|not pass|sender (address )?(rejected|verify failed|not allowed)|domain of sender|sender domain|unroutable sender|mailfrom domain|mismatches client ip|reverse (dns|lookup)|\bptr\b|ip name lookup failed|rdns|does not exist"),
        R("spam-reputation", Soft, FailureReason.Refused,
            @"spam|\bUBE\b|blocked|block ?list|black ?list|dnsbl|spamhaus|reputation|complaint|\bRBL\b|listed (in|at|on)|poor reputation|bulk mail|junk"),
        R("policy-content", Soft, FailureReason.Refused,
            @"policy|not accepted|not allowed|access denied|denied|relay|virus|malware|content (rejected|error)|message filtered|filtered|illegal attachment|protocol violation|8-bit|headers? too|media error|multiple addresses|rejected|refused|refuse|security|prohibited|forbidden|not permitted"),

        // Generic system errors last: they would swallow more specific texts above.
        R("system-error", Soft, FailureReason.Unreachable,
            @"system error|temporary (failure|error|problem)|try again|command parameter not implemented|syntax error|bad sequence|local error"),
    ];

    private static BounceRule R(string name, FailureType type, FailureReason reason, string pattern) => new()
    {
        Name = name,
        Pattern = pattern,
        Type = type,
        Reason = reason,
        Source = BounceRuleSource.Synced,
    };
}
