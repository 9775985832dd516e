using System.Globalization;
using System.Net;
using DnsClient;
using DnsClient.Protocol;
using MxPortal.Domain.Routing;

namespace MxPortal.Infrastructure.Routing;

/// <summary>
/// RFC 5321 §5.1 / RFC 7505 MX resolution over DnsClient (DOMAIN.md §4): MX records by preference with equal
/// preferences shuffled on every call, the domain itself as implicit MX when it has A/AAAA but no MX, null MX,
/// and every host's A/AAAA addresses. Answers are cached for their smallest TTL; negative and temporary
/// outcomes for the configured (short) times.
/// </summary>
public sealed class MxResolver : IMxResolver
{
    private readonly DnsLookup _lookup;
    private readonly DnsOptions _options;
    private readonly MxResolutionCache _cache;
    private readonly Random _random;
    private readonly Lock _randomLock = new();

    /// <param name="random">Orders equal preferences; pass a seeded one in tests. Used under a private lock: seeded Random instances are not thread-safe.</param>
    public MxResolver(DnsOptions options, TimeProvider timeProvider, Random random)
        : this(DnsLookup.CreateClient(options), options, timeProvider, random)
    {
    }

    internal MxResolver(ILookupClient client, DnsOptions options, TimeProvider timeProvider, Random random)
    {
        _lookup = new DnsLookup(client);
        _options = options;
        _cache = new MxResolutionCache(timeProvider, options.MaxCacheEntries);
        _random = random;
    }

    public async Task<MxResolution> ResolveAsync(string domain, CancellationToken cancellationToken = default)
    {
        var name = Normalize(domain);
        if (name is null) return MxResolution.Failed(domain, MxFailure.InvalidDomain, $"'{domain}' is not a domain name");
        if (!_cache.TryGet(name, out var resolution))
        {
            (resolution, var ttl) = await ResolveUncachedAsync(name, cancellationToken).ConfigureAwait(false);
            _cache.Set(name, resolution, ttl);
        }
        lock (_randomLock) return resolution.WithHosts(MxHostOrder.Arrange(resolution.Hosts, _random));
    }

    private async Task<(MxResolution, TimeSpan)> ResolveUncachedAsync(string domain, CancellationToken ct)
    {
        var mx = await _lookup.QueryAsync(domain, QueryType.MX, ct).ConfigureAwait(false);
        switch (mx.Status)
        {
            case DnsStatus.Temporary:
                return Temporary(domain, mx.Error);
            case DnsStatus.NxDomain:
                return Negative(domain, MxFailure.InvalidDomain, mx.Error);
        }
        var records = mx.Records.OfType<MxRecord>().ToArray();
        if (records.Length == 1 && IsRoot(records[0]))
            return Negative(domain, MxFailure.NullMx, $"{domain} accepts no mail (null MX, RFC 7505)");
        if (records.Length == 0) return await ImplicitMxAsync(domain, ct).ConfigureAwait(false);

        // Note: a "." record next to real ones is a misconfiguration; it has no address, so it is skipped.
        var usable = records.Where(r => !IsRoot(r)).ToArray();
        var lookups = usable.Select(r => AddressesAsync(Normalize(r.Exchange.Value) ?? r.Exchange.Value, ct)).ToArray();
        var found = await Task.WhenAll(lookups).ConfigureAwait(false);
        var hosts = new List<MxHost>();
        var ttl = mx.Ttl ?? TimeSpan.Zero;
        for (var i = 0; i < usable.Length; i++)
        {
            if (found[i].Addresses.Count == 0) continue;
            hosts.Add(new MxHost(found[i].Name, usable[i].Preference, found[i].Addresses));
            ttl = Min(ttl, found[i].Ttl);
        }
        if (hosts.Count > 0) return Positive(MxResolution.Success(domain, hosts), ttl);
        var temporary = found.FirstOrDefault(f => f.Error.Length > 0);
        return temporary is not null
            ? Temporary(domain, temporary.Error)
            : Negative(domain, MxFailure.InvalidDomain, $"no MX host of {domain} has an address");
    }

    private async Task<(MxResolution, TimeSpan)> ImplicitMxAsync(string domain, CancellationToken ct)
    {
        var self = await AddressesAsync(domain, ct).ConfigureAwait(false);
        if (self.Addresses.Count > 0)
            return Positive(MxResolution.Success(domain, [new MxHost(domain, 0, self.Addresses)], isImplicit: true), self.Ttl);
        return self.Error.Length > 0
            ? Temporary(domain, self.Error)
            : Negative(domain, MxFailure.InvalidDomain, $"{domain} has neither MX nor A/AAAA records");
    }

    private async Task<HostAddresses> AddressesAsync(string host, CancellationToken ct)
    {
        var a = _lookup.QueryAsync(host, QueryType.A, ct);
        var aaaa = _lookup.QueryAsync(host, QueryType.AAAA, ct);
        var answers = await Task.WhenAll(a, aaaa).ConfigureAwait(false);
        var addresses = answers.SelectMany(x => x.Records).OfType<AddressRecord>().Select(r => r.Address).ToArray();
        var error = string.Join("; ", answers.Where(x => x.Status == DnsStatus.Temporary).Select(x => x.Error));
        var ttl = answers.Select(x => x.Ttl).Where(t => t is not null).Select(t => t!.Value).DefaultIfEmpty(TimeSpan.Zero).Min();
        return new HostAddresses(host, addresses, ttl, error);
    }

    private (MxResolution, TimeSpan) Positive(MxResolution resolution, TimeSpan ttl) =>
        (resolution, Min(ttl, TimeSpan.FromSeconds(_options.MaxCacheSeconds)));

    private (MxResolution, TimeSpan) Negative(string domain, MxFailure failure, string message) =>
        (MxResolution.Failed(domain, failure, message), TimeSpan.FromSeconds(_options.NegativeCacheSeconds));

    private (MxResolution, TimeSpan) Temporary(string domain, string message) =>
        (MxResolution.Failed(domain, MxFailure.Temporary, message), TimeSpan.FromSeconds(_options.TemporaryFailureCacheSeconds));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static bool IsRoot(MxRecord record) => record.Exchange.Value is "." or "";

    /// <summary>Lower-case ASCII (IDN to punycode) without the trailing dot; null when it cannot be a domain.</summary>
    private static string? Normalize(string domain)
    {
        var d = domain.Trim().TrimEnd('.');
        if (d.Length == 0 || d.Length > 253 || d.Contains(' ') || d.Contains('@')) return null;
        // Note: IdnMapping instances are not documented as thread-safe, and this runs concurrently.
        try { return new IdnMapping().GetAscii(d).ToLowerInvariant(); }
        catch (ArgumentException) { return null; }
    }

    private sealed record HostAddresses(string Name, IReadOnlyList<IPAddress> Addresses, TimeSpan Ttl, string Error);
}
