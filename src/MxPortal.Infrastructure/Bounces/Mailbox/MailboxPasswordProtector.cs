using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>
/// Encrypts mailbox passwords with ASP.NET Core Data Protection. The keys live in the database
/// (AddMxInfrastructure), so every node can decrypt what another node stored.
/// </summary>
public sealed class MailboxPasswordProtector(IDataProtectionProvider provider)
{
    // Note: the purpose is part of the key derivation; changing it makes every stored password unreadable.
    private const string Purpose = "MxPortal.Bounces.MailboxPassword.v1";
    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string password) => _protector.Protect(password);

    /// <summary>The password, or null when it cannot be decrypted (keys lost or another application's data).</summary>
    public string? TryUnprotect(string protectedPassword)
    {
        try
        {
            return _protector.Unprotect(protectedPassword);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public MailboxEndpoint? Endpoint(BounceMailbox mailbox) =>
        TryUnprotect(mailbox.ProtectedPassword) is { } password
            ? new MailboxEndpoint(mailbox.Protocol, mailbox.Host, mailbox.Port, mailbox.Tls, mailbox.UserName, password, mailbox.ProcessedFolder)
            : null;
}
