using System.Text;

namespace MxPortal.Infrastructure.Sending.Recipients;

/// <summary>
/// RFC 4180 records from a <see cref="TextReader"/>, one at a time through a fixed buffer, so a file of any size
/// reads in constant memory. Counts physical lines (CRLF, LF or a lone CR) so errors can name them. Lenient where
/// spreadsheets are sloppy (a quote inside an unquoted field is text); strict where data would be guessed.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private const int End = -1;
    private readonly char[] buffer = new char[16 * 1024];
    private readonly StringBuilder field = new();
    private int pos, len;
    private long line = 1;

    public char Delimiter { get; set; } = ',';

    /// <summary>
    /// Reads the next record that is not blank (nothing but delimiters and spaces). False at the end of the input.
    /// <paramref name="error"/> is set when the record is malformed; its fields are then not to be trusted.
    /// </summary>
    public bool TryRead(List<string> fields, out long startLine, out string? error)
    {
        while (true)
        {
            fields.Clear();
            error = null;
            startLine = line;
            if (Peek() == End) return false;
            int terminator;
            do
            {
                terminator = ReadField(ref error);
                fields.Add(field.ToString());
            }
            while (terminator == Delimiter);
            if (error is not null || fields.Exists(f => !string.IsNullOrWhiteSpace(f))) return true;
        }
    }

    /// <summary>
    /// Picks the delimiter (',', ';' or tab, the most frequent outside quotes on the first non-blank line; ',' when
    /// none) without consuming anything. Drops a leading BOM a caller left in. Reads on until that line ends (or the
    /// buffer is full), as an upload stream may hand over the header in pieces.
    /// </summary>
    public char DetectDelimiter()
    {
        if (Peek() == '\uFEFF') pos++;
        int commas, semicolons, tabs, scanned = pos;
        do
        {
            (commas, semicolons, tabs) = (0, 0, 0);
            var quoted = false;
            var seenText = false;
            for (scanned = pos; scanned < len; scanned++)
            {
                var c = buffer[scanned];
                if (c == '"') quoted = !quoted;
                else if (quoted) continue;
                else if (c is '\r' or '\n') { if (seenText) break; }
                else if (c == ',') commas++;
                else if (c == ';') semicolons++;
                else if (c == '\t') tabs++;
                seenText |= c is not ('\r' or '\n');
            }
        }
        while (scanned == len && ReadMore());
        Delimiter = semicolons > commas && semicolons >= tabs ? ';' : tabs > commas && tabs > semicolons ? '\t' : ',';
        return Delimiter;
    }

    /// <returns>the delimiter, '\n' at the end of a line, or <see cref="End"/>.</returns>
    private int ReadField(ref string? error)
    {
        field.Clear();
        if (Peek() == '"')
        {
            pos++;
            if (!ReadQuoted())
            {
                error ??= "a quoted field is never closed (a '\"' is missing before the end of the file).";
                return End;
            }
            var next = Peek();
            if (next != Delimiter && next is not ('\r' or '\n' or End))
                error ??= "text follows a closing quote; a field with quotes must be quoted whole, with '\"\"' for each '\"' inside.";
        }
        while (true)
        {
            var c = Read();
            if (c == Delimiter || c == End) return c;
            if (c is '\r' or '\n')
            {
                EndLine(c);
                return '\n';
            }
            field.Append((char)c);
        }
    }

    /// <summary>Reads up to and including the closing quote; false when the input ends first.</summary>
    private bool ReadQuoted()
    {
        while (true)
        {
            var c = Read();
            if (c == End) return false;
            if (c == '"')
            {
                if (Peek() != '"') return true;
                pos++;
            }
            else if (c is '\r' or '\n')
            {
                field.Append((char)c);
                if (c == '\r' && Peek() == '\n') field.Append('\n');
                EndLine(c);
                continue;
            }
            field.Append((char)c);
        }
    }

    private void EndLine(int c)
    {
        if (c == '\r' && Peek() == '\n') pos++;
        line++;
    }

    private int Peek() => pos < len || Fill() ? buffer[pos] : End;

    private int Read() => pos < len || Fill() ? buffer[pos++] : End;

    /// <summary>Appends to the buffer's data; false when the buffer is full or the input has ended.</summary>
    private bool ReadMore()
    {
        if (len == buffer.Length) return false;
        var n = reader.Read(buffer, len, buffer.Length - len);
        len += Math.Max(n, 0);
        return n > 0;
    }

    private bool Fill()
    {
        if (pos < len) return true;
        len = reader.Read(buffer, 0, buffer.Length);
        pos = 0;
        if (len < 0) len = 0;
        return len > 0;
    }
}
