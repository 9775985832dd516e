using System.Text;

namespace MxPortal.Infrastructure.Export;

/// <summary>
/// RFC 4180 CSV for exports. Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)
/// are prefixed with an apostrophe, so an exported bounce text cannot execute in the reader's spreadsheet.
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    private static readonly char[] Special = [',', '"', '\n', '\r'];

    public async Task WriteRowAsync(params string?[] cells)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) line.Append(',');
            line.Append(Escape(cells[i]));
        }
        line.Append("\r\n");
        await writer.WriteAsync(line.ToString());
    }

    public static string Escape(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return "";
        if (cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r') cell = "'" + cell;
        return cell.IndexOfAny(Special) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }
}
