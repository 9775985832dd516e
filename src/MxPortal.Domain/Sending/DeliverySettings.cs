using MxPortal.Domain.Sending.Templates;

namespace MxPortal.Domain.Sending;

/// <summary>
/// What an Operator sets on a delivery besides the recipients and waves (issue 5): sender, reply-to, the message
/// texts and the retry settings of DOMAIN.md §8 with ACC's defaults.
/// </summary>
public sealed record DeliverySettings
{
    // Note: RFC 5322 §2.1.1 caps a header line at 998 characters; a longer subject would need folding tricks.
    private const int MaxSubjectLength = 998;
    private const int MaxRetryCount = 100;
    private static readonly TimeSpan MaxValidity = TimeSpan.FromDays(30);

    public string SenderAddress { get; init; } = "";

    public string? SenderName { get; init; }

    public string? ReplyToAddress { get; init; }

    public string Subject { get; init; } = "";

    public string? HtmlBody { get; init; }

    public string? TextBody { get; init; }

    public TimeSpan Validity { get; init; } = RetryPolicy.Default.Validity;

    public TimeSpan RetryPeriod { get; init; } = RetryPolicy.Default.RetryPeriod;

    public int RetryCount { get; init; } = RetryPolicy.Default.MaxRetries;

    public RetryPolicy RetryPolicy => new(RetryPeriod, RetryCount, Validity);

    public MessageTemplate Template => MessageTemplate.Compile(Subject, HtmlBody, TextBody);

    /// <summary>
    /// Every error, each with its field. With <paramref name="columns"/> (the recipient list's), placeholders naming
    /// no column are errors too, reported on Subject, HtmlBody or TextBody.
    /// </summary>
    public IReadOnlyList<DeliverySettingsError> Validate(IEnumerable<string>? columns = null)
    {
        var errors = new List<DeliverySettingsError>();
        void Add(string field, string message) => errors.Add(new(field, message));

        if (!EmailAddress.TryParse(SenderAddress, out _, out var senderError)) Add(nameof(SenderAddress), senderError);
        if (!string.IsNullOrWhiteSpace(ReplyToAddress) && !EmailAddress.TryParse(ReplyToAddress, out _, out var replyError))
            Add(nameof(ReplyToAddress), replyError);
        if (SenderName?.AsSpan().IndexOfAny('\r', '\n') >= 0) Add(nameof(SenderName), "must be on one line.");
        if (string.IsNullOrWhiteSpace(Subject)) Add(nameof(Subject), "is required.");
        else if (Subject.AsSpan().IndexOfAny('\r', '\n') >= 0) Add(nameof(Subject), "must be on one line.");
        else if (Subject.Length > MaxSubjectLength) Add(nameof(Subject), $"is longer than {MaxSubjectLength} characters.");
        if (string.IsNullOrWhiteSpace(HtmlBody) && string.IsNullOrWhiteSpace(TextBody))
            Add(nameof(HtmlBody), "give an HTML body, a text body or both.");

        if (Validity <= TimeSpan.Zero || Validity > MaxValidity) Add(nameof(Validity), $"must be more than 0 and at most {MaxValidity.TotalDays} days (was {Validity}).");
        if (RetryPeriod <= TimeSpan.Zero) Add(nameof(RetryPeriod), $"must be positive (was {RetryPeriod}).");
        else if (RetryPeriod > Validity && Validity > TimeSpan.Zero) Add(nameof(RetryPeriod), $"is longer than the validity ({Validity}), so no retry could happen.");
        if (RetryCount is < 0 or > MaxRetryCount) Add(nameof(RetryCount), $"must be between 0 and {MaxRetryCount} (was {RetryCount}).");

        foreach (var e in Template.Validate(columns ?? []).Where(e => columns is not null || e.Field is null))
            Add(FieldOf(e.Part), e.ToString());
        return errors;
    }

    private static string FieldOf(TemplatePart part) => part switch
    {
        TemplatePart.Subject => nameof(Subject),
        TemplatePart.Html => nameof(HtmlBody),
        _ => nameof(TextBody),
    };
}
