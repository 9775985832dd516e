namespace MxPortal.Infrastructure.Bounces.Events;

/// <summary>Where a bounce was seen (DOMAIN.md §6). Stored as text.</summary>
public enum BounceEventSource
{
    /// <summary>The SMTP reply during the session.</summary>
    Sync,

    /// <summary>A bounce mail read from the return-path mailbox.</summary>
    Async,
}
