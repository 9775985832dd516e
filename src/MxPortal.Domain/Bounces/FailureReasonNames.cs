namespace MxPortal.Domain.Bounces;

/// <summary>The display names of <see cref="FailureReason"/> (ACC's labels), used in files and the CLI.</summary>
public static class FailureReasonNames
{
    private static readonly (FailureReason Reason, string Name)[] Names =
    [
        (FailureReason.NotDefined, "Not defined"),
        (FailureReason.UserUnknown, "User unknown"),
        (FailureReason.InvalidDomain, "Invalid domain"),
        (FailureReason.Unreachable, "Unreachable"),
        (FailureReason.InactiveUser, "Inactive user"),
        (FailureReason.MailboxFull, "Mailbox full"),
        (FailureReason.DenylistedAddress, "Denylisted address"),
        (FailureReason.AddressInQuarantine, "Address in quarantine"),
        (FailureReason.Double, "Double"),
        (FailureReason.Refused, "Refused"),
        (FailureReason.ErrorIgnored, "Error ignored"),
        (FailureReason.TextTooLong, "Text too long"),
    ];

    public static string ToDisplayName(this FailureReason reason)
    {
        foreach (var (r, name) in Names)
        {
            if (r == reason)
            {
                return name;
            }
        }

        return reason.ToString();
    }

    /// <summary>Reads a display name ("User unknown"), an enum name ("UserUnknown") or ACC's old label "Account disabled".</summary>
    public static bool TryParse(string? text, out FailureReason reason)
    {
        var key = (text ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (key.Equals("AccountDisabled", StringComparison.OrdinalIgnoreCase))
        {
            reason = FailureReason.InactiveUser;
            return true;
        }

        foreach (var (r, name) in Names)
        {
            if (key.Equals(name.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
                || key.Equals(r.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                reason = r;
                return true;
            }
        }

        reason = FailureReason.NotDefined;
        return false;
    }
}
