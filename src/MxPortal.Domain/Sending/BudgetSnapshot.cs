using MxPortal.Domain.MxRules;

namespace MxPortal.Domain.Sending;

/// <summary>What the delivery page shows of one active budget.</summary>
public sealed record BudgetSnapshot(
    BudgetKey Key,
    int OpenConnections,
    int SentThisSlice,
    int SentLastHour,
    DateTime SliceStartUtc,
    DateTime? SuspendedUntilUtc,
    string? SuspensionCause);
