using System.Text;
using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces;

/// <summary>
/// The rule tester of the portal: a pasted SMTP reply (one per line) or a whole bounce mail, qualified by the same
/// parser and classifier as the mailbox poller and the sending engine.
/// </summary>
public sealed class BounceRuleTester(BounceMailParser parser)
{
    public const int MaxInputLength = 2_000_000;

    public RuleTestResult Test(string input, BounceClassifier classifier)
    {
        if (string.IsNullOrWhiteSpace(input)) return new RuleTestResult("nothing", [], "Paste an SMTP reply or a whole bounce mail.");
        if (input.Length > MaxInputLength) return new RuleTestResult("nothing", [], $"The text is over {MaxInputLength:N0} characters.");
        return LooksLikeMail(input) ? TestMail(input, classifier) : TestReplies(input, classifier);
    }

    private RuleTestResult TestMail(string input, BounceClassifier classifier)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(input));
        var parsed = parser.Parse(stream);
        if (parsed.Report is not { } report) return new RuleTestResult("bounce mail", [], "The mail could not be read as a bounce: " + parsed.Error);
        var rows = report.Recipients.Select(r =>
        {
            var text = r.DiagnosticCode ?? r.Detail ?? r.Status ?? "";
            var normalized = ErrorTextNormalizer.Normalize(text);
            return new RuleTestRow(r.Address, text, classifier.Classify(r, report.Kind), normalized, ErrorTextNormalizer.Md5(normalized),
                NotAFailure: r.IsSuccess, IsComplaint: r.IsComplaint);
        }).ToList();
        var correlation = report.VerpToken is { } t ? $"VERP token {t}"
            : report.MxPortalId is { } id ? $"X-MxPortal-Id {id}"
            : report.OriginalMessageId is { } mid ? $"original Message-ID {mid}" : null;
        return new RuleTestResult($"bounce mail ({report.Kind})", rows, null, correlation);
    }

    private static RuleTestResult TestReplies(string input, BounceClassifier classifier)
    {
        var rows = input.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(500).Select(line =>
        {
            var normalized = ErrorTextNormalizer.Normalize(line);
            return new RuleTestRow(null, line, classifier.Classify(line), normalized, ErrorTextNormalizer.Md5(normalized));
        }).ToList();
        return new RuleTestResult(rows.Count == 1 ? "SMTP reply" : $"{rows.Count} SMTP replies", rows);
    }

    /// <summary>A mail starts with header lines ("Name: value") and has a blank line before its body.</summary>
    internal static bool LooksLikeMail(string input)
    {
        var firstLine = input.AsSpan().TrimStart();
        var end = firstLine.IndexOf('\n');
        if (end >= 0) firstLine = firstLine[..end];
        var colon = firstLine.IndexOf(':');
        var isHeader = colon > 0 && !firstLine[..colon].ContainsAny(' ', '\t') && !char.IsDigit(firstLine[0]);
        return isHeader && (input.Contains("\n\n", StringComparison.Ordinal) || input.Contains("\r\n\r\n", StringComparison.Ordinal));
    }
}
