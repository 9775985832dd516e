namespace MxPortal.Infrastructure.Deliveries.Import;

/// <summary>Why a row of a recipient list was not imported (the reader's errors, plus Double).</summary>
public enum ImportIssueKind
{
    InvalidHeader,
    MalformedRow,
    EmptyAddress,
    InvalidAddress,

    /// <summary>The address is already in the list (compared case-insensitively): skipped as Double (DOMAIN.md §5).</summary>
    Double,
}
