namespace MxPortal.Domain.Bounces;

/// <summary>The rule of a <see cref="BounceRuleSet"/> that matched a text.</summary>
public readonly record struct BounceRuleMatch(int Index, string Name, FailureType Type, FailureReason Reason);
