namespace MxPortal.Domain.Sync;

public enum SuppressionKind
{
    /// <summary>One recipient address.</summary>
    Address = 0,

    /// <summary>A recipient domain and all its subdomains.</summary>
    Domain = 1,
}
