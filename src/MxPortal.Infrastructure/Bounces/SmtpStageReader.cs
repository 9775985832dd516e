using System.Text.RegularExpressions;

namespace MxPortal.Infrastructure.Bounces;

/// <summary>
/// Finds the SMTP command an error answered (RCPT, DATA, MAIL, CONN) from the wording of
/// postfix ("in reply to RCPT TO command"), exim ("after end of data"), dma ("did not like our
/// RCPT TO"), qmail ("does not like recipient", "failed after I sent the message") and sendmail transcripts ("&gt;&gt;&gt; RCPT To:" then "&lt;&lt;&lt; 550 ...").
/// </summary>
internal static partial class SmtpStageReader
{
    private static readonly (string Anchor, string? Optional)[] Anchors =
        [("in reply to", "end of"), ("after", "end of"), ("our", "final"), ("SMTP:", null)];

    // qmail-remote's own sentences name the stage without naming the command.
    private static readonly (string Sentence, string Stage)[] QmailSentences =
    [
        (" does not like recipient", "RCPT"),
        (" failed on DATA command", "DATA"),
        (" failed after I sent the message", "DATA"),
        (" but sender was rejected", "MAIL"),
        (" but my name was rejected", "CONN"),
        (" but greeting failed", "CONN"),
    ];

    private static readonly string[] Commands = ["DATA", "RCPT TO", "RCPT", "MAIL FROM", "initial connection", "EHLO", "HELO"];

    public static string? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Contains("<<<", StringComparison.Ordinal) && Transcript(text) is { } stage)
        {
            return stage;
        }

        return Phrase(text) is { } command ? Normalize(command) : Qmail(text);
    }

    private static string? Qmail(string text)
    {
        foreach (var (sentence, stage) in QmailSentences)
        {
            if (text.Contains(sentence, StringComparison.OrdinalIgnoreCase))
            {
                return stage;
            }
        }

        return null;
    }

    // Note: in a sendmail transcript the failed command is the last ">>>" line before the
    // first error reply. With PIPELINING that can be DATA for a reply to RCPT TO; sendmail then
    // names the recipient on the line below the reply ("550 5.1.1 <a@b>... User unknown"),
    // where an error of the message itself reads "554 5.0.0 Service unavailable". A reply with
    // no command sent since "... while talking to host:" answered the connection (the greeting).
    private static string? Transcript(string text)
    {
        var firstError = TranscriptError().Match(text);
        if (!firstError.Success)
        {
            return null;
        }

        var before = text.AsSpan(0, firstError.Index);
        var sent = TranscriptCommand().Matches(text[..firstError.Index]).LastOrDefault();
        var session = before.LastIndexOf("while talking to", StringComparison.OrdinalIgnoreCase);
        if (session >= 0 && (sent is null || sent.Index < session))
        {
            return "CONN";
        }

        if (sent is null)
        {
            return null;
        }

        var command = Normalize(sent.Groups["cmd"].Value);
        return command == "DATA" && NamesRecipient(text, firstError.Index) ? "RCPT" : command;
    }

    // Whether the first line after the reply (and its continuation lines) is sendmail's own
    // per-recipient line.
    private static bool NamesRecipient(string text, int replyAt)
    {
        var at = replyAt;
        while (at < text.Length)
        {
            var end = text.IndexOf('\n', at);
            end = end < 0 ? text.Length : end;
            var line = text.AsSpan(at, end - at).Trim();
            if (!line.StartsWith("<<<", StringComparison.Ordinal))
            {
                return RecipientLine().IsMatch(line);
            }

            at = end + 1;
        }

        return false;
    }

    // A hand-written scan: this runs on every DSN's text, where an ignore-case regex with
    // word boundaries and alternations tried at every position was the parser's hot spot.
    private static string? Phrase(string text)
    {
        var bestAt = int.MaxValue;
        string? best = null;
        foreach (var (anchor, optional) in Anchors)
        {
            for (var i = text.IndexOf(anchor, StringComparison.OrdinalIgnoreCase); i >= 0 && i < bestAt;
                 i = text.IndexOf(anchor, i + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (i > 0 && char.IsLetterOrDigit(text[i - 1]))
                {
                    continue;
                }

                var rest = text.AsSpan(i + anchor.Length);
                if (!anchor.EndsWith(':'))
                {
                    var trimmed = rest.TrimStart();
                    if (trimmed.Length == rest.Length)
                    {
                        continue;
                    }

                    rest = trimmed;
                }

                if (optional is not null && StartsWithWords(rest, optional, out var afterOptional))
                {
                    rest = afterOptional.TrimStart();
                }

                foreach (var command in Commands)
                {
                    if (StartsWithWords(rest, command, out var tail) && (tail.Length == 0 || !char.IsLetterOrDigit(tail[0])))
                    {
                        (bestAt, best) = (i, command);
                        break;
                    }
                }
            }
        }

        return best;
    }

    // The words of a phrase in order, any run of whitespace between them (replies get wrapped).
    private static bool StartsWithWords(ReadOnlySpan<char> text, string phrase, out ReadOnlySpan<char> rest)
    {
        rest = text;
        var words = phrase.Split(' ');
        for (var w = 0; w < words.Length; w++)
        {
            if (w > 0)
            {
                var trimmed = rest.TrimStart();
                if (trimmed.Length == rest.Length)
                {
                    return false;
                }

                rest = trimmed;
            }

            if (!rest.StartsWith(words[w], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            rest = rest[words[w].Length..];
        }

        return true;
    }

    private static string Normalize(string command)
    {
        var word = command.ToUpperInvariant();
        return word.StartsWith("RCPT", StringComparison.Ordinal) ? "RCPT"
            : word.StartsWith("MAIL", StringComparison.Ordinal) ? "MAIL"
            : word.StartsWith("INITIAL", StringComparison.Ordinal) || word is "EHLO" or "HELO" ? "CONN"
            : word;
    }

    [GeneratedRegex(@"^(?:> ?)*[ \t]*>>>[ \t]*(?<cmd>DATA|RCPT|MAIL|EHLO|HELO)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex TranscriptCommand();

    [GeneratedRegex(@"^(?:> ?)*[ \t]*<<<[ \t]*[45]\d\d", RegexOptions.Multiline)]
    private static partial Regex TranscriptError();

    [GeneratedRegex(@"^(?:[45]\d\d[ -](?:[45]\.\d{1,3}\.\d{1,3} )?)?<?[^\s<>]+@[^\s<>]+?>?\.\.\. ")]
    private static partial Regex RecipientLine();
}
