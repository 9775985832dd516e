namespace MxPortal.Infrastructure.Sending.Recipients;

/// <summary>A row that was not imported, at the physical line where it starts (one-based).</summary>
public sealed record RecipientRowError(long Line, RecipientRowErrorKind Kind, string Message)
{
    public override string ToString() => $"Line {Line}: {Message}";
}
