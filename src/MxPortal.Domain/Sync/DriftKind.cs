namespace MxPortal.Domain.Sync;

public enum DriftKind
{
    /// <summary>Local and published are the same.</summary>
    Same = 0,

    /// <summary>The feed has it; this instance does not.</summary>
    OnlyPublished = 1,

    /// <summary>This instance has it; the feed does not.</summary>
    OnlyLocal = 2,

    /// <summary>Both have it, with different values.</summary>
    Different = 3,
}
