namespace MxPortal.Infrastructure.Sync;

/// <summary>The limits a client enforces on a feed before anything is compiled (docs/sync-api.md).</summary>
public static class FeedLimits
{
    public const int MaxMxRules = 1000;
    public const int MaxBounceRules = 2000;
    public const int MaxPatternLength = Domain.Bounces.BounceRulePatternCheck.MaxLength;
    public const int MaxNameLength = 200;
    public const int MaxCommentLength = 2000;
    public const int MaxSuppressionEntries = 200_000;
    public const int MaxPublisherLength = 200;
    public const int MaxDepth = 16;
}
