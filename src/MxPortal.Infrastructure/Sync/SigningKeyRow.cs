namespace MxPortal.Infrastructure.Sync;

/// <summary>The publisher's feed signing key: public part in the clear, private part protected with Data Protection.</summary>
public sealed class SigningKeyRow
{
    public int Id { get; set; }
    public string KeyId { get; set; } = "";

    /// <summary>Base64 SubjectPublicKeyInfo.</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>The PKCS#8 private key, protected (Data Protection, keys in the database).</summary>
    public string ProtectedPrivateKey { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
