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
        R("rate-limited", Soft, FailureReason.Unreachable,
            @"temporarily deferred|\[TSS?0[0-8]\]|rate.?limit|too many (connections|concurrent|messages(\s*$|\s*[^\sa-z]|\s+(in|per|this|from|for|sent|at|too|over)\b)|recipients this hour|sessions|errors from your ip)|sent to too many recipients|connection limit|throttl|please slow down|sending (quota|limit)|receiving mail (too quickly|at a rate)|exceeded the rate|too fast|max e-?mails per hour|frequency (is )?limited|frequency of receiving|daily limit|limit for message recipients|submission quota|message receive limit|exceeded (their|its|the) limit for|exceeded permitted limits|exceeded threshold|relay (sending )?limit exceeded|trop de connexions"),

        // Transport and local delivery agent failures that mention a user but are about the system.
        R("local-delivery-agent", Soft, FailureReason.Unreachable,
            @"procmail: |\bpipe to \||unknown mailer error|mailer error|operating system error|\|IFS=|x-unix; \d+$|address ambiguous|delivery to (file|pipe) forbidden|local delivery failed|mailing list expansion problem|misconfigured forwarding"),
        R("server-resources", Soft, FailureReason.Unreachable,
            @"insufficient (system )?(resources|disk space)|system (is )?full|queue file write error|upstream error|internal (system|server) error|internal error reading|local error in processing|could not load drd|(local|mail system|server|system) config(uration)? error|server is misconfigured|temporary local problem|interrupted system call|can't create user output file|error while being processed|there is no mdb|not enough free space|timeout waiting for input"),

        // Mailbox full (seed: 550 5.2.2 user quota exceeded).
        R("mailbox-full", Soft, FailureReason.MailboxFull,
            @"mailbox (is )?full|mailbox.{0,40}over ?quota|over ?quota|quota ?(usage )?(exceeded|exceed)|(mailbox|inbox|account) (has )?exceeded|(mailbox|inbox|account) (is )?(at|over) (its )?(capacity|limit|storage)|not enough (storage|disk|space)|exceeds? (the )?(allowed|storage|mailbox) (size|quota|limit)|mailbox exceeds|out of storage space|storage (space )?(is )?full|disk quota|insufficient storage|mailbox size limit|user.{0,20}quota|inbox is full|bo[iî]te.{0,20}pleine|full mailbox|mail ?folder is full|exceeded storage allocation|mailbox would exceed|no space left on device|not sufficient disk space|quota violation|too much mail data|too many messages on the server|space has been used up|storage limit|for exceeding receiving limits"),

        // Our own sending account refused ("your account", "the sender account"): about us, not the
        // recipient, so before the inactive-account words below.
        R("sender-account", Soft, FailureReason.Refused,
            @"mail sending denied|sender('s)? account (is |has been )?(disabled|suspended|locked|blocked|not registered)|your account (is |has been )?(disabled|suspended|locked|blocked)"),

        // Inactive user (seed: Inactive MailBox, not poped for more than 6 months).
        R("inactive-user", Soft, FailureReason.InactiveUser,
            @"inactive (mailbox|e-?mail|user|account|recipient|address)|not poped|account (is |has been )?(disabled|locked|suspended|discontinued|deactivated|inactive|blocked|frozen)|account that you tried to reach is disabled|mailbox (is )?(frozen|disabled|inactive|suspended|locked)|disabled (recipient|user|mailbox|account)|user account (is )?disabled|recipient account is blocked|compte du destinataire est bloque|user (is )?suspended|(mailbox|account|user) (is |has been )?temporarily (disabled|deactivated|suspended|blocked)|(mailbox|account|recipient|user) (is )?(no longer|not) active|(mailbox|account|recipient|user) (is |has been )?(marked )?inactive|account (has )?expired|due to inactivity|deactivated (mailbox|account)|suspended (mailbox|account|recipient)|(is|mailbox) currently suspended|temporar(il)?y (locked|inactive)|archived recipient|destinataire archiv|user is terminated|suspend the service|account that you tried to reach is inactive|user or domain is disabled"),

        // Gave up after retrying: a transport verdict, whatever the last lookup said.
        R("expired", Soft, FailureReason.Unreachable,
            @"message expired|envelope expired|could not be delivered for|in the queue too long|too long in the queue|after multiple retries|delivery time expired|retry time(out)? (exceeded|expired)|retry time not reached|failing for a long time|not been collected after|numerous attempts to deliver|delivery attempts will continue|server did not respond"),

        // The receiving server insists on TLS, or the TLS policy of the domain (MTA-STS, DANE)
        // failed: a transport matter of the MX rule, not a refusal of the message (before the
        // generic "required" and "authentication" words below).
        R("tls-required", Soft, FailureReason.Unreachable,
            @"starttls (is )?required|must issue a starttls|(tls|encryption) (is )?required|requires? (a )?(secure|tls|encrypted) connection|to use tls|must support tls|requires? (encryption|tls)|high-strength ciphers|mta-sts|\bdane\b|starttls-not-supported|certificate-expired|tlsa-invalid|dnssec-invalid|certificate-host-mismatch"),

        // Header and format refusals before the size rule: "headers too large" is content, not size.
        R("header-error", Soft, FailureReason.Refused, @"headers? (is |are )?(too (large|long|many)|error)|unnecessary base64|mime complexity|invalid message content|improper use of 8-bit|multiple addresses in from|not rfc ?(822|2822|5322)|rfc ?(822|2822|5322) (compliant|compliance|violation)|(malformed|invalid|duplicate|missing) (\S+ )?(header|message-id)|bare (lf|linefeed|cr)|multiple \S+ headers|rfcmessagenoncompliant"),
        R("message-too-large", Soft, FailureReason.TextTooLong,
            @"(message|mail|email) (size )?(exceeds|is too (big|large)|too (big|large))|size (limit )?exceed|exceeds (the )?(fixed |maximum )*(message )?size|message too large|line limit exceeded|message length exceeds|exceed ?limit|(message|mail) file too (big|large)|too (big|large) for (the )?(system|mailbox|server)|maximum (inbound |incoming )?message size|exc?eeded the maximum size|\bsize limit|taille limite"),

        // Domains that accept no mail (null MX) are dead ends, not network trouble.
        R("domain-accepts-no-mail", Soft, FailureReason.InvalidDomain,
            @"doesn't receive email|does not accept (e-?)?mail(\s*$|\s*[^\sa-z]|\s+(for|to|at|here|because)\b)|no mail-enabled subscriptions|mail receiving disabled|no route for current request|indicated no smtp service|null mx|no mail server for|domain is not reachable|couldn't find a mail exchanger|malformed or unexpected name server reply|account or domain may not exist"),

        // Temporary DNS failures are the network's, not the domain's (DOMAIN.md §4: SERVFAIL is Unreachable).
        R("dns-temporary", Soft, FailureReason.Unreachable,
            @"DNS Error: .{0,40}(lookup of|type)|host not found, try again|host name lookup failure|temporary (dns|lookup) failure|servfail|dns timeout|malformed name server reply"),

        // Note: au/KDDI's content filter answers "550 <>: User unknown", with the address left
        // empty, for mail it refuses; a real unknown user gets "550 <address>: User unknown".
        R("filter-empty-address", Soft, FailureReason.Refused, @"\b550:? : user unknown"),

        // Microsoft's directory-based edge blocking answers for addresses that do not exist.
        R("recipient-not-in-directory", Hard, FailureReason.UserUnknown, @"recipient address rejected: access denied|recipnotfound|5\.1\.351"),

        // Refused (spam, reputation, authentication, policy, content; feedback-loop complaints too).
        R("refused-by-recipient", Soft, FailureReason.Refused,
            @"recipient preferences|not a member of|permission to post|group you tried to contact|groups\.google\.com/support|send mail as|access denied|denied by policy|not accepted for policy|account is protected by|previously bounced|bounced address|restricted sms e-?mail|not accepting any mail|only accepting mail from specific|refuses? to receive|\buser reject\b|members-only list|closed mailing list|not subscribed to this group|organizational settings|mass mailer|captcha"),

        R("authentication", Soft, FailureReason.Refused,
            @"dmarc|dkim|\bspf\b|unauthenticated|authentication (checks|failed|failure|information|required|credentials|level|requirements)|verification failure|sender( e-?mail)? (address )?(rejected|verify failed|not allowed|is spammer|not pre-approved)|invalid sender|failed to authenticate|smtp authentication|provide a valid from|sender (address )?invalid|emetteur invalide|bogus mail from|null sender|empty envelope sender|no third-party dsns|unsigned dsn|purported responsible address|batv|backscatter|mail from not owned|fully qualified e-?mail address required|senderfilterconfig|not a registered gateway user|does not accept mail from|helo command rejected|helo/ehlo|cannot find your hostname|cannot resolve your address|forward dns entry|unresolvable relay host|unverifiable sending|unverifyable sending|ses:sendrawemail|subscribed to ses|domain of sender|sender domain|unroutable sender|mailfrom domain|mismatches client ip|reverse (dns|lookup)|\bptr\b|ip name lookup failed|\brdns\b"),
        R("spam-reputation", Soft, FailureReason.Refused,
            @"spam|\bUBE\b|blocked|permanently deferred|bounce attacks|content filter|banned content|rejecting mail content|bulk\.advertising|mail score|open proxy|dynamic ips?\b|bad (sender )?ip|banned sending ip|ip profile|unwanted messages|smtp server of your isp|confirm this mail server|requires confirmation|not accepting connections|no access from mail server|block ?list|black ?list|dnsbl|spamhaus|reputation|complaint|\bRBL\b|bulk mail|junk|unsolicited|phishing"),
        R("policy-content", Soft, FailureReason.Refused,
            @"policy|relay(ing)? (denied|not permitted|prohibited|access denied)|no relaying|open relay|unable to relay|(permitted|allowed|configured) to relay|as a relay|insecure mail relay|don't handle mail for|\bnot a gateway|non-local e-?mail address|virus|malware|content (rejected|error)|message filtered|illegal attachment|executable files are not allowed|containing images or other attachments|protocol violation|media error|prohibited|forbidden|not permitted|network not allowed|mail rejected|message rejected|administrative prohibition|rcpthosts|not authori[sz]ed to (send|relay)"),

        // User unknown (seed: 550 5.1.1 ... User is unknown {mx003}).
        R("user-unknown", Hard, FailureReason.UserUnknown,
            @"user (is )?unknown|unknown (user|recipient|local[- ]part|address|alias)|no such (user|mailbox|recipient|address|account|person)|user (does not|doesn't|not) exists?|(account|address|mailbox|recipient) (does not|doesn't) exist|tried to reach does not exist|recipient not found|mailbox (not found|unavailable|does not exist|not exist)|no mailbox|invalid (recipient|mailbox|address|user)|address (couldn't be found|not found|unknown)|not listed in|not our user|no longer (on server|available|valid)|mailbox (has )?moved|destination mailbox|doesn't have an? .{1,60} account|bad destination|recipient (rejected|unknown|invalid)|illegal alias|unknown or illegal|adresse.{0,30}invalide|unable to deliver message to <|not a valid (mailbox|user|recipient)|user not local|addressee unknown|unknown (mailbox|e-?mail|account)|(account|mailbox|user|recipient) (was )?not found|no longer (exists|in use)|(account|mailbox) (has been |was )?(deleted|removed|terminated)|does not have an? (e-?mail )?(account|mailbox)|mailbox name not allowed|recipient mailbox is not allowed|(e-?mail|mail) address (is )?(invalid|not valid)|\baddress invalid|not (present|found) in (the )?directory|in name directory|can't accept user|addresses were unknown|server rejected recipients|address (could not|couldn't|cannot) be found|not a known user|user not known|not an active address|mailbox (is )?(invalid|unavailable|unavaiable)|mailbox not present|no account by that name|no mail ?box (available|by that name)|no valid recipients, bye|not a local address|recipient is not local|invalid-recipient|\buserunknown\b|recipient is not accepted|recipient not (exist|ok)|recipient ?notfound|badrcptto|badrecipientto|validrcptto|envelope recipient has been denied|e-?mail name is not found|no one at this address|missing home directory|unknown virtual user|> not found|non-?existent (user|address|mailbox|recipient)|(user|mailbox|account|rcpt) \S+ (does not|doesn't) exist|(user|mailbox) \S+ was not found|user \(\S+\) unknown|nessun utente|no existe (dicha persona|ese usuario)|utilisateur inconnu|adresse nicht gefunden"),

        // Invalid domain (seed: DNS query failed for 'ourdan.com').
        R("invalid-domain", Soft, FailureReason.InvalidDomain,
            @"dns query failed|host unknown|unknown host|host or domain name not found|domain (name )?not found|no such domain|domain (does not|doesn't) exist|invalid domain|couldn't find any host named|dns lookup failure|illegal host/domain|unrouteable (mail )?domain|unroutable address|no mx|mx lookup failed|bad destination system|routing issue|host not found|dns domain \S+ does not exist|unknown domain|nxdomain|name or service not known|host address lookups failed|mx records point to non-existent hosts|domain must exist|domain mentioned in e-?mail address is unknown|unrouteable address"),

        // Connections and retries.
        R("connection-failed", Soft, FailureReason.Unreachable,
            @"connection (timed out|refused|reset|lost|dropped)|lost connection|timed out|tls (negotiation|handshake) failed|unable to connect|establish an smtp connection|accept our requests to connect|not reachable|network (error|is unreachable)|no route to host|expired|been delayed|delivery.{0,30}delayed|message will be retried|still undelivered|error encountered while communicating"),

        // A reply that names the connecting IP ("IP=192.0.2.1", "your IP address 192.0.2.1") is
        // about our sending host, whatever else it says: a block or a reputation refusal.
        R("sending-ip-named", Soft, FailureReason.Refused,
            @"sender ip address rejected|invalid ip for sending|(sender's |sending |your |client )ip( address)? (is )?(listed|banned|blocked|rejected)|not currently accepting mail from your ip|\b(your |client |sending |connecting |source )?ip( address)?( ?[=:] ?| \[?)\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b|messages? from \[?\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\]? (weren't|were not|wasn't|was not|are not|is not|cannot be) (sent|accepted|delivered)"),

        // Generic words last: they would swallow the specific texts above.
        R("address-rejected", Hard, FailureReason.UserUnknown, @"address rejected(\s*[^\s:]|\s*$)"),
        R("refused-generic", Soft, FailureReason.Refused, @"(?<!recipient address )rejected|refused|refuse\b|denied|not accepted|not allowed|security|filtered|\bgo away\b"),
        R("system-error", Soft, FailureReason.Unreachable,
            @"service (currently )?unavailable|system error|temporary (failure|error|problem)|try again|command parameter not implemented|syntax error|malformed (recipient )?address|bad sequence|local error|protocol error|mail loop|loops back to myself|too many hops|hop count exceeded|forwarding loop|message looping|routing loop|unable to resolve route|could not connect and send|loop was found|destination computer could not be found|host is unreachable"),
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
