using System.Text;

namespace MxPortal.Domain.Sending.Templates;

/// <summary>
/// Splits one template text into literals and <c>{{Field}}</c> placeholders. <c>{{{{</c> writes a literal
/// <c>{{</c>; a single brace and a <c>}}</c> outside a placeholder are plain text. A field name is trimmed and
/// may hold any character but braces and line breaks, so CSV columns like "First name" can be used.
/// </summary>
internal static class TemplateParser
{
    private const string Open = "{{";
    private const string Close = "}}";
    private const string Escape = "{{{{";

    public static CompiledText Parse(TemplatePart part, string text, List<TemplateError> errors)
    {
        var segments = new List<TemplateSegment>();
        var literal = new StringBuilder();
        var literalLength = 0;
        int line = 1, lineStart = 0, i = 0;

        void Flush()
        {
            if (literal.Length == 0) return;
            literalLength += literal.Length;
            segments.Add(new TemplateSegment(literal.ToString(), null, 0, 0));
            literal.Clear();
        }

        while (i < text.Length)
        {
            var open = text.IndexOf(Open, i, StringComparison.Ordinal);
            var chunkEnd = open < 0 ? text.Length : open;
            for (var k = i; k < chunkEnd; k++)
                if (text[k] == '\n') (line, lineStart) = (line + 1, k + 1);
            literal.Append(text, i, chunkEnd - i);
            if (open < 0) break;

            if (string.CompareOrdinal(text, open, Escape, 0, Escape.Length) == 0)
            {
                literal.Append(Open);
                i = open + Escape.Length;
                continue;
            }

            var column = open - lineStart + 1;
            var close = text.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            var name = close < 0 ? null : text[(open + Open.Length)..close];
            string? problem = name switch
            {
                null => "'{{' is never closed by '}}' (write '{{{{' for a literal '{{').",
                _ when name.AsSpan().IndexOfAny("{}\r\n") >= 0 => "'{{' is not closed by '}}' on the same line (write '{{{{' for a literal '{{').",
                _ when name.Trim().Length == 0 => "a placeholder has no field name.",
                _ => null,
            };
            if (problem is not null)
            {
                errors.Add(new TemplateError(part, line, column, null, problem));
                literal.Append(Open);
                i = open + Open.Length;
                continue;
            }

            Flush();
            segments.Add(new TemplateSegment(null, name!.Trim(), line, column));
            i = close + Close.Length;
        }
        Flush();
        return new CompiledText(part, segments, literalLength);
    }
}
