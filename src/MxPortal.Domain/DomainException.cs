namespace MxPortal.Domain;

/// <summary>
/// A broken domain invariant: a programming or data error that must not be silently ignored.
/// Expected failures (an invalid rule file, an unknown domain) are returned as values instead.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message)
    {
    }

    public DomainException(string message, Exception inner) : base(message, inner)
    {
    }
}
