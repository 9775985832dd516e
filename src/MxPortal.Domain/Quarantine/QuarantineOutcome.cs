namespace MxPortal.Domain.Quarantine;

/// <summary>What applying one event did to a record.</summary>
public enum QuarantineOutcome
{
    /// <summary>The status changed; a history entry was added.</summary>
    StatusChanged,

    /// <summary>A history entry was added (and the error fields or the count may have moved) but the status is the same.</summary>
    Recorded,

    /// <summary>Nothing to do: the record is untouched (a delivery to a Valid address, a clean-up not yet due).</summary>
    NoChange,

    /// <summary>The event id is already in the history: the record is untouched.</summary>
    Duplicate,

    /// <summary>A manual action that is not allowed (no reason, no actor): the record is untouched.</summary>
    Rejected,
}
