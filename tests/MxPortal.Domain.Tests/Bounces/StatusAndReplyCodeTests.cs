using MxPortal.Domain.Bounces;

namespace MxPortal.Domain.Tests.Bounces;

public sealed class StatusAndReplyCodeTests
{
    [Theory]
    [InlineData("550 5.1.1 <a@b.c>... User unknown", "5.1.1")]
    [InlineData("host [192.0.2.2] said: 451 4.7.650 rate limited", "4.7.650")]
    [InlineData("Sorry (#5.4.4)", "5.4.4")]
    [InlineData("Status: 2.0.0", "2.0.0")]
    public void TryFind_FindsTheFirstStandaloneCode(string text, string expected)
    {
        Assert.True(EnhancedStatusCode.TryFind(text, out var code));
        Assert.Equal(expected, code.ToString());
    }

    [Theory]
    [InlineData("connect to 192.0.2.5:25 failed")]
    [InlineData("Mailer version 5.1.10.2 says hi")]
    [InlineData("no code here")]
    public void TryFind_IgnoresIpAddressesAndVersions(string text)
    {
        Assert.False(EnhancedStatusCode.TryFind(text, out _));
    }

    [Theory]
    [InlineData("550 5.1.1 unknown", 550)]
    [InlineData("host mx.example.jp[192.0.2.22] said: 452 4.3.2 limit", 452)]
    [InlineData("ERROR_CODE :421, ERROR_CODE :", 421)]
    [InlineData("550-5.7.1 first line", 550)]
    [InlineData("at 192.0.2.250 on 2024-02-19", 0)]
    [InlineData("id 55012 queued", 0)]
    public void SmtpReplyCode_Find(string text, int expected)
    {
        Assert.Equal(expected, SmtpReplyCode.Find(text));
    }

    [Theory]
    [InlineData("User unknown", FailureReason.UserUnknown)]
    [InlineData("UserUnknown", FailureReason.UserUnknown)]
    [InlineData("account disabled", FailureReason.InactiveUser)]
    [InlineData("text too long", FailureReason.TextTooLong)]
    public void FailureReasonNames_TryParse(string text, FailureReason expected)
    {
        Assert.True(FailureReasonNames.TryParse(text, out var reason));
        Assert.Equal(expected, reason);
        Assert.True(FailureReasonNames.TryParse(reason.ToDisplayName(), out var again));
        Assert.Equal(reason, again);
    }
}
