using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Rules;

namespace MxPortal.Web.Components.Pages.BounceRules;

/// <summary>The editable fields of a bounce rule as the dialog binds them.</summary>
public sealed class BounceRuleForm
{
    public string Name { get; set; } = "";
    public string Pattern { get; set; } = "";
    public FailureType Type { get; set; } = FailureType.Soft;
    public FailureReason Reason { get; set; } = FailureReason.Refused;
    public bool Enabled { get; set; } = true;
    public string? Comment { get; set; }
    public BounceRuleSource Source { get; set; } = BounceRuleSource.Local;

    /// <summary>1-based place of a new rule in the list (first match wins).</summary>
    public int Position { get; set; } = 1;

    public static BounceRuleForm From(StoredBounceRule stored) => new()
    {
        Name = stored.Rule.Name,
        Pattern = stored.Rule.Pattern,
        Type = stored.Rule.Type,
        Reason = stored.Rule.Reason,
        Enabled = stored.Rule.Enabled,
        Comment = stored.Rule.Comment,
        Source = stored.Rule.Source,
        Position = stored.Position + 1,
    };

    public BounceRule ToRule() => new()
    {
        Name = Name.Trim(), Pattern = Pattern, Type = Type, Reason = Reason, Enabled = Enabled, Comment = Comment, Source = Source,
    };
}
