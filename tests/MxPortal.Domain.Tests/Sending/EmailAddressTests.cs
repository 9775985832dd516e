using MxPortal.Domain.Quarantine;
using MxPortal.Domain.Sending;

namespace MxPortal.Domain.Tests.Sending;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("  John.Doe@Example.COM ", "John.Doe@example.com")]
    [InlineData("a+tag@sub.example.org", "a+tag@sub.example.org")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    [InlineData("\"john doe\"@example.com", "\"john doe\"@example.com")]
    [InlineData("\"a@b\"@example.com", "\"a@b\"@example.com")]
    [InlineData("user@Bücher.DE", "user@xn--bcher-kva.de")]
    [InlineData("x@a-b.c1.io", "x@a-b.c1.io")]
    public void TryParse_ValidAddress_IsNormalized(string raw, string expected)
    {
        Assert.True(EmailAddress.TryParse(raw, out var address, out var error), error);
        Assert.Equal(expected, address.Value);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("john.example.com", "no '@'")]
    [InlineData("@example.com", "before the '@'")]
    [InlineData("john@", "after the '@'")]
    [InlineData("john@localhost", "no dot")]
    [InlineData("john@example..com", "empty label")]
    [InlineData("john@example.com.", "empty label")]
    [InlineData("john@-example.com", "starts or ends with '-'")]
    [InlineData("john@exa_mple.com", "not allowed in a host name")]
    [InlineData("john@1.2.3.4", "ends with a number")]
    [InlineData("john@[1.2.3.4]", "address literals")]
    [InlineData(".john@example.com", "dot")]
    [InlineData("jo..hn@example.com", "two dots")]
    [InlineData("jo hn@example.com", "needs quoting")]
    [InlineData("jo,hn@example.com", "needs quoting")]
    [InlineData("\"jo\"hn\"@example.com", "unescaped")]
    public void TryParse_InvalidAddress_SaysWhy(string raw, string reason)
    {
        Assert.False(EmailAddress.TryParse(raw, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void TryParse_RespectsRfc5321Lengths()
    {
        Assert.True(EmailAddress.TryParse(new string('a', 64) + "@example.com", out _, out _));
        Assert.False(EmailAddress.TryParse(new string('a', 65) + "@example.com", out _, out var local));
        Assert.Contains("64", local);
        var label = new string('b', 63);
        Assert.False(EmailAddress.TryParse($"a@{label}.{label}.{label}.{label}.com", out _, out var total));
        Assert.Contains("254", total);
        Assert.False(EmailAddress.TryParse($"a@{new string('c', 64)}.com", out _, out var longLabel));
        Assert.Contains("63", longLabel);
    }

    [Fact]
    public void Equality_IgnoresCaseOfTheLocalPart_ButKeepsIt()
    {
        var a = EmailAddress.Parse("John@Example.com");
        var b = EmailAddress.Parse("john@example.COM");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("John", a.LocalPart);
        Assert.Equal(("john@example.com", "john@example.com"), (a.Key, b.Key));
        Assert.Equal(QuarantineAddress.Normalize(" John@Example.com"), a.Key);
        Assert.Throws<DomainException>(() => EmailAddress.Parse("nope"));
    }
}
