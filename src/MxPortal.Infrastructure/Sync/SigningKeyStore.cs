using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// The publisher's feed signing key (ECDSA P-256): generated on first use and stored with its private half protected
/// by Data Protection (whose keys live in the database, so every node of the publisher signs with the same key).
/// </summary>
public sealed class SigningKeyStore(IDbContextFactory<AppDbContext> contexts, IDataProtectionProvider protection, TimeProvider time,
    ILogger<SigningKeyStore> logger)
{
    // Note: the purpose is part of the key derivation; changing it makes the stored key unreadable.
    private readonly IDataProtector _protector = protection.CreateProtector("MxPortal.Sync.SigningKey.v1");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SigningKey? _key;

    public async Task<SigningKey> GetAsync(CancellationToken ct = default)
    {
        if (_key is { } cached) return cached;
        await _gate.WaitAsync(ct);
        try
        {
            return _key ??= await LoadOrCreateAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SigningKey> LoadOrCreateAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.SyncSigningKeys.AnyAsync(ct))
        {
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            db.SyncSigningKeys.Add(new SigningKeyRow
            {
                KeyId = FeedSignature.KeyId(fresh),
                PublicKey = Convert.ToBase64String(fresh.ExportSubjectPublicKeyInfo()),
                ProtectedPrivateKey = _protector.Protect(Convert.ToBase64String(fresh.ExportPkcs8PrivateKey())),
                CreatedUtc = time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Generated the feed signing key {KeyId}", FeedSignature.KeyId(fresh));
        }
        // Note: the oldest row wins, so two nodes that both generated a key on first start agree on one.
        var row = await db.SyncSigningKeys.AsNoTracking().OrderBy(k => k.Id).FirstAsync(ct);
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(_protector.Unprotect(row.ProtectedPrivateKey)), out _);
        return new SigningKey(row.KeyId, key, FeedSignature.PublicKeyPem(key));
    }
}
