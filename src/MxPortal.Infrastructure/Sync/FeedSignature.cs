using System.Security.Cryptography;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// ECDSA P-256 with SHA-256 over the exact bytes of the feed body (docs/sync-api.md). The signature travels base64
/// in <see cref="SignatureHeader"/> as the 64-byte IEEE P1363 value (r‖s); <see cref="KeyIdHeader"/> names the key.
/// </summary>
public static class FeedSignature
{
    public const string SignatureHeader = "X-MxPortal-Signature";
    public const string KeyIdHeader = "X-MxPortal-Key-Id";
    public const string Algorithm = "ES256";

    private const DSASignatureFormat Format = DSASignatureFormat.IeeeP1363FixedFieldConcatenation;

    /// <summary>The key id: the first 16 hex digits of the SHA-256 of the SubjectPublicKeyInfo.</summary>
    public static string KeyId(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];

    public static string Sign(ECDsa key, ReadOnlySpan<byte> payload) =>
        Convert.ToBase64String(key.SignData(payload, HashAlgorithmName.SHA256, Format));

    public static bool Verify(ECDsa key, ReadOnlySpan<byte> payload, string? signatureBase64)
    {
        if (string.IsNullOrWhiteSpace(signatureBase64)) return false;
        var signature = new byte[96];
        if (!Convert.TryFromBase64String(signatureBase64.Trim(), signature, out var length) || length != 64) return false;
        return key.VerifyData(payload, signature.AsSpan(0, length), HashAlgorithmName.SHA256, Format);
    }

    /// <summary>The public key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>), as shown for copying to clients.</summary>
    public static string PublicKeyPem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Reads a P-256 public key from PEM or base64 SubjectPublicKeyInfo; returns why it cannot, or null.</summary>
    public static string? TryImportPublicKey(string? text, out ECDsa? key)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(text)) return "is required for a client (copy it from the publisher's Synchronization page).";
        var candidate = ECDsa.Create();
        try
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith("-----", StringComparison.Ordinal)) candidate.ImportFromPem(trimmed);
            else candidate.ImportSubjectPublicKeyInfo(Convert.FromBase64String(trimmed), out _);
            var curve = candidate.ExportParameters(false).Curve;
            if (candidate.KeySize != 256 || curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                candidate.Dispose();
                return "is not an ECDSA P-256 public key.";
            }
            key = candidate;
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or CryptographicException)
        {
            candidate.Dispose();
            return "is not a PEM or base64 public key (SubjectPublicKeyInfo).";
        }
    }
}
