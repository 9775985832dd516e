using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;

namespace MxPortal.Infrastructure.Quarantine;

/// <summary>
/// Reads a CSV of known-bad addresses: one address per line, optionally a second column with the failure reason (its
/// name, e.g. <c>UserUnknown</c>, or its display name, e.g. <c>User unknown</c>; default Not defined). A header line
/// (<c>address[,reason]</c>, or any columns with <c>address</c> first and <c>reason</c> among them, as the quarantine
/// export writes), blank lines and repeats are skipped; separators are comma, semicolon or tab. Every bad line
/// is reported with its number.
/// </summary>
public static class KnownBadCsv
{
    public const int MaxLines = 100_000;

    public sealed record Row(int Line, string Address, FailureReason Reason);

    public static async Task<(IReadOnlyList<Row> Rows, IReadOnlyList<string> Errors)> ReadAsync(TextReader reader, CancellationToken ct = default)
    {
        var rows = new List<Row>();
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        var reasonColumn = 1;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (++number > MaxLines)
            {
                errors.Add($"line {number}: the file has more than {MaxLines:N0} lines; split it.");
                break;
            }
            var cells = line.Split([',', ';', '\t']).Select(c => c.Trim().Trim('"').Trim()).ToArray();
            if (cells.All(c => c.Length == 0)) continue;
            if (number == 1 && cells[0].Equals("address", StringComparison.OrdinalIgnoreCase))
            {
                // Note: a header may name more columns (the quarantine export of another instance): take the reason by name.
                var named = Array.FindIndex(cells, c => c.Equals("reason", StringComparison.OrdinalIgnoreCase));
                if (named > 0) reasonColumn = named;
                continue;
            }
            if (!QuarantineAddress.TryNormalize(cells[0], out var address))
            {
                errors.Add($"line {number}: '{Clip(cells[0])}' is not an email address.");
                continue;
            }
            var reason = FailureReason.NotDefined;
            if (cells.Length > reasonColumn && cells[reasonColumn].Length > 0 && !TryReason(cells[reasonColumn], out reason))
            {
                errors.Add($"line {number}: '{Clip(cells[reasonColumn])}' is not a failure reason (e.g. User unknown, Invalid domain, Mailbox full).");
                continue;
            }
            if (seen.Add(address)) rows.Add(new Row(number, address, reason));
        }
        return (rows, errors);
    }

    private static bool TryReason(string text, out FailureReason reason)
    {
        foreach (var r in Enum.GetValues<FailureReason>())
        {
            if (r.ToString().Equals(text, StringComparison.OrdinalIgnoreCase) || r.ToDisplayName().Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                reason = r;
                return true;
            }
        }
        reason = FailureReason.NotDefined;
        return false;
    }

    private static string Clip(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
