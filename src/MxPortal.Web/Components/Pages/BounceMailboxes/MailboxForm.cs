using MxPortal.Infrastructure.Bounces.Mailbox;

namespace MxPortal.Web.Components.Pages.BounceMailboxes;

/// <summary>The fields of the mailbox dialog. The password is never shown: empty on edit keeps the stored one.</summary>
public sealed class MailboxForm
{
    public string Name { get; set; } = "";
    public MailProtocol Protocol { get; set; } = MailProtocol.Imap;
    public string Host { get; set; } = "";
    public int Port { get; set; } = 993;
    public MailTlsMode Tls { get; set; } = MailTlsMode.SslOnConnect;
    public string UserName { get; set; } = "";
    public string? Password { get; set; }
    public string ProcessedFolder { get; set; } = "Processed";
    public bool Enabled { get; set; } = true;
    public int PollIntervalMinutes { get; set; } = 5;
    public int MaxMessagesPerRun { get; set; } = 200;

    public static MailboxForm From(BounceMailboxSettings s) => new()
    {
        Name = s.Name, Protocol = s.Protocol, Host = s.Host, Port = s.Port, Tls = s.Tls, UserName = s.UserName,
        ProcessedFolder = s.ProcessedFolder, Enabled = s.Enabled, PollIntervalMinutes = s.PollIntervalMinutes, MaxMessagesPerRun = s.MaxMessagesPerRun,
    };

    public BounceMailboxSettings ToSettings() =>
        new(Name, Protocol, Host, Port, Tls, UserName, Password, ProcessedFolder, Enabled, PollIntervalMinutes, MaxMessagesPerRun);
}
