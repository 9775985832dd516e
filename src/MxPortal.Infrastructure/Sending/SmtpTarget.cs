using System.Net;

namespace MxPortal.Infrastructure.Sending;

/// <summary>One MX host to connect to: its name (for logs and TLS), the address chosen and the SMTP port.</summary>
public sealed record SmtpTarget(string HostName, IPAddress Address, int Port = 25);
