namespace MxPortal.Infrastructure.Sync;

/// <summary>A feed arrived but is not applied (signature, schema, limits, rules): the message lists why.</summary>
public sealed class FeedRefusedException(string message) : Exception(message);
