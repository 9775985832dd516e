using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>The bounce rules in force. The seam for the stored rules the bounce-rules page will manage.</summary>
public interface IBounceRuleSource
{
    Task<BounceRuleSet> CurrentAsync(CancellationToken ct);
}
