namespace MxPortal.Domain.Sending.Templates;

/// <summary>Which text of a message a template error or placeholder belongs to.</summary>
public enum TemplatePart
{
    Subject,
    Html,
    Text,
}
