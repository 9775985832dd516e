using System.Security.Cryptography;
using System.Text;

namespace MxPortal.Infrastructure.Bounces.Rules;

/// <summary>
/// Keys of bounce rules. A published (Synced) rule's key comes from its name, so every instance seeded with the
/// same defaults, and the feed that publishes them, agree on it without exchanging ids; a Local rule gets a random one.
/// </summary>
public static class BounceRuleKeys
{
    public static Guid ForPublished(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("mxportal:bounce-rule:" + name.Trim().ToLowerInvariant()));
        var bytes = hash[..16];
        // RFC 9562 version 8 (custom) and variant bits, so the value is a well-formed UUID.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public static Guid ForLocal() => Guid.NewGuid();
}
