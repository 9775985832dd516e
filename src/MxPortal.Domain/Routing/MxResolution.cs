namespace MxPortal.Domain.Routing;

/// <summary>
/// The closed result of resolving a recipient domain: either hosts in the order to try them (the first is
/// the primary, the rest backups) or a failure kind with a message for the delivery log.
/// </summary>
public sealed class MxResolution
{
    private MxResolution(string domain, IReadOnlyList<MxHost> hosts, MxFailure? failure, string message, bool isImplicit)
    {
        Domain = domain;
        Hosts = hosts;
        Failure = failure;
        Message = message;
        IsImplicit = isImplicit;
    }

    public string Domain { get; }

    /// <summary>In delivery order; empty on failure.</summary>
    public IReadOnlyList<MxHost> Hosts { get; }

    public MxFailure? Failure { get; }

    public bool IsSuccess => Failure is null;

    /// <summary>True when the domain has no MX record and its own A/AAAA address is the implicit MX.</summary>
    public bool IsImplicit { get; }

    public string Message { get; }

    public static MxResolution Success(string domain, IReadOnlyList<MxHost> hosts, bool isImplicit = false) =>
        hosts.Count > 0
            ? new(domain, hosts, null, "", isImplicit)
            : throw new DomainException("A successful MX resolution has at least one host.");

    public static MxResolution Failed(string domain, MxFailure failure, string message) =>
        new(domain, [], failure, message, false);

    /// <summary>The same hosts in another order (used to shuffle equal preferences on every resolution).</summary>
    public MxResolution WithHosts(IReadOnlyList<MxHost> hosts) =>
        IsSuccess ? Success(Domain, hosts, IsImplicit) : this;

    public override string ToString() =>
        IsSuccess ? $"{Domain}: {string.Join(", ", Hosts.Select(h => $"{h.Preference} {h.Name}"))}" : $"{Domain}: {Failure} ({Message})";
}
