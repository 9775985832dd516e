namespace MxPortal.Domain.Bounces;

/// <summary>
/// A bounce mail read into its recipients and what ties it to the original delivery. None of the
/// correlation fields may be present: the bounce is then recorded by recipient only.
/// </summary>
/// <param name="VerpToken">the token of a VERP return path <c>bounce+TOKEN@domain</c> the bounce was sent to</param>
/// <param name="MxPortalId">the <c>X-MxPortal-Id</c> header of the returned original message</param>
/// <param name="OriginalMessageId">the Message-ID of the returned original message</param>
public sealed record BounceReport(
    BounceReportKind Kind,
    IReadOnlyList<BouncedRecipient> Recipients,
    string? VerpToken = null,
    string? MxPortalId = null,
    string? OriginalMessageId = null);
