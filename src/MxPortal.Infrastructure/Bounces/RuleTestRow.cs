using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces;

/// <summary>One qualified text of a rule test: the recipient (for a bounce mail), the text, and how it was qualified.</summary>
public sealed record RuleTestRow(
    string? Recipient,
    string Text,
    BounceClassification Qualification,
    string NormalizedText,
    string Md5,
    bool NotAFailure = false,
    bool IsComplaint = false);
