namespace MxPortal.Domain.Quarantine;

/// <summary>Where an address stands for sending (DOMAIN.md §7). Only Valid, With errors and Allowlisted are sent to.</summary>
public enum AddressStatus
{
    Valid,

    /// <summary>Has counted soft errors, below the quarantine threshold; still sent to.</summary>
    WithErrors,

    /// <summary>Not sent to; released by a person, or by the daily clean-up when the reason is Mailbox full.</summary>
    Quarantine,

    /// <summary>Not sent to (a complaint or a person's decision); only a person releases it.</summary>
    Denylisted,

    /// <summary>Always sent to; its errors are recorded as Error ignored.</summary>
    Allowlisted,
}
