namespace MxPortal.Domain;

/// <summary>A broken invariant in domain code. Expected failures are returned as values instead.</summary>
public sealed class DomainException(string message) : Exception(message);
