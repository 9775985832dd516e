using System.Net;
using System.Text;

namespace MxPortal.Domain.Sending.Templates;

/// <summary>One part of a template split once into segments, so rendering is a walk and a few appends.</summary>
internal sealed class CompiledText(TemplatePart part, IReadOnlyList<TemplateSegment> segments, int literalLength)
{
    public TemplatePart Part { get; } = part;

    public IReadOnlyList<TemplateSegment> Segments { get; } = segments;

    public string Render(IReadOnlyDictionary<string, string> fields)
    {
        var text = new StringBuilder(literalLength + 16 * Segments.Count);
        foreach (var segment in Segments)
        {
            if (segment.Field is null)
            {
                text.Append(segment.Literal);
                continue;
            }
            var value = Lookup(fields, segment.Field);
            switch (Part)
            {
                case TemplatePart.Html:
                    text.Append(WebUtility.HtmlEncode(value));
                    break;
                case TemplatePart.Subject:
                    // Note: a value must not break the Subject header into two lines (header injection).
                    text.Append(value.ReplaceLineEndings(" "));
                    break;
                default:
                    text.Append(value);
                    break;
            }
        }
        return text.ToString();
    }

    // Note: the CSV reader builds case-insensitive dictionaries, so the first lookup hits; the scan keeps
    // field names case-insensitive for callers whose dictionary compares ordinally.
    private static string Lookup(IReadOnlyDictionary<string, string> fields, string name)
    {
        if (fields.TryGetValue(name, out var value)) return value;
        foreach (var (key, v) in fields)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return v;
        return "";
    }
}
