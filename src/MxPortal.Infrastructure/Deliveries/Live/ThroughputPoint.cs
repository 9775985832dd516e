namespace MxPortal.Infrastructure.Deliveries.Live;

/// <summary>Attempts recorded in one minute (UTC), by how they ended.</summary>
public sealed record ThroughputPoint(DateTime MinuteUtc, int Sent, int Deferred, int Failed);
