namespace MxPortal.Domain.Bounces;

/// <summary>
/// One bounce rule as data: plain settable properties so it can be persisted, edited and exported.
/// It is only used for matching once compiled into a <see cref="BounceRuleSet"/>.
/// </summary>
public sealed class BounceRule
{
    public string Name { get; set; } = "";

    /// <summary>A .NET regular expression, matched case-insensitively against the error text.</summary>
    public string Pattern { get; set; } = "";

    public FailureType Type { get; set; } = FailureType.Soft;

    public FailureReason Reason { get; set; } = FailureReason.NotDefined;

    public BounceRuleSource Source { get; set; } = BounceRuleSource.Local;

    public bool Enabled { get; set; } = true;

    public string? Comment { get; set; }
}
