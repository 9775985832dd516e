using System.Text;
using MxPortal.Infrastructure.Sending.Recipients;

namespace MxPortal.Infrastructure.Tests.Sending.Recipients;

public sealed class RecipientCsvReaderTests
{
    private static (RecipientCsvReader Reader, List<RecipientRow> Rows) Read(string csv, bool bom = false)
    {
        var bytes = (bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        var reader = RecipientCsvReader.Open(new MemoryStream(bytes));
        return (reader, reader.ReadRows().ToList());
    }

    private static string Describe(RecipientRow row) => row.Recipient is { } r
        ? $"{r.Line}: {r.Address} {string.Join("|", r.Fields.Select(f => $"{f.Key}={f.Value}"))}"
        : $"{row.Error!.Line}: {row.Error.Kind}";

    [Theory]
    [InlineData("email,FirstName\r\nann@example.com,Ann\r\n", false, ',')]
    [InlineData("email,FirstName\nann@example.com,Ann", true, ',')]
    [InlineData(" E-Mail ;FirstName\nann@example.com;Ann\n", true, ';')]
    [InlineData("FirstName\tADDRESS\nAnn\tann@example.com\n", false, '\t')]
    [InlineData("\n\nemail,FirstName\n\nann@example.com,Ann\n\n,\n  \n", false, ',')]
    [InlineData("email,FirstName\rann@example.com,Ann\r", false, ',')]
    public void ReadRows_DelimitersBomAndLineEndings(string csv, bool bom, char delimiter)
    {
        var (reader, rows) = Read(csv, bom);

        Assert.Null(reader.HeaderError);
        Assert.Equal(delimiter, reader.Delimiter);
        Assert.Equal(new[] { "FirstName" }, reader.FieldColumns);
        var row = Assert.Single(rows);
        Assert.Equal("ann@example.com", row.Recipient!.Address.Value);
        Assert.Equal("Ann", row.Recipient.Fields["firstname"]);
    }

    [Fact]
    public void ReadRows_QuotedFields_KeepDelimitersQuotesAndNewlines_AndLaterLinesStayRight()
    {
        var csv = "email,Name,Note\n" +
                  "a@x.example,\"Doe, John\",\"said \"\"hi\"\"\"\n" +
                  "b@x.example,\"two\nlines\",\"three\r\nlines\nhere\"\n" +
                  "c@x.example,plain,\"\"\n" +
                  "bad,x,y\n";

        var (_, rows) = Read(csv);

        Assert.Equal(
            new[] { "2: a@x.example Name=Doe, John|Note=said \"hi\"", "3: b@x.example Name=two\nlines|Note=three\r\nlines\nhere", "7: c@x.example Name=plain|Note=", "8: InvalidAddress" },
            rows.Select(Describe));
    }

    [Fact]
    public void ReadRows_Malformed_ReportsTheLineWhereTheRowStarts()
    {
        var csv = "email;name\n" +
                  "a@x.example;Ann;extra\n" +
                  "b@x.example\n" +
                  "\"c@x.example\"x;Cy\n" +
                  "d@x.example;\"Dee\n" +
                  "e@x.example;Eve\n";

        var (_, rows) = Read(csv);

        Assert.Equal(new[] { "2: MalformedRow", "3: MalformedRow", "4: MalformedRow", "5: MalformedRow" }, rows.Select(Describe));
        Assert.Contains("3 fields, the header has 2", rows[0].Error!.Message);
        Assert.Contains("follows a closing quote", rows[2].Error!.Message);
        Assert.Contains("never closed", rows[3].Error!.Message);
    }

    [Fact]
    public void ReadRows_AddressProblems_SayWhy()
    {
        var csv = "name,email\nA,\nB,  \nC,c.example.com\nD,d@localhost\nE,\" E@Example.COM \"\nF,o'neil@x.example\n";

        var (_, rows) = Read(csv);

        Assert.Equal(new[] { "2: EmptyAddress", "3: EmptyAddress", "4: InvalidAddress", "5: InvalidAddress", "6: E@example.com name=E", "7: o'neil@x.example name=F" }, rows.Select(Describe));
        Assert.Contains("'c.example.com' is not a valid address: the address has no '@'.", rows[2].Error!.Message);
        Assert.Contains("no dot", rows[3].Error!.Message);
    }

    [Fact]
    public void ReadRows_BytesThatAreNotUtf8_MakeTheAddressInvalid()
    {
        var bytes = Encoding.UTF8.GetBytes("email\n").Concat(new byte[] { 0x6A, 0xE9, 0x40, 0x78, 0x2E, 0x69, 0x6F, 0x0A }).ToArray();

        var row = Assert.Single(RecipientCsvReader.Open(new MemoryStream(bytes)).ReadRows());

        Assert.Contains("not valid UTF-8", row.Error!.Message);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("\n\n", "the file is empty")]
    [InlineData("name,city\nx,y\n", "no address column")]
    [InlineData("email,name,EMAIL\n", "'email' appears more than once")]
    [InlineData("email,,name\n", "column 2 of the header has no name")]
    [InlineData("email,address\n", "more than one address column")]
    [InlineData("email,\"name\n", "the header row is malformed")]
    public void Open_BadHeader_StopsTheImport(string csv, string message)
    {
        var (reader, rows) = Read(csv.Trim().Length == 0 ? csv : csv + "a@x.example,b\n");

        Assert.Contains(message, reader.HeaderError!.Message);
        Assert.Equal(RecipientRowErrorKind.InvalidHeader, reader.HeaderError.Kind);
        Assert.Empty(rows);
    }

    [Fact]
    public void Open_DelimitersInsideQuotedHeaderNames_DoNotCount()
    {
        var (reader, rows) = Read("\"Name, full, first\";email\n\"Doe, J\";j@x.example\n");

        Assert.Equal(';', reader.Delimiter);
        Assert.Equal(new[] { "Name, full, first", "email" }, reader.Columns);
        Assert.Equal(new[] { "2: j@x.example Name, full, first=Doe, J" }, rows.Select(Describe));
    }

    [Fact]
    public void Open_TextArrivingOneCharAtATime_ReadsTheSame()
    {
        var csv = "\uFEFFName;Email\r\n\"A;\"\"x\"\"\r\ny\";a@x.example\r\n\r\nB;b@x.example";
        using var reader = RecipientCsvReader.Open(new TrickleReader(csv));

        Assert.Equal(';', reader.Delimiter);
        Assert.Equal(new[] { "2: a@x.example Name=A;\"x\"\r\ny", "5: b@x.example Name=B" }, reader.ReadRows().Select(Describe));
    }

    [Fact]
    public void DuplicateFilter_IgnoresCase()
    {
        var filter = new DuplicateFilter();
        var (_, rows) = Read("email\nA@x.example\na@X.example\nb@x.example\n");

        Assert.Equal(new[] { true, false, true }, rows.Select(r => filter.IsFirst(r.Recipient!.Address)));
    }
}
