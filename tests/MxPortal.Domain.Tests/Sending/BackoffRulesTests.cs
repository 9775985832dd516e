using MxPortal.Domain.Sending;

namespace MxPortal.Domain.Tests.Sending;

public sealed class BackoffRulesTests
{
    [Theory]
    [InlineData("421 4.16.55 [TS01] Messages from 203.0.113.5 temporarily deferred due to excessive user complaints", 60)]
    [InlineData("421 4.7.0 [TS02] Messages from 203.0.113.5 temporarily deferred", 60)]
    [InlineData("450 4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address", 30)]
    [InlineData("451 4.7.500 Server busy. Please try again later from [203.0.113.5]. (S775)", 30)]
    [InlineData("421 4.7.0 Too many connections from your IP", 15)]
    [InlineData("452 4.5.3 Too many recipients", 15)]
    [InlineData("451 4.7.1 Rate limit exceeded, try again later", 15)]
    public void DeferralsAboutTheSender_BackOff(string reply, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), BackoffRules.Default.Match(reply)!.Pause);

    [Theory]
    [InlineData("452 4.2.2 Mailbox full")]                      // about the recipient
    [InlineData("451 4.7.1 Greylisted, please try again later")] // greylisting: retry the message, not the budget
    [InlineData("550 5.7.1 [TS01] permanently rejected")]        // a 5xx is about the message
    [InlineData("250 2.0.0 Ok")]
    public void OtherReplies_DoNot(string reply) => Assert.Null(BackoffRules.Default.Match(reply));
}
