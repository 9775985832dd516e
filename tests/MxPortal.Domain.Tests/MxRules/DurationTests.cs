using MxPortal.Domain.MxRules;

namespace MxPortal.Domain.Tests.MxRules;

public sealed class DurationTests
{
    [Theory]
    [InlineData("10s", 10)]
    [InlineData("4m", 240)]
    [InlineData("1h", 3_600)]
    [InlineData("1d", 86_400)]
    [InlineData(" 90S ", 90)]
    [InlineData("0s", 0)]
    public void TryParse_reads_number_and_unit(string text, int seconds)
    {
        Assert.True(Duration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("s")]
    [InlineData("10w")]
    [InlineData("-5s")]
    [InlineData("1.5h")]
    [InlineData("1h30m")]
    [InlineData("99999999999d")]
    public void TryParse_refuses_other_text(string text) => Assert.False(Duration.TryParse(text, out _));

    [Theory]
    [InlineData(10, "10s")]
    [InlineData(240, "4m")]
    [InlineData(3_600, "1h")]
    [InlineData(86_400, "1d")]
    [InlineData(90, "90s")]
    [InlineData(5_400, "90m")]
    [InlineData(172_800, "2d")]
    public void Format_picks_the_largest_exact_unit_and_round_trips(int seconds, string expected)
    {
        var text = Duration.Format(TimeSpan.FromSeconds(seconds));
        Assert.Equal(expected, text);
        Assert.Equal(TimeSpan.FromSeconds(seconds), Duration.Parse(text));
    }

    [Fact]
    public void Format_refuses_fractions_of_a_second() =>
        Assert.Throws<DomainException>(() => Duration.Format(TimeSpan.FromMilliseconds(1500)));

    [Fact]
    public void Parse_names_the_bad_text() =>
        Assert.Contains("'4 minutes'", Assert.Throws<DomainException>(() => Duration.Parse("4 minutes")).Message);
}
