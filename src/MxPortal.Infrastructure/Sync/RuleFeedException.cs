namespace MxPortal.Infrastructure.Sync;

/// <summary>The publisher could not be used: the message says why in plain words (it is shown on the page).</summary>
public sealed class RuleFeedException(string message, Exception? inner = null) : Exception(message, inner);
