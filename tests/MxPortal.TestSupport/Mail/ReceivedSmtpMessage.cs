namespace MxPortal.TestSupport.Mail;

/// <summary>A message a scripted server accepted: envelope, raw content and the connection it came on.</summary>
public sealed record ReceivedSmtpMessage(string MailFrom, IReadOnlyList<string> Recipients, string Content, string Helo, int ConnectionNumber = 0, string ClientAddress = "");
