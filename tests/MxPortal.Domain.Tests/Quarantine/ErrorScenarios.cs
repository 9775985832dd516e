using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using static MxPortal.Domain.Tests.Quarantine.Q;

namespace MxPortal.Domain.Tests.Quarantine;

/// <summary>DOMAIN.md §7 for errors and complaints: what counts, when an address is quarantined or denylisted.</summary>
public static class ErrorScenarios
{
    private const FailureReason MailboxFull = FailureReason.MailboxFull;

    public static TheoryData<PolicyScenario> Rows => new(
        Row("Hard error quarantines at the first error", AddressStatus.Quarantine, 1, FailureReason.UserUnknown,
            Now(Hard("b1"), Changed)),
        Row("Hard error on With errors quarantines at once, inside the delay", AddressStatus.Quarantine, 2, FailureReason.UserUnknown,
            Now(Soft("b1"), Changed), Hours(1, Hard("b2"), Changed)),
        Row("First soft error counts and gives With errors", AddressStatus.WithErrors, 1, MailboxFull,
            Now(Soft("b1"), Changed)),
        Row("Two soft errors within the delay count once", AddressStatus.WithErrors, 1, MailboxFull,
            Now(Soft("b1"), Changed), Hours(23.99, Soft("b2"), Recorded)),
        Row("Soft error exactly one delay after the last counted one counts", AddressStatus.WithErrors, 2, MailboxFull,
            Now(Soft("b1"), Changed), Days(1, Soft("b2"), Recorded)),
        Row("The delay runs from the last counted error, not the last error", AddressStatus.WithErrors, 2, MailboxFull,
            Now(Soft("b1"), Changed), Hours(20, Soft("b2"), Recorded), Hours(4, Soft("b3"), Recorded), Hours(20, Soft("b4"), Recorded)),
        Row("The 3rd counted soft error quarantines", AddressStatus.Quarantine, 3, MailboxFull,
            Now(Soft("b1"), Changed), Days(1, Soft("b2"), Recorded), Days(1, Soft("b3"), Changed)),
        Row("Soft errors every hour for a day count once", AddressStatus.WithErrors, 1, MailboxFull,
            [Now(Soft("b0"), Changed), .. Repeat(23, 1.0 / 24, id => Soft(id), "b", Recorded)]),
        Row("Refused never quarantines, however many", AddressStatus.Valid, 0, null,
            [.. Repeat(10, 1, Refused, "r", Recorded)]),
        Row("Refused never counts, even qualified Hard", AddressStatus.Valid, 0, null,
            [.. Repeat(3, 1, id => Hard(id, FailureReason.Refused), "r", Recorded)]),
        Row("Refused does not count on a With errors address", AddressStatus.WithErrors, 1, MailboxFull,
            [Now(Soft("b1"), Changed), .. Repeat(5, 1, Refused, "r", Recorded)]),
        Row("Ignored errors never count", AddressStatus.Valid, 0, null,
            [.. Repeat(5, 1, AutoReply, "a", Recorded)]),
        Row("A Soft error qualified Error ignored never counts", AddressStatus.Valid, 0, null,
            [.. Repeat(5, 1, id => Soft(id, FailureReason.ErrorIgnored), "a", Recorded)]),
        Row("Unreachable counts as a soft error (DOMAIN.md §7 excludes only Refused and Ignored)", AddressStatus.Quarantine, 3, FailureReason.Unreachable,
            Now(Soft("u1", FailureReason.Unreachable), Changed), Days(1, Soft("u2", FailureReason.Unreachable), Recorded),
            Days(1, Soft("u3", FailureReason.Unreachable), Changed)),
        Row("Mixed soft reasons quarantine with the last counted reason", AddressStatus.Quarantine, 3, FailureReason.InactiveUser,
            Now(Soft("b1"), Changed), Days(1, Soft("b2", FailureReason.Unreachable), Recorded), Days(1, Soft("b3", FailureReason.InactiveUser), Changed)),
        Row("Complaint denylists a Valid address", AddressStatus.Denylisted, 0, FailureReason.Refused,
            Now(Complaint("c1"), Changed)),
        Row("Complaint denylists a quarantined address", AddressStatus.Denylisted, 1, FailureReason.Refused,
            Now(Hard("b1"), Changed), Days(1, Complaint("c1"), Changed)),
        Row("Complaint denylists even an allowlisted address (the recipient asked to stop)", AddressStatus.Denylisted, 0, FailureReason.Refused,
            Now(QuarantineEvent.Allowlist("alice", "seed address"), Changed), Days(1, Complaint("c1"), Changed)),
        Row("Allowlisted address is never quarantined: errors are recorded as Error ignored", AddressStatus.Allowlisted, 0, null,
            [Now(QuarantineEvent.Allowlist("alice", "seed address"), Changed), Now(Hard("b0"), Recorded), .. Repeat(5, 1, id => Soft(id), "b", Recorded)]),
        Row("Errors on a quarantined address are recorded, status unchanged", AddressStatus.Quarantine, 1, FailureReason.UserUnknown,
            Now(Hard("b1"), Changed), Days(1, Soft("b2"), Recorded), Days(1, Refused("b3"), Recorded)),
        Row("Errors on a denylisted address are recorded, status unchanged", AddressStatus.Denylisted, 0, FailureReason.Refused,
            Now(Complaint("c1"), Changed), Days(1, Hard("b1"), Recorded)),
        Row("Threshold 5: With errors at the 4th counted error, Quarantine at the 5th", AddressStatus.Quarantine, 5, MailboxFull,
            [Now(Soft("b0"), Changed), .. Repeat(3, 1, id => Soft(id), "b", Recorded), Days(1, Soft("b9"), Changed)])
            with { Options = new() { QuarantineThreshold = 5 } },
        Row("Threshold 1: the first soft error quarantines", AddressStatus.Quarantine, 1, MailboxFull,
            Now(Soft("b1"), Changed))
            with { Options = new() { QuarantineThreshold = 1 } },
        Row("Delay of 2 hours: soft errors 2 hours apart all count", AddressStatus.Quarantine, 3, MailboxFull,
            Now(Soft("b1"), Changed), Hours(2, Soft("b2"), Recorded), Hours(2, Soft("b3"), Changed))
            with { Options = new() { SignificantErrorDelay = TimeSpan.FromHours(2) } },
        Row("Delay of 2 days: daily soft errors count every other day", AddressStatus.WithErrors, 2, MailboxFull,
            Now(Soft("b1"), Changed), Days(1, Soft("b2"), Recorded), Days(1, Soft("b3"), Recorded), Days(1, Soft("b4"), Recorded))
            with { Options = new() { SignificantErrorDelay = TimeSpan.FromDays(2) } });
}
