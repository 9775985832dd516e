using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// The publisher's API keys: created, rotated and revoked by Administrators, audited. A key is 32 random bytes
/// (base64url, prefixed <c>mxp_</c>); only its SHA-256 is stored, so the key is shown once and never again.
/// </summary>
public sealed class ApiKeyStore(IDbContextFactory<AppDbContext> contexts, AuditLog audit, TimeProvider time)
{
    private const string KeyPrefix = "mxp_";

    public async Task<IReadOnlyList<SyncApiKey>> ListAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.ManageApiKeys);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SyncApiKeys.AsNoTracking().OrderBy(k => k.RevokedUtc != null).ThenBy(k => k.Name).ToListAsync(ct);
    }

    /// <returns>The stored key and the secret, to show once.</returns>
    public async Task<(SyncApiKey Key, string Secret)> CreateAsync(ClaimsPrincipal actor, string name, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.ManageApiKeys);
        name = name.Trim();
        if (name.Length is 0 or > 100) throw new ArgumentException("A key name has 1 to 100 characters.", nameof(name));
        var secret = NewSecret();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = new SyncApiKey
        {
            Name = name, Hash = Hash(secret), Prefix = secret[..12], CreatedUtc = Now, CreatedBy = Actor.Name(actor),
        };
        db.SyncApiKeys.Add(key);
        audit.Add(db, Actor.Name(actor), "apikey.create", name, $"prefix {key.Prefix}");
        await db.SaveChangesAsync(ct);
        return (key, secret);
    }

    /// <summary>Gives the key a new secret; the old one stops working at once.</summary>
    /// <returns>The new secret, or null when the key does not exist or is revoked.</returns>
    public async Task<string?> RotateAsync(ClaimsPrincipal actor, int id, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.ManageApiKeys);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = await db.SyncApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.RevokedUtc == null, ct);
        if (key is null) return null;
        var secret = NewSecret();
        var before = key.Prefix;
        key.Hash = Hash(secret);
        key.Prefix = secret[..12];
        key.RotatedUtc = Now;
        audit.Add(db, Actor.Name(actor), "apikey.rotate", key.Name, $"before: prefix {before}; after: prefix {key.Prefix}");
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task<bool> RevokeAsync(ClaimsPrincipal actor, int id, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.ManageApiKeys);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = await db.SyncApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.RevokedUtc == null, ct);
        if (key is null) return false;
        key.RevokedUtc = Now;
        audit.Add(db, Actor.Name(actor), "apikey.revoke", key.Name, $"prefix {key.Prefix}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The active key of an <c>Authorization: Bearer …</c> header, or null (missing, unknown or revoked).</summary>
    public async Task<SyncApiKey?> AuthenticateAsync(string? authorization, CancellationToken ct = default)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var secret = authorization[scheme.Length..].Trim();
        if (!secret.StartsWith(KeyPrefix, StringComparison.Ordinal) || secret.Length > 100) return null;
        var hash = Hash(secret);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = await db.SyncApiKeys.SingleOrDefaultAsync(k => k.Hash == hash && k.RevokedUtc == null, ct);
        if (key is null) return null;
        key.LastUsedUtc = Now;
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>Lower-case hex SHA-256 of the key: what is stored. A random 256-bit key needs no salt or slow hash.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string NewSecret() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
