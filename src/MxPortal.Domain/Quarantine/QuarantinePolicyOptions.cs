using System.ComponentModel.DataAnnotations;

namespace MxPortal.Domain.Quarantine;

/// <summary>Configuration section <c>Quarantine</c>: the quarantine policy (DOMAIN.md §7), set by Administrators.</summary>
public sealed class QuarantinePolicyOptions
{
    public const string Section = "Quarantine";

    /// <summary>The counted soft error that quarantines an address (the 3rd by default).</summary>
    [Range(1, 1000)]
    public int QuarantineThreshold { get; set; } = 3;

    /// <summary>A soft error counts only when the last counted one is at least this old. Default 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan SignificantErrorDelay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The daily clean-up sets With errors back to Valid after this long without a counted error. Default 10 days.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan WithErrorsResetAfter { get; set; } = TimeSpan.FromDays(10);

    /// <summary>The daily clean-up releases a Mailbox full quarantine after this long. Default 30 days.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan MailboxFullReleaseAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Every broken rule, naming its key; empty when the options are valid (for the Administrator's form).</summary>
    public IReadOnlyList<string> Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        return results.Select(r => $"{Section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}").ToList();
    }
}
