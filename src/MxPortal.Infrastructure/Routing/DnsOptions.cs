using System.ComponentModel.DataAnnotations;
using System.Net;

namespace MxPortal.Infrastructure.Routing;

/// <summary>Configuration section <c>Dns</c>: the name servers MX resolution asks and how long answers are kept.</summary>
public sealed class DnsOptions : IValidatableObject
{
    public const string SectionName = "Dns";

    /// <summary>
    /// Name servers as <c>address:port</c> (<c>127.0.0.1:5353</c>, <c>[::1]:53</c>; no port = 53), asked in order.
    /// Empty (the default): the machine's resolvers (/etc/resolv.conf).
    /// </summary>
    public string[] NameServers { get; set; } = [];

    /// <summary>Time allowed for one DNS query, in milliseconds (default 2000).</summary>
    [Range(50, 60_000)]
    public int TimeoutMilliseconds { get; set; } = 2_000;

    /// <summary>Retries of a query that timed out (default 2).</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 2;

    /// <summary>
    /// Longest time a successful answer is cached, in seconds (default 3600); shorter DNS TTLs win, a TTL of 0 is
    /// not cached.
    /// </summary>
    [Range(0, 604_800)]
    public int MaxCacheSeconds { get; set; } = 3_600;

    /// <summary>How long NXDOMAIN, "no address" and null-MX answers are cached, in seconds (default 60).</summary>
    [Range(0, 86_400)]
    public int NegativeCacheSeconds { get; set; } = 60;

    /// <summary>
    /// How long a temporary failure (timeout, SERVFAIL, REFUSED) is remembered, in seconds (default 5), so a
    /// failing name server is not asked once per queued message. 0 = never cached.
    /// </summary>
    [Range(0, 3_600)]
    public int TemporaryFailureCacheSeconds { get; set; } = 5;

    /// <summary>Most domains kept in the cache (default 100000); beyond it new answers are not cached.</summary>
    [Range(0, 10_000_000)]
    public int MaxCacheEntries { get; set; } = 100_000;

    /// <summary>The configured name servers as endpoints; call after validation.</summary>
    public IReadOnlyList<IPEndPoint> NameServerEndPoints() =>
        [.. NameServers.Select(s => ParseEndPoint(s) ?? throw new InvalidOperationException($"Invalid name server '{s}'."))];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < NameServers.Length; i++)
            if (ParseEndPoint(NameServers[i]) is null)
                yield return new ValidationResult(
                    $"{SectionName}:{nameof(NameServers)}:{i} = '{NameServers[i]}' is not an IP address with an optional port (e.g. 127.0.0.1:5353).",
                    [nameof(NameServers)]);
    }

    private static IPEndPoint? ParseEndPoint(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !IPEndPoint.TryParse(text.Trim(), out var endPoint)) return null;
        if (endPoint.Port == 0) endPoint.Port = 53;
        return endPoint;
    }
}
