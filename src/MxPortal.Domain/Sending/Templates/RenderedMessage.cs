namespace MxPortal.Domain.Sending.Templates;

/// <summary>A message template filled in for one recipient; a body is null when the template has none.</summary>
public sealed record RenderedMessage(string Subject, string? Html, string? Text);
