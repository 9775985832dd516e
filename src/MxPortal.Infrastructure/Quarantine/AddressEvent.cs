using MxPortal.Domain.Quarantine;

namespace MxPortal.Infrastructure.Quarantine;

/// <summary>A quarantine event for an address as the pipeline saw it (not yet normalized).</summary>
public sealed record AddressEvent(string Address, QuarantineEvent Event);
