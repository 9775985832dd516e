using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MxPortal.TestSupport.Mail;

/// <summary>One-day self-signed certificates made in-process (no openssl call).</summary>
internal static class SelfSignedCertificate
{
    /// <summary>Writes a certificate for localhost/127.0.0.1 as cert.pem and key.pem.</summary>
    /// <returns>the certificate's hash (hex), as <c>X509Certificate.GetCertHashString()</c> gives it</returns>
    public static async Task<string> WriteAsync(string dir)
    {
        using var rsa = RSA.Create(2048);
        using var cert = Create(new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), "localhost");
        await File.WriteAllTextAsync(Path.Combine(dir, "cert.pem"), cert.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(dir, "key.pem"), rsa.ExportPkcs8PrivateKeyPem());
        return cert.GetCertHashString();
    }

    /// <summary>
    /// An ECDSA P-256 certificate for <paramref name="hostName"/> and 127.0.0.1 with its private key, usable by
    /// <c>SslStream.AuthenticateAsServerAsync</c> (exported and loaded again as PKCS#12: on Linux a certificate made by
    /// <c>CreateSelfSigned</c> holds an ephemeral key that the TLS layer cannot always use).
    /// </summary>
    public static X509Certificate2 ForServer(string hostName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + hostName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var cert = Create(request, hostName);
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), password: null);
    }

    private static X509Certificate2 Create(CertificateRequest request, string hostName)
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(hostName);
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
