using System.Text.Json;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces;

namespace MxPortal.Cli.Bounces;

/// <summary>
/// <c>mxportal classify</c>: bounce mails → one JSON line per bounced recipient, or with
/// <c>--lines</c> one SMTP reply per input line → one JSON line each. Exit code 0 even when a
/// file cannot be parsed (it gets an "error" line); 2 for bad arguments or a bad rules file.
/// </summary>
public static class ClassifyCommand
{
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var files = new List<string>();
        string? rulesFile = null;
        var lines = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lines":
                    lines = true;
                    break;
                case "--rules" when i + 1 < args.Length:
                    rulesFile = args[++i];
                    break;
                default:
                    files.Add(args[i]);
                    break;
            }
        }

        if (LoadRules(rulesFile, error) is not { } rules)
        {
            return 2;
        }

        if (!lines && files.Count == 0)
        {
            error.WriteLine("classify: no FILE given (or use --lines to read SMTP replies from stdin)");
            return 2;
        }

        var classifier = new BounceClassifier(rules);
        using var stdout = new JsonLineWriter(output);
        if (lines)
        {
            ClassifyLines(classifier, input, stdout);
        }
        else
        {
            var parser = new BounceMailParser();
            foreach (var file in files)
            {
                ClassifyFile(parser, classifier, file, stdout);
            }
        }

        return 0;
    }

    /// <summary><c>mxportal bounce-rules export</c>: the default rules (or a loaded file) as JSON.</summary>
    public static int ExportRules(string[] args, TextWriter output, TextWriter error)
    {
        var path = args.Length == 2 && args[0] == "--rules" ? args[1] : null;
        if (LoadRules(path, error) is not { } rules)
        {
            return 2;
        }

        output.WriteLine(BounceRulesJson.Export(rules.ToRules()));
        return 0;
    }

    private static BounceRuleSet? LoadRules(string? path, TextWriter error)
    {
        if (path is null)
        {
            return BounceRuleSet.Create(DefaultBounceRules.Create());
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"classify: cannot read rules file {path}: {ex.Message}");
            return null;
        }

        var compilation = BounceRulesJson.Import(json);
        foreach (var message in compilation.Errors)
        {
            error.WriteLine($"classify: {path}: {message}");
        }

        return compilation.RuleSet;
    }

    private static void ClassifyLines(BounceClassifier classifier, TextReader input, JsonLineWriter output)
    {
        var n = 0;
        while (input.ReadLine() is { } line)
        {
            n++;
            var result = classifier.Classify(BounceMailParser.FromReply(line), BounceReportKind.PlainText);
            output.Write(w =>
            {
                w.WriteNumber("line", n);
                w.WriteString("type", result.Type.ToString());
                w.WriteString("reason", result.Reason.ToDisplayName());
                w.WriteString("rule", result.Decider);
            });
        }
    }

    private static void ClassifyFile(BounceMailParser parser, BounceClassifier classifier, string file, JsonLineWriter output)
    {
        BounceParseResult parsed;
        try
        {
            using var stream = File.OpenRead(file);
            parsed = parser.Parse(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            parsed = BounceParseResult.Failure($"cannot read file: {ex.Message}");
        }

        if (parsed.Report is not { } report)
        {
            output.Write(w =>
            {
                w.WriteString("file", file);
                w.WriteString("error", parsed.Error);
            });
            return;
        }

        var index = 0;
        foreach (var recipient in report.Recipients)
        {
            index++;
            var result = classifier.Classify(recipient, report.Kind);
            output.Write(w =>
            {
                w.WriteString("file", file);
                w.WriteNumber("index", index);
                w.WriteString("recipient", recipient.Address);
                w.WriteString("type", result.Type.ToString());
                w.WriteString("reason", result.Reason.ToDisplayName());
                w.WriteString("rule", result.Decider);
                w.WriteString("status", recipient.Status ?? result.Status?.ToString() ?? "");
                w.WriteString("diagnostic", recipient.DiagnosticCode ?? "");
                w.WriteString("command", recipient.SmtpCommand ?? "");
            });
        }
    }
}
