using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces.Qualification;

/// <summary>One row of the qualification table: a normalized error text, how often it was seen and how it is qualified.</summary>
public sealed class ErrorQualification
{
    public long Id { get; set; }
    public string NormalizedText { get; set; } = "";

    /// <summary>Lower-case hex MD5 of the full normalized text (<see cref="ErrorTextNormalizer.Md5"/>); unique.</summary>
    public string Md5 { get; set; } = "";

    public string FirstRawText { get; set; } = "";
    public long Count { get; set; }
    public DateTime FirstSeenUtc { get; set; }
    public DateTime LastSeenUtc { get; set; }
    public FailureType Type { get; set; }
    public FailureReason Reason { get; set; }
    public QualificationStatus Status { get; set; }
}
