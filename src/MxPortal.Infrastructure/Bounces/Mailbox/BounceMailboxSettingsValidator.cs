namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>Checks mailbox settings before they are stored; every problem is reported, keyed by field.</summary>
internal static class BounceMailboxSettingsValidator
{
    public static Dictionary<string, IReadOnlyList<string>> Validate(BounceMailboxSettings s, bool passwordRequired)
    {
        var errors = new Dictionary<string, List<string>>();
        void Check(bool ok, string field, string message)
        {
            if (ok) return;
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        Check(!string.IsNullOrWhiteSpace(s.Name) && s.Name.Trim().Length <= 100, "Name", "A name of 1 to 100 characters is required.");
        Check(Enum.IsDefined(s.Protocol), "Protocol", "Choose POP3 or IMAP.");
        Check(Enum.IsDefined(s.Tls), "Tls", "Choose a TLS mode.");
        // Note: MailKit puts the host in a URI and throws on one that is no host name (a space, a port, a scheme).
        Check(!string.IsNullOrWhiteSpace(s.Host) && s.Host.Trim().Length <= 255 && Uri.CheckHostName(s.Host.Trim()) != UriHostNameType.Unknown,
            "Host", "A host name or IP address is required.");
        Check(s.Port is >= 1 and <= 65535, "Port", "The port is between 1 and 65535.");
        Check(!string.IsNullOrWhiteSpace(s.UserName) && s.UserName.Length <= 256, "UserName", "A user name is required.");
        Check(!passwordRequired || !string.IsNullOrEmpty(s.Password), "Password", "A password is required.");
        Check(s.Protocol != MailProtocol.Imap || (!string.IsNullOrWhiteSpace(s.ProcessedFolder) && s.ProcessedFolder.Length <= 200),
            "ProcessedFolder", "IMAP needs the folder processed mails are moved to.");
        Check(s.PollIntervalMinutes is >= 1 and <= 60, "PollIntervalMinutes", "Poll every 1 to 60 minutes.");
        Check(s.MaxMessagesPerRun is >= 1 and <= 10_000, "MaxMessagesPerRun", "Between 1 and 10,000 messages per run.");
        return errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value);
    }
}
