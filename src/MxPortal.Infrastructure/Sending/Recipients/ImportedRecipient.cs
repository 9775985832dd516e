using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending.Recipients;

/// <summary>
/// One good row: its address and the other columns by name (case-insensitive keys, values as written), which is what
/// <c>MessageTemplate.Render</c> takes.
/// </summary>
public sealed record ImportedRecipient(long Line, EmailAddress Address, IReadOnlyDictionary<string, string> Fields);
