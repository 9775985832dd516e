using System.Security.Cryptography;
using System.Text;
using MxPortal.Infrastructure.Sync;

namespace MxPortal.Infrastructure.Tests.Sync;

public sealed class FeedSignatureTests
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"format":"mxportal.rule-feed"}""");

    [Fact]
    public void Signature_VerifiesWithThePublicKeyFromPemOrBase64()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = FeedSignature.Sign(key, Payload);

        Assert.Null(FeedSignature.TryImportPublicKey(FeedSignature.PublicKeyPem(key), out var fromPem));
        Assert.Null(FeedSignature.TryImportPublicKey(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()), out var fromBase64));
        Assert.True(FeedSignature.Verify(fromPem!, Payload, signature));
        Assert.True(FeedSignature.Verify(fromBase64!, Payload, signature));
        Assert.Equal(FeedSignature.KeyId(key), FeedSignature.KeyId(fromPem!));
    }

    [Fact]
    public void OneAlteredByte_OrAnotherKey_OrNoSignature_FailsVerification()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = FeedSignature.Sign(key, Payload);
        var altered = (byte[])Payload.Clone();
        altered[5] ^= 1;

        Assert.False(FeedSignature.Verify(key, altered, signature));
        Assert.False(FeedSignature.Verify(other, Payload, signature));
        Assert.False(FeedSignature.Verify(key, Payload, FeedSignature.Sign(other, Payload)));
        Assert.False(FeedSignature.Verify(key, Payload, null));
        Assert.False(FeedSignature.Verify(key, Payload, "not base64!"));
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("garbage", "is not a PEM or base64")]
    [InlineData("P384", "is not an ECDSA P-256")]
    public void TryImportPublicKey_RefusesWhatIsNotAP256PublicKey(string? text, string reason)
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var input = text == "P384" ? p384.ExportSubjectPublicKeyInfoPem() : text;

        Assert.Contains(reason, FeedSignature.TryImportPublicKey(input, out var key));
        Assert.Null(key);
    }
}
