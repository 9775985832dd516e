namespace MxPortal.Domain.Routing;

/// <summary>
/// Why a domain has no usable MX host. The delivery outcome (DOMAIN.md §4) is:
/// <see cref="NullMx"/> = Hard / Invalid domain, <see cref="InvalidDomain"/> = Soft / Invalid domain,
/// <see cref="Temporary"/> = Soft / Unreachable (retried later).
/// </summary>
public enum MxFailure
{
    /// <summary>RFC 7505: a single MX "." of preference 0, the domain accepts no mail.</summary>
    NullMx = 1,
    /// <summary>NXDOMAIN, or neither MX nor A/AAAA, or no MX host has an address.</summary>
    InvalidDomain = 2,
    /// <summary>SERVFAIL, REFUSED, timeout or an unreachable name server: ask again later.</summary>
    Temporary = 3,
}
