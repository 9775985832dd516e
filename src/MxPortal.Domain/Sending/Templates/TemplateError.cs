namespace MxPortal.Domain.Sending.Templates;

/// <summary>
/// One problem in a message template: a syntax error, or a placeholder naming no column of the recipient list.
/// <see cref="Line"/> and <see cref="Column"/> are one-based and point at the opening <c>{{</c>.
/// </summary>
public sealed record TemplateError(TemplatePart Part, int Line, int Column, string? Field, string Message)
{
    public override string ToString() => $"{Part} (line {Line}, column {Column}): {Message}";
}
