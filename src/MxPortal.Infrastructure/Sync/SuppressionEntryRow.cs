using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sync;

namespace MxPortal.Infrastructure.Sync;

/// <summary>One stored entry of the suppression list (normalized value, unique).</summary>
public sealed class SuppressionEntryRow
{
    public int Id { get; set; }
    public string Value { get; set; } = "";
    public SuppressionKind Kind { get; set; }
    public RuleSource Source { get; set; }
    public string Comment { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";

    public SuppressionEntry ToDomain() => new(Value, Kind, Source, Comment);
}
