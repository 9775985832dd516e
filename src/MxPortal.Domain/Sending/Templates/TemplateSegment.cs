namespace MxPortal.Domain.Sending.Templates;

/// <summary>Literal text, or a placeholder (<see cref="Field"/> set) found at <see cref="Line"/>:<see cref="Column"/>.</summary>
internal readonly record struct TemplateSegment(string? Literal, string? Field, int Line, int Column);
