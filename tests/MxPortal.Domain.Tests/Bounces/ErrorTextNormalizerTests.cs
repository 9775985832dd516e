using MxPortal.Domain.Bounces;

namespace MxPortal.Domain.Tests.Bounces;

public sealed class ErrorTextNormalizerTests
{
    [Theory]
    [InlineData("550 5.1.1 <kijitora@example.jp>... User Unknown", "550 5.1.1 *... User Unknown")]
    [InlineData("421 4.7.0 [TSS04] Messages from 192.0.2.192 temporarily deferred", "421 4.7.0 [#xxx#] Messages from #xxx# temporarily deferred")]
    [InlineData("host mx.example.jp[192.0.2.22] said:   550 5.2.2\n  Mailbox full.", "host mx.example.jp[#xxx#] said: 550 5.2.2 Mailbox full.")]
    [InlineData("452 4.3.1 Insufficient system resources, queue id 3F2A9C0B1", "452 4.3.1 Insufficient system resources, queue id #xxx#")]
    [InlineData("Message expired: unable to deliver in 840 minutes.", "Message expired: unable to deliver in #xxx# minutes.")]
    public void Normalize_ReplacesAddressesAndVariableParts(string raw, string expected)
    {
        Assert.Equal(expected, ErrorTextNormalizer.Normalize(raw));
    }

    [Fact]
    public void Normalize_SameErrorForDifferentRecipientsAndServers_GivesOneKey()
    {
        var a = ErrorTextNormalizer.Normalize("host mx1.example.jp[192.0.2.1] said: 550 5.1.1 <a@example.jp>: Recipient address rejected (id 12345)");
        var b = ErrorTextNormalizer.Normalize("host mx1.example.jp[198.51.100.7] said: 550 5.1.1 <bob.smith@example.jp>: Recipient address rejected (id 99)");

        Assert.Equal(a, b);
        Assert.Equal(ErrorTextNormalizer.Md5(a), ErrorTextNormalizer.Md5(b));
    }

    [Fact]
    public void Md5_IsLowerCaseHexOfTheUtf8Text()
    {
        // Computed independently: printf '550 5.1.1 *... User unknown' | md5sum
        Assert.Equal("d6e3f162e3cf750599e642d62f130d4c", ErrorTextNormalizer.Md5("550 5.1.1 *... User unknown"));
    }

    [Fact]
    public void Normalize_IsIdempotent()
    {
        var once = ErrorTextNormalizer.Normalize("554 5.7.1 Service unavailable; client [203.0.113.225] blocked using dnsbl.sorbs.net");

        Assert.Equal(once, ErrorTextNormalizer.Normalize(once));
    }
}
