namespace MxPortal.TestSupport.Mail;

/// <summary>The loopback ports of a test Dovecot; the TLS-only ports are 0 (off) without TLS.</summary>
public sealed record DovecotPorts(int Imap, int Pop3, int Imaps, int Pop3s);
