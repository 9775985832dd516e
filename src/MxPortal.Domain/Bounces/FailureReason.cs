namespace MxPortal.Domain.Bounces;

/// <summary>
/// Why a delivery failed. Values are ACC's where ACC has one (DOMAIN.md §5) so that data exported
/// from ACC keeps its meaning; <see cref="TextTooLong"/> has no public ACC value.
/// </summary>
public enum FailureReason
{
    NotDefined = 0,
    UserUnknown = 1,
    InvalidDomain = 2,
    Unreachable = 3,
    InactiveUser = 4,
    MailboxFull = 5,
    DenylistedAddress = 8,
    AddressInQuarantine = 9,
    Double = 10,
    Refused = 20,
    ErrorIgnored = 25,

    // Note: [MxPortal] value; ACC lists the reason without publishing its number.
    TextTooLong = 30,
}
