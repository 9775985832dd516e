using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces.Rules;

/// <summary>
/// The stored form of one bounce rule. <see cref="Position"/> is its zero-based place in the ordered set (first
/// match wins); <see cref="Key"/> never changes, so synchronization and pages address a rule by it whatever its
/// name or position becomes.
/// </summary>
public sealed class BounceRuleRow
{
    public int Id { get; set; }
    public Guid Key { get; set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";
    public string Pattern { get; set; } = "";
    public FailureType Type { get; set; }
    public FailureReason Reason { get; set; }
    public BounceRuleSource Source { get; set; }
    public bool Enabled { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public string UpdatedBy { get; set; } = "";

    public BounceRule ToRule() => new()
    {
        Name = Name, Pattern = Pattern, Type = Type, Reason = Reason, Source = Source, Enabled = Enabled, Comment = Comment,
    };

    /// <summary>Copies the editable fields of <paramref name="rule"/> (not its source: that is the row's origin).</summary>
    public void SetFrom(BounceRule rule)
    {
        Name = rule.Name.Trim();
        Pattern = rule.Pattern;
        Type = rule.Type;
        Reason = rule.Reason;
        Enabled = rule.Enabled;
        Comment = string.IsNullOrWhiteSpace(rule.Comment) ? null : rule.Comment.Trim();
    }
}
