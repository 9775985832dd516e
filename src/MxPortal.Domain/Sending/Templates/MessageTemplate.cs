namespace MxPortal.Domain.Sending.Templates;

/// <summary>
/// A delivery's subject, HTML body and text body with <c>{{FieldName}}</c> placeholders, compiled once and rendered
/// per recipient. Field names are case-insensitive. Values are HTML-encoded in the HTML body only; in the subject
/// line breaks become spaces. Compiling never throws: syntax errors come back from <see cref="Validate"/>.
/// </summary>
public sealed class MessageTemplate
{
    private readonly CompiledText subject;
    private readonly CompiledText? html;
    private readonly CompiledText? text;
    private readonly IReadOnlyList<TemplateError> syntaxErrors;

    private MessageTemplate(CompiledText subject, CompiledText? html, CompiledText? text, IReadOnlyList<TemplateError> syntaxErrors)
    {
        this.subject = subject;
        this.html = html;
        this.text = text;
        this.syntaxErrors = syntaxErrors;
    }

    /// <summary>Compiles the three texts; a null or empty body means the message has no such part.</summary>
    public static MessageTemplate Compile(string subject, string? html, string? text)
    {
        var errors = new List<TemplateError>();
        var compiledSubject = TemplateParser.Parse(TemplatePart.Subject, subject ?? "", errors);
        var compiledHtml = string.IsNullOrEmpty(html) ? null : TemplateParser.Parse(TemplatePart.Html, html, errors);
        var compiledText = string.IsNullOrEmpty(text) ? null : TemplateParser.Parse(TemplatePart.Text, text, errors);
        return new MessageTemplate(compiledSubject, compiledHtml, compiledText, errors);
    }

    /// <summary>Every field used, once each, in the spelling of its first use.</summary>
    public IReadOnlyList<string> Fields =>
        Parts.SelectMany(p => p.Segments).Where(s => s.Field is not null).Select(s => s.Field!)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public bool HasSyntaxErrors => syntaxErrors.Count > 0;

    /// <summary>
    /// The syntax errors, then every unknown field: one error per field and part, at its first use there.
    /// Empty when the template can be rendered for every row of a list with these columns.
    /// </summary>
    public IReadOnlyList<TemplateError> Validate(IEnumerable<string> columns)
    {
        var known = new HashSet<string>(columns.Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase);
        var errors = new List<TemplateError>(syntaxErrors);
        foreach (var part in Parts)
        {
            var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var s in part.Segments)
                if (s.Field is { } field && !known.Contains(field) && reported.Add(field))
                    errors.Add(new TemplateError(part.Part, s.Line, s.Column, field, $"'{{{{{field}}}}}' names no column of the recipient list."));
        }
        return errors;
    }

    /// <summary>Fills the template for one recipient; a field missing from <paramref name="fields"/> renders empty.</summary>
    /// <exception cref="DomainException">The template has syntax errors; it should have been refused by <see cref="Validate"/>.</exception>
    public RenderedMessage Render(IReadOnlyDictionary<string, string> fields)
    {
        if (HasSyntaxErrors) throw new DomainException("A template with syntax errors cannot be rendered: " + string.Join(" ", syntaxErrors));
        return new RenderedMessage(subject.Render(fields), html?.Render(fields), text?.Render(fields));
    }

    private IEnumerable<CompiledText> Parts => new[] { subject, html, text }.OfType<CompiledText>();
}
