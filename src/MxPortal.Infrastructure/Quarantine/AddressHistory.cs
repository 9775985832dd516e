using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Bounces.Events;

namespace MxPortal.Infrastructure.Quarantine;

/// <summary>An address's page: its record, every status change and error of its history (who, why, raw text,
/// delivery), and its latest bounce events (<see cref="MoreBounces"/> when older ones exist).</summary>
public sealed record AddressHistory(
    string Address, QuarantineRow? Record, IReadOnlyList<QuarantineHistoryEntry> History, IReadOnlyList<BounceLogRow> Bounces, bool MoreBounces);
