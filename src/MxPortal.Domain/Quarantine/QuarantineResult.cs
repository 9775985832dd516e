namespace MxPortal.Domain.Quarantine;

/// <summary>The closed result of applying one event or the clean-up to a record: what changed, and the history entry written.</summary>
public sealed class QuarantineResult
{
    private QuarantineResult(QuarantineOutcome outcome, AddressStatus oldStatus, AddressStatus newStatus, QuarantineHistoryEntry? entry, string? error)
    {
        Outcome = outcome;
        OldStatus = oldStatus;
        NewStatus = newStatus;
        Entry = entry;
        Error = error;
    }

    public QuarantineOutcome Outcome { get; }

    public AddressStatus OldStatus { get; }

    public AddressStatus NewStatus { get; }

    /// <summary>The entry added to the record's history; null when nothing was written.</summary>
    public QuarantineHistoryEntry? Entry { get; }

    /// <summary>Why a manual action was refused, for the UI.</summary>
    public string? Error { get; }

    /// <summary>True when the error counted toward the quarantine threshold.</summary>
    public bool Counted => Entry?.Counted ?? false;

    /// <summary>True when the record changed and must be saved.</summary>
    public bool IsWritten => Entry is not null;

    public override string ToString() => $"{Outcome}: {OldStatus} -> {NewStatus}{(Error is null ? "" : $" ({Error})")}";

    internal static QuarantineResult Written(QuarantineHistoryEntry entry) =>
        new(entry.OldStatus == entry.NewStatus ? QuarantineOutcome.Recorded : QuarantineOutcome.StatusChanged, entry.OldStatus, entry.NewStatus, entry, null);

    internal static QuarantineResult Untouched(QuarantineOutcome outcome, AddressStatus status, string? error = null) =>
        new(outcome, status, status, null, error);
}
