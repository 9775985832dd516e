using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MxPortal.TestSupport.Mail;

/// <summary>A one-day self-signed certificate for localhost/127.0.0.1, written as cert.pem and key.pem (no openssl call).</summary>
internal static class SelfSignedCertificate
{
    /// <returns>the certificate's hash (hex), as <c>X509Certificate.GetCertHashString()</c> gives it</returns>
    public static async Task<string> WriteAsync(string dir)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllTextAsync(Path.Combine(dir, "cert.pem"), cert.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(dir, "key.pem"), rsa.ExportPkcs8PrivateKeyPem());
        return cert.GetCertHashString();
    }
}
