using Microsoft.Extensions.Time.Testing;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;

namespace MxPortal.Domain.Tests.Quarantine;

/// <summary>What the policy writes on the record and in its history, field by field.</summary>
public sealed class QuarantineHistoryTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(T0));
    private readonly QuarantinePolicy policy;
    private readonly QuarantineRecord record = QuarantineRecord.Create("someone@example.org");

    public QuarantineHistoryTests() => policy = new QuarantinePolicy(new QuarantinePolicyOptions(), clock);

    [Fact]
    public void HardError_SetsRecordFieldsAndWritesCountedEntry()
    {
        var result = policy.Apply(record, Q.Hard("bounce-17"));

        Assert.Equal((QuarantineOutcome.StatusChanged, AddressStatus.Valid, AddressStatus.Quarantine, true),
            (result.Outcome, result.OldStatus, result.NewStatus, result.Counted));
        Assert.Equal((FailureType.Hard, FailureReason.UserUnknown, 1, 7L, T0, T0, T0, T0),
            (record.Type, record.Reason, record.ErrorCount, record.DeliveryId, record.FirstErrorUtc, record.LastErrorUtc, record.LastCountedErrorUtc, record.StatusSinceUtc));
        Assert.Equal("550 5.1.1 <someone@example.org>: User is unknown {mx003}", record.LastErrorText);
        var entry = Assert.Single(record.History);
        Assert.Same(entry, result.Entry);
        Assert.Equal((T0, QuarantineEventKind.Error, FailureType.Hard, FailureReason.UserUnknown, 7L, "system", "bounce-17", true),
            (entry.AtUtc, entry.Kind, entry.Type, entry.Reason, entry.DeliveryId, entry.Actor, entry.EventId, entry.Counted));
        Assert.Equal(record.LastErrorText, entry.Text);
    }

    [Fact]
    public void UncountedSoftError_MovesLastErrorButNotLastCountedError()
    {
        policy.Apply(record, Q.Soft("b1"));
        clock.Advance(TimeSpan.FromHours(3));

        var result = policy.Apply(record, Q.Soft("b2", FailureReason.Unreachable));

        Assert.False(result.Counted);
        Assert.Equal((T0, T0.AddHours(3), T0, FailureReason.MailboxFull), (record.FirstErrorUtc, record.LastErrorUtc, record.LastCountedErrorUtc, record.Reason));
        Assert.StartsWith("451 4.7.650", record.LastErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void ReputationDeferral_IsRecordedWithItsTextButNeverCounts_EvenDaysApart()
    {
        const string Text = "421 4.7.0 [TS01] Messages from 192.0.2.25 temporarily deferred due to user complaints";
        for (var day = 0; day < 4; day++)
        {
            var result = policy.Apply(record, QuarantineEvent.ReputationDeferral($"d{day}", FailureType.Soft, FailureReason.Unreachable, Text, 7));
            Assert.Equal((QuarantineOutcome.Recorded, false), (result.Outcome, result.Counted));
            clock.Advance(TimeSpan.FromDays(2));
        }

        Assert.Equal((AddressStatus.Valid, 0, (DateTime?)null), (record.Status, record.ErrorCount, record.LastCountedErrorUtc));
        Assert.Equal(Text, record.LastErrorText);
        Assert.All(record.History, h => Assert.StartsWith("4xx reputation deferral", h.Comment, StringComparison.Ordinal));
        // A plain Unreachable error still counts (DOMAIN.md §7 excludes only Refused and Ignored).
        Assert.True(policy.Apply(record, Q.Soft("u1", FailureReason.Unreachable)).Counted);
    }

    [Fact]
    public void AllowlistedError_IsRecordedAsErrorIgnoredWithItsRawText()
    {
        policy.Apply(record, QuarantineEvent.Allowlist("alice", "seed address"));

        var entry = policy.Apply(record, Q.Hard("b1")).Entry!;

        Assert.Equal((FailureType.Ignored, FailureReason.ErrorIgnored, false, AddressStatus.Allowlisted),
            (entry.Type, entry.Reason, entry.Counted, entry.NewStatus));
        Assert.Equal("Allowlisted; qualified Hard / User unknown.", entry.Comment);
        Assert.Contains("User is unknown", entry.Text, StringComparison.Ordinal);
        Assert.Equal((0, (FailureReason?)null), (record.ErrorCount, record.Reason));
    }

    [Fact]
    public void ManualRelease_KeepsPersonAndReasonInHistory()
    {
        policy.Apply(record, Q.Hard("b1"));
        clock.Advance(TimeSpan.FromDays(2));

        var result = policy.Apply(record, QuarantineEvent.Release(" alice ", "  Customer fixed the mailbox  "));

        var entry = Assert.IsType<QuarantineHistoryEntry>(result.Entry);
        Assert.Equal((T0.AddDays(2), QuarantineEventKind.Release, AddressStatus.Quarantine, AddressStatus.Valid, "alice", "Customer fixed the mailbox"),
            (entry.AtUtc, entry.Kind, entry.OldStatus, entry.NewStatus, entry.Actor, entry.Comment));
        Assert.Equal((AddressStatus.Valid, T0.AddDays(2), 0, (FailureType?)null, (long?)null),
            (record.Status, record.StatusSinceUtc, record.ErrorCount, record.Type, record.DeliveryId));
        Assert.Equal(2, record.History.Count);
    }

    [Theory]
    [InlineData("alice", "", "A manual change needs a reason.")]
    [InlineData("alice", " \t", "A manual change needs a reason.")]
    [InlineData("", "fixed", "A manual change needs the person who makes it.")]
    [InlineData(" system ", "fixed", "A manual change needs the person who makes it.")]
    public void ManualRelease_WithoutReasonOrPerson_IsRefusedAndLeavesRecordUntouched(string actor, string reason, string error)
    {
        policy.Apply(record, Q.Hard("b1"));

        var result = policy.Apply(record, QuarantineEvent.Release(actor, reason));

        Assert.Equal((QuarantineOutcome.Rejected, error, false), (result.Outcome, result.Error, result.IsWritten));
        Assert.Equal((AddressStatus.Quarantine, 1), (record.Status, record.History.Count));
    }

    [Fact]
    public void CleanUp_WritesSystemEntryWithThePreviousReason()
    {
        policy.Apply(record, Q.Soft("b1"));
        clock.Advance(TimeSpan.FromDays(10));

        var entry = policy.CleanUp(record).Entry!;

        Assert.Equal((QuarantineEventKind.CleanUp, "system", AddressStatus.WithErrors, AddressStatus.Valid, FailureReason.MailboxFull, (string?)null),
            (entry.Kind, entry.Actor, entry.OldStatus, entry.NewStatus, entry.Reason, entry.EventId));
        Assert.Equal("No counted error for 10 days.", entry.Comment);
    }

    [Fact]
    public void DuplicateEvent_LeavesEveryFieldUntouched()
    {
        policy.Apply(record, Q.Soft("b1"));
        clock.Advance(TimeSpan.FromDays(3));

        var result = policy.Apply(record, Q.Hard("b1"));

        Assert.Equal((QuarantineOutcome.Duplicate, AddressStatus.WithErrors, T0, 1), (result.Outcome, record.Status, record.LastErrorUtc, record.History.Count));
        Assert.Equal("Duplicate: WithErrors -> WithErrors", result.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void PipelineEvent_WithoutId_IsABug(string id)
    {
        Assert.Throws<DomainException>(() => QuarantineEvent.Error(id, FailureType.Hard, FailureReason.UserUnknown, "550", null));
        Assert.Throws<DomainException>(() => QuarantineEvent.Complaint(id, null));
        Assert.Throws<DomainException>(() => QuarantineEvent.Delivered(id));
    }
}
