namespace MxPortal.Domain;

/// <summary>A broken invariant. Expected failures (bad input, a refused rule) are returned as values instead.</summary>
public sealed class DomainException(string message) : Exception(message);
