using DnsClient.Protocol;

namespace MxPortal.Infrastructure.Routing;

internal enum DnsStatus
{
    /// <summary>NOERROR: answers present, or none (NODATA: the name exists without this record type).</summary>
    Ok,
    NxDomain,
    /// <summary>SERVFAIL, REFUSED, timeout, unreachable server: the answer is unknown, ask later.</summary>
    Temporary,
}

/// <summary>One DNS query's outcome, classified once so the resolver reads as DOMAIN.md §4.</summary>
internal sealed record DnsAnswer(DnsStatus Status, IReadOnlyList<DnsResourceRecord> Records, string Error)
{
    /// <summary>The smallest TTL among the records, or null when there are none.</summary>
    public TimeSpan? Ttl => Records.Count == 0 ? null : TimeSpan.FromSeconds(Records.Min(r => Math.Max(0, r.InitialTimeToLive)));
}
