using System.Text;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending.Recipients;

/// <summary>
/// Reads a recipient list (issue 5) as it streams in, one row at a time: a header row naming the columns, then one
/// recipient per row. The delimiter (',', ';' or tab) is taken from the header; UTF-8 with or without a BOM. Every
/// data row yields a recipient or an error with its line, so one bad row never stops an import.
/// Duplicates are not looked for here: the store's unique index on <see cref="EmailAddress.Key"/> skips them as
/// Double (DOMAIN.md §5), and <see cref="DuplicateFilter"/> serves small lists.
/// Reads are synchronous on purpose (one char at a time through a buffer; async per chunk buys nothing in a job):
/// the import job reads the stored upload file, and a browser upload stream, which refuses synchronous reads, is
/// first copied to that file with <c>CopyToAsync</c>. That file is also what lets a crashed import start again.
/// </summary>
public sealed class RecipientCsvReader : IDisposable
{
    /// <summary>The header names accepted for the address column, compared trimmed and case-insensitively.</summary>
    public static IReadOnlyList<string> AddressColumnNames { get; } = ["email", "e-mail", "email address", "e-mail address", "email_address", "address"];

    private readonly TextReader reader;
    private readonly CsvRecordReader records;
    private readonly int addressIndex = -1;

    private RecipientCsvReader(TextReader reader)
    {
        this.reader = reader;
        records = new CsvRecordReader(reader);
        Delimiter = records.DetectDelimiter();
        var header = new List<string>();
        if (!records.TryRead(header, out var line, out var error))
            HeaderError = new(1, RecipientRowErrorKind.InvalidHeader, "the file is empty; its first row must name the columns.");
        else if (error is not null)
            HeaderError = new(line, RecipientRowErrorKind.InvalidHeader, "the header row is malformed: " + error);
        else
            (addressIndex, HeaderError) = RecipientCsvHeader.Check(header, line);
        Columns = header.Select(h => h.Trim()).ToList();
    }

    /// <summary>Reads a UTF-8 stream (BOM or not); invalid bytes become U+FFFD and make an address invalid.</summary>
    public static RecipientCsvReader Open(Stream stream, bool leaveOpen = false) =>
        new(new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen));

    public static RecipientCsvReader Open(TextReader reader) => new(reader);

    public char Delimiter { get; }

    /// <summary>Every column of the header, trimmed, in file order, the address column included.</summary>
    public IReadOnlyList<string> Columns { get; }

    public string? AddressColumn => addressIndex < 0 ? null : Columns[addressIndex];

    /// <summary>The columns a recipient's <see cref="ImportedRecipient.Fields"/> hold: all but the address.</summary>
    public IReadOnlyList<string> FieldColumns => Columns.Where((_, i) => i != addressIndex).ToList();

    /// <summary>Why the file cannot be imported at all; <see cref="ReadRows"/> then yields nothing.</summary>
    public RecipientRowError? HeaderError { get; }

    /// <summary>One result per non-blank data row, read lazily; enumerate once.</summary>
    public IEnumerable<RecipientRow> ReadRows()
    {
        if (HeaderError is not null) yield break;
        var fields = new List<string>(Columns.Count);
        while (records.TryRead(fields, out var line, out var error))
            yield return ToRow(fields, line, error);
    }

    private RecipientRow ToRow(List<string> fields, long line, string? error)
    {
        RecipientRow Fail(RecipientRowErrorKind kind, string message) => RecipientRow.Of(new RecipientRowError(line, kind, message));

        if (error is not null) return Fail(RecipientRowErrorKind.MalformedRow, error);
        if (fields.Count != Columns.Count)
            return Fail(RecipientRowErrorKind.MalformedRow, $"the row has {fields.Count} fields, the header has {Columns.Count} columns.");
        var raw = fields[addressIndex];
        if (string.IsNullOrWhiteSpace(raw)) return Fail(RecipientRowErrorKind.EmptyAddress, $"the {AddressColumn} column is empty.");
        if (!EmailAddress.TryParse(raw, out var address, out var reason))
            return Fail(RecipientRowErrorKind.InvalidAddress, $"'{raw.Trim()}' is not a valid address: {reason}");

        var values = new Dictionary<string, string>(Columns.Count - 1, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
            if (i != addressIndex) values[Columns[i]] = fields[i];
        return RecipientRow.Of(new ImportedRecipient(line, address, values));
    }

    public void Dispose() => reader.Dispose();
}
