namespace MxPortal.Domain.Routing;

/// <summary>
/// One source IP the engine sends from (DOMAIN.md §1), with its HELO name and public id (what MX rules'
/// identifier ranges refer to). Include/exclude masks (<c>*</c>, <c>?</c>) select the recipient domains it
/// may send to: no include mask means every domain; an exclude mask always wins.
/// </summary>
public sealed record SendingIdentity
{
    public required int PublicId { get; init; }

    /// <summary>The local IPv4 or IPv6 address connections are bound to.</summary>
    public required string SourceIp { get; init; }

    public required string HeloName { get; init; }

    /// <summary>Relative share of the messages among the identities allowed for a domain.</summary>
    public int Weight { get; init; } = 1;

    public IReadOnlyList<string> IncludeDomains { get; init; } = [];

    public IReadOnlyList<string> ExcludeDomains { get; init; } = [];

    public bool Enabled { get; init; } = true;
}
