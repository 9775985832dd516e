using MxPortal.Domain.Routing;

namespace MxPortal.Infrastructure.Routing;

/// <summary>
/// Turns a recipient domain into the MX hosts to try, in order (DOMAIN.md §4). Expected failures (NXDOMAIN,
/// null MX, DNS down) are returned in the <see cref="MxResolution"/>, never thrown.
/// </summary>
public interface IMxResolver
{
    Task<MxResolution> ResolveAsync(string domain, CancellationToken cancellationToken = default);
}
