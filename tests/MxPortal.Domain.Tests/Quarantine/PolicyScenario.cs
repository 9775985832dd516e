using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;

namespace MxPortal.Domain.Tests.Quarantine;

/// <summary>
/// One row of the transition table: steps applied to a fresh record of <c>someone@example.org</c>
/// (each waits, then applies an event or, when the event is null, the daily clean-up) and the state expected.
/// </summary>
public sealed record PolicyScenario(
    string Name,
    IReadOnlyList<(TimeSpan After, QuarantineEvent? Event, QuarantineOutcome Outcome)> Steps,
    AddressStatus Status,
    int ErrorCount,
    FailureReason? Reason)
{
    public QuarantinePolicyOptions Options { get; init; } = new();

    // Note: the name is what the test runner shows for the row.
    public override string ToString() => Name;
}
