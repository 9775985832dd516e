using MxPortal.Domain.MxRules;

namespace MxPortal.Domain.Tests.MxRules;

public sealed class MxMaskTests
{
    [Theory]
    [InlineData("*.google.com", "aspmx.l.google.com", true)]
    [InlineData("*.google.com", "alt1.aspmx.l.google.com.", true)]    // trailing dot from DNS
    [InlineData("*.google.com", "ASPMX.L.GOOGLE.COM", true)]          // case-insensitive
    [InlineData("*.google.com", "google.com", false)]                 // '*.' needs a label before
    [InlineData("*.google.com", "aspmx.l.google.com.evil.test", false)]
    [InlineData("*.google.com", "notgoogle.com", false)]
    [InlineData("mx?.example.test", "mx1.example.test", true)]
    [InlineData("mx?.example.test", "mx12.example.test", false)]     // '?' is exactly one character
    [InlineData("mx?.example.test", "mx.example.test", false)]
    [InlineData("*mail*", "smtp.mail.example", true)]
    [InlineData("*", "anything.at.all", true)]
    [InlineData("mx1.example.test", "MX1.Example.Test.", true)]
    [InlineData("mx1.example.test", "mx10.example.test", false)]
    [InlineData("*.*.outlook.com", "hotmail-com.olc.protection.outlook.com", true)]
    public void IsMatch_follows_wildcards(string mask, string host, bool expected) =>
        Assert.Equal(expected, MxMask.Compile(mask).IsMatch(host));

    [Theory]
    [InlineData("", "the mask is empty")]
    [InlineData("mx.example.test/24", "'/' is not allowed")]
    [InlineData("mx example.test", "' ' is not allowed")]
    [InlineData("*..example.test", "empty label")]
    [InlineData(".example.test", "empty label")]
    public void Validate_names_the_problem(string mask, string expected) =>
        Assert.Contains(expected, MxMask.Validate(mask));

    [Fact]
    public void Compile_of_an_invalid_mask_throws_the_domain_exception() =>
        Assert.Throws<DomainException>(() => MxMask.Compile("a b"));
}
