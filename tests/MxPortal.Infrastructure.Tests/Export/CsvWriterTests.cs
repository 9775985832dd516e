using MxPortal.Infrastructure.Export;

namespace MxPortal.Infrastructure.Tests.Export;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a=b", "a=b")]
    public void Escape_QuotesAndDefusesFormulas(string? cell, string expected) =>
        Assert.Equal(expected, CsvWriter.Escape(cell));

    [Fact]
    public async Task WriteRow_JoinsCellsWithCommasAndCrLf()
    {
        var text = new StringWriter();
        await new CsvWriter(text).WriteRowAsync("a", "b,c", null);
        Assert.Equal("a,\"b,c\",\r\n", text.ToString());
    }
}
