using Microsoft.Extensions.Time.Testing;
using MxPortal.Domain.Quarantine;

namespace MxPortal.Domain.Tests.Quarantine;

/// <summary>Every transition of DOMAIN.md §7, one table row each, on a fake clock.</summary>
public sealed class QuarantinePolicyTransitionTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(ErrorScenarios.Rows), MemberType = typeof(ErrorScenarios))]
    [MemberData(nameof(LifecycleScenarios.Rows), MemberType = typeof(LifecycleScenarios))]
    public void Apply_Scenario_EndsInExpectedState(PolicyScenario scenario)
    {
        var clock = new FakeTimeProvider(Start);
        var policy = new QuarantinePolicy(scenario.Options, clock);
        var record = QuarantineRecord.Create("Someone@Example.org");

        var outcomes = new List<QuarantineOutcome>();
        foreach (var (after, evt, _) in scenario.Steps)
        {
            clock.Advance(after);
            outcomes.Add((evt is null ? policy.CleanUp(record) : policy.Apply(record, evt)).Outcome);
        }

        Assert.Equal(scenario.Steps.Select(s => s.Outcome), outcomes);
        Assert.Equal((scenario.Status, scenario.ErrorCount, scenario.Reason), (record.Status, record.ErrorCount, record.Reason));
        AssertHistoryIsConsistent(record, outcomes);
    }

    // Every write leaves exactly one entry, statuses chain from Valid to the record's status, and
    // nothing else does: duplicates, refusals and no-ops are invisible in the history.
    private static void AssertHistoryIsConsistent(QuarantineRecord record, List<QuarantineOutcome> outcomes)
    {
        Assert.Equal(outcomes.Count(o => o is QuarantineOutcome.StatusChanged or QuarantineOutcome.Recorded), record.History.Count);
        var status = AddressStatus.Valid;
        foreach (var entry in record.History)
        {
            Assert.Equal(status, entry.OldStatus);
            status = entry.NewStatus;
        }

        Assert.Equal(status, record.Status);
        Assert.True(record.History.Count(h => h.Counted) >= record.ErrorCount);
        var ids = record.History.Where(h => h.EventId is not null).Select(h => h.EventId).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
