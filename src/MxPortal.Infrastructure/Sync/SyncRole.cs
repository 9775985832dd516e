namespace MxPortal.Infrastructure.Sync;

/// <summary>What this instance does in rule synchronization (configuration <c>Sync:Role</c>).</summary>
public enum SyncRole
{
    /// <summary>Neither publishes nor pulls: a stand-alone instance with its own rules.</summary>
    None = 0,

    /// <summary>The deliverability instance: serves the signed feed and receives qualification texts.</summary>
    Publisher = 1,

    /// <summary>Pulls the feed on a schedule and applies it; pushes its unqualified texts up.</summary>
    Client = 2,
}
