using System.Text.RegularExpressions;
using MimeKit;

namespace MxPortal.Infrastructure.Bounces;

/// <summary>Recognizes auto-replies and vacation notices (RFC 3834 and the common non-standard headers).</summary>
internal static partial class AutoReplyDetector
{
    public static bool IsAutoReply(MimeMessage message)
    {
        if (LooksLikeDaemon(message))
        {
            // Note: DSNs are auto-generated too (Auto-Submitted: auto-replied on some MTAs); a
            // mailer daemon's mail is a bounce, never a vacation notice.
            return false;
        }

        var headers = message.Headers;
        var autoSubmitted = headers["Auto-Submitted"];
        if (autoSubmitted is not null && autoSubmitted.Trim().StartsWith("auto-replied", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond")
            || (headers["Precedence"]?.Contains("auto_reply", StringComparison.OrdinalIgnoreCase) ?? false)
            || AutoReplySubject().IsMatch(message.Subject ?? "");
    }

    public static bool LooksLikeDaemon(MimeMessage message) =>
        message.From.Mailboxes.Any(m => Daemon().IsMatch(m.Address ?? ""))
        || message.Headers.Contains("X-Failed-Recipients")
        || message.Body is MultipartReport;

    [GeneratedRegex(@"^(auto(matic)?[ -]?(reply|response|antwort)|out of (the )?office|vacation|away\b|abwesen|absence|r[ée]ponse automatique|auto:)", RegexOptions.IgnoreCase)]
    private static partial Regex AutoReplySubject();

    [GeneratedRegex(@"^(mailer-daemon|postmaster|mail-daemon|mailerdaemon|bounce|bounces|mdaemon|mmdf|root|nobody)@|^mailer-daemon", RegexOptions.IgnoreCase)]
    private static partial Regex Daemon();
}
