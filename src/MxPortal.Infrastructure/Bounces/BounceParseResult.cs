using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces;

/// <summary>A bounce mail read into a report, or the reason it could not be (never an exception).</summary>
public sealed record BounceParseResult(BounceReport? Report, string? Error)
{
    public bool IsSuccess => Report is not null;

    public static BounceParseResult Success(BounceReport report) => new(report, null);

    public static BounceParseResult Failure(string error) => new(null, error);
}
