namespace MxPortal.Infrastructure.Bounces;

/// <summary>The answer of the rule tester: what the input was read as, its rows, or why it could not be read.</summary>
public sealed record RuleTestResult(string ReadAs, IReadOnlyList<RuleTestRow> Rows, string? Error = null, string? Correlation = null);
