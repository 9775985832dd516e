using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using static MxPortal.Domain.Tests.Quarantine.Q;

namespace MxPortal.Domain.Tests.Quarantine;

/// <summary>DOMAIN.md §7 for everything that brings an address back: deliveries, the daily clean-up, people; and replays.</summary>
public static class LifecycleScenarios
{
    private const FailureReason MailboxFull = FailureReason.MailboxFull;

    // Three Mailbox full errors a day apart: quarantined on the third, at day 2.
    private static readonly (TimeSpan, QuarantineEvent?, QuarantineOutcome)[] MailboxFullQuarantine =
        [Now(Soft("m1"), Changed), Days(1, Soft("m2"), Recorded), Days(1, Soft("m3"), Changed)];

    public static TheoryData<PolicyScenario> Rows => new(
        Row("Success resets With errors to Valid and counting starts afresh", AddressStatus.WithErrors, 1, MailboxFull,
            Now(Soft("b1"), Changed), Hours(1, Delivered("d1"), Changed), Hours(1, Soft("b2"), Changed)),
        Row("Success does not release Quarantine", AddressStatus.Quarantine, 1, FailureReason.UserUnknown,
            Now(Hard("b1"), Changed), Days(1, Delivered("d1"), None)),
        Row("Success does not release Denylisted", AddressStatus.Denylisted, 0, FailureReason.Refused,
            Now(Complaint("c1"), Changed), Days(1, Delivered("d1"), None)),
        Row("Success on a Valid address writes nothing", AddressStatus.Valid, 0, null,
            Now(Delivered("d1"), None)),
        Row("Clean-up: With errors back to Valid after 10 days without a counted error", AddressStatus.Valid, 0, null,
            Now(Soft("b1"), Changed), Days(10, CleanUp, Changed)),
        Row("Clean-up: With errors kept one second before 10 days", AddressStatus.WithErrors, 1, MailboxFull,
            Now(Soft("b1"), Changed), (TimeSpan.FromDays(10) - TimeSpan.FromSeconds(1), CleanUp, None)),
        Row("Clean-up: the 10 days run from the last counted error", AddressStatus.Valid, 0, null,
            Now(Soft("b1"), Changed), Days(5, Soft("b2"), Recorded), Days(9, CleanUp, None), Days(1, CleanUp, Changed)),
        Row("Clean-up: errors that did not count do not delay the reset", AddressStatus.Valid, 0, null,
            Now(Soft("b1"), Changed), Hours(12, Soft("b2"), Recorded), Days(2, Refused("r1"), Recorded), Hours(180, CleanUp, Changed)),
        Row("Clean-up: Mailbox full released after 30 days", AddressStatus.Valid, 0, null,
            [.. MailboxFullQuarantine, Days(30, CleanUp, Changed)]),
        Row("Clean-up: Mailbox full kept one second before 30 days", AddressStatus.Quarantine, 3, MailboxFull,
            [.. MailboxFullQuarantine, (TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1), CleanUp, None)]),
        Row("Clean-up: Quarantine for User unknown never released automatically", AddressStatus.Quarantine, 1, FailureReason.UserUnknown,
            Now(Hard("b1"), Changed), Days(365, CleanUp, None)),
        Row("Clean-up: Quarantine for another soft reason never released automatically", AddressStatus.Quarantine, 3, FailureReason.InactiveUser,
            Now(Soft("b1", FailureReason.InactiveUser), Changed), Days(1, Soft("b2", FailureReason.InactiveUser), Recorded),
            Days(1, Soft("b3", FailureReason.InactiveUser), Changed), Days(365, CleanUp, None)),
        Row("Clean-up: Denylisted never released automatically", AddressStatus.Denylisted, 0, FailureReason.Refused,
            Now(Complaint("c1"), Changed), Days(365, CleanUp, None)),
        Row("Clean-up: a Hard error on a Mailbox full quarantine makes it permanent", AddressStatus.Quarantine, 3, FailureReason.UserUnknown,
            [.. MailboxFullQuarantine, Days(1, Hard("b1"), Recorded), Days(30, CleanUp, None)]),
        Row("Clean-up: Valid and Allowlisted are left alone", AddressStatus.Allowlisted, 0, null,
            Now(CleanUp, None), Now(QuarantineEvent.Allowlist("alice", "seed address"), Changed), Days(365, CleanUp, None)),
        Row("Clean-up: periods are configurable (3 and 7 days)", AddressStatus.Valid, 0, null,
            [Now(Soft("w1"), Changed), Days(3, CleanUp, Changed), .. MailboxFullQuarantine, Days(6, CleanUp, None), Days(1, CleanUp, Changed)])
            with { Options = new() { WithErrorsResetAfter = TimeSpan.FromDays(3), MailboxFullReleaseAfter = TimeSpan.FromDays(7) } },
        Row("Manual release of a quarantined address", AddressStatus.Valid, 0, null,
            Now(Hard("b1"), Changed), Hours(1, Release(), Changed)),
        Row("Manual release of a denylisted address", AddressStatus.Valid, 0, null,
            Now(Complaint("c1"), Changed), Hours(1, Release(), Changed)),
        Row("Manual release without a reason is refused", AddressStatus.Quarantine, 1, FailureReason.UserUnknown,
            Now(Hard("b1"), Changed), Now(Release(""), Rejected), Now(Release("   "), Rejected)),
        Row("Manual release without a person is refused", AddressStatus.Quarantine, 1, FailureReason.UserUnknown,
            Now(Hard("b1"), Changed), Now(Release(actor: ""), Rejected), Now(Release(actor: "System"), Rejected)),
        Row("Manual release of a Valid address writes nothing", AddressStatus.Valid, 0, null,
            Now(Release(), None)),
        Row("Manual release restarts counting: the next soft error is the first", AddressStatus.WithErrors, 1, MailboxFull,
            Now(Soft("b1"), Changed), Days(1, Soft("b2"), Recorded), Hours(1, Release(), Changed), Hours(1, Soft("b3"), Changed)),
        Row("Manual quarantine keeps its reason and is not released automatically", AddressStatus.Quarantine, 0, FailureReason.UserUnknown,
            Now(QuarantineEvent.Quarantine("alice", "known bad (CSV line 4)", FailureReason.UserUnknown), Changed), Days(365, CleanUp, None)),
        Row("Manual quarantine for Mailbox full is released after 30 days", AddressStatus.Valid, 0, null,
            Now(QuarantineEvent.Quarantine("alice", "mailbox full per customer", MailboxFull), Changed), Days(30, CleanUp, Changed)),
        Row("Manual denylist", AddressStatus.Denylisted, 0, null,
            Now(QuarantineEvent.Denylist("alice", "customer asked by phone"), Changed), Days(1, QuarantineEvent.Denylist("bob", "again"), None)),
        Row("Manual allowlist of a quarantined address clears its errors", AddressStatus.Allowlisted, 0, null,
            Now(Hard("b1"), Changed), Hours(1, QuarantineEvent.Allowlist("alice", "seed address"), Changed)),
        Row("The same soft error applied twice counts once", AddressStatus.WithErrors, 1, MailboxFull,
            Now(Soft("b1"), Changed), Days(2, Soft("b1"), Duplicate)),
        Row("The same hard error replayed after a release does not quarantine again", AddressStatus.Valid, 0, null,
            Now(Hard("b1"), Changed), Hours(1, Release(), Changed), Hours(1, Hard("b1"), Duplicate)),
        Row("The same complaint replayed after a release does not denylist again", AddressStatus.Valid, 0, null,
            Now(Complaint("c1"), Changed), Hours(1, Release(), Changed), Days(1, Complaint("c1"), Duplicate)),
        Row("The same delivery replayed after a new error does not reset it", AddressStatus.WithErrors, 1, MailboxFull,
            Now(Soft("b1"), Changed), Hours(1, Delivered("d1"), Changed), Hours(1, Soft("b2"), Changed), Hours(1, Delivered("d1"), Duplicate)),
        Row("The same manual action id applied twice acts once", AddressStatus.Quarantine, 1, FailureReason.UserUnknown,
            Now(Hard("b1"), Changed), Hours(1, Release(id: "ui-1"), Changed), Hours(1, Hard("b2"), Changed), Hours(1, Release(id: "ui-1"), Duplicate)));
}
