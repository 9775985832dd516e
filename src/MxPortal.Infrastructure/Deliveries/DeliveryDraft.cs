using System.Text.Json;
using MxPortal.Domain.Sending;
using MxPortal.Domain.Sending.Waves;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>
/// What an Operator edits on a draft delivery: its name, the message and retry settings, the waves and the sending
/// identities to use (none chosen: every enabled identity). The recipient list is imported separately.
/// </summary>
public sealed record DeliveryDraft
{
    private const int MaxNameLength = 200;

    public string Name { get; init; } = "";

    public DeliverySettings Settings { get; init; } = new();

    public IReadOnlyList<Wave> Waves { get; init; } = [];

    public IReadOnlyList<int> IdentityIds { get; init; } = [];

    public static DeliveryDraft From(Delivery d) => new()
    {
        Name = d.Name,
        Settings = new DeliverySettings
        {
            SenderAddress = d.FromAddress,
            ReplyToAddress = d.ReplyTo,
            Subject = d.Subject,
            HtmlBody = d.HtmlBody,
            TextBody = d.TextBody,
            Validity = TimeSpan.FromMinutes(d.ValidityMinutes),
            RetryPeriod = TimeSpan.FromMinutes(d.RetryPeriodMinutes),
            RetryCount = d.MaxRetries,
        },
        Waves = WavesOf(d),
        IdentityIds = IdentityIdsOf(d),
    };

    public static IReadOnlyList<Wave> WavesOf(Delivery d) =>
        string.IsNullOrEmpty(d.WavesJson) ? [] : JsonSerializer.Deserialize<List<Wave>>(d.WavesJson) ?? [];

    public static IReadOnlyList<int> IdentityIdsOf(Delivery d) =>
        string.IsNullOrEmpty(d.IdentitiesJson) ? [] : JsonSerializer.Deserialize<List<int>>(d.IdentitiesJson) ?? [];

    /// <summary>The recipient list's field columns; null before a list is imported.</summary>
    public static IReadOnlyList<string>? ColumnsOf(Delivery d) =>
        d.ColumnsJson is null ? null : JsonSerializer.Deserialize<List<string>>(d.ColumnsJson);

    /// <summary>
    /// Every problem, by field: the settings (with <paramref name="columns"/>, unknown <c>{{fields}}</c> too), the
    /// waves and the identities (each must exist in <paramref name="identities"/>).
    /// </summary>
    public IReadOnlyList<DeliverySettingsError> Validate(IEnumerable<string>? columns, IReadOnlyCollection<int> identities)
    {
        var errors = new List<DeliverySettingsError>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(new(nameof(Name), "is required."));
        else if (Name.Length > MaxNameLength) errors.Add(new(nameof(Name), $"is longer than {MaxNameLength} characters."));
        errors.AddRange(Settings.Validate(columns));
        // Note: the field already says "Waves"; a calendar-wide error adds only its message ("Waves: Waves: …" otherwise).
        errors.AddRange(WaveSchedule.Validate(Waves).Select(e => new DeliverySettingsError(nameof(Waves), e.Number is null ? e.Message : e.ToString())));
        foreach (var id in IdentityIds.Where(i => !identities.Contains(i)))
            errors.Add(new(nameof(IdentityIds), $"sending identity {id} does not exist."));
        return errors;
    }

    internal void CopyTo(Delivery d)
    {
        d.Name = Name.Trim();
        d.FromAddress = Settings.SenderAddress.Trim();
        d.ReplyTo = string.IsNullOrWhiteSpace(Settings.ReplyToAddress) ? null : Settings.ReplyToAddress.Trim();
        d.Subject = Settings.Subject;
        d.HtmlBody = string.IsNullOrEmpty(Settings.HtmlBody) ? null : Settings.HtmlBody;
        d.TextBody = string.IsNullOrEmpty(Settings.TextBody) ? null : Settings.TextBody;
        d.ValidityMinutes = (int)Settings.Validity.TotalMinutes;
        d.RetryPeriodMinutes = (int)Settings.RetryPeriod.TotalMinutes;
        d.MaxRetries = Settings.RetryCount;
        d.ReturnPathDomain = EmailAddress.Parse(Settings.SenderAddress).Domain;
        d.WavesJson = Waves.Count == 0 ? null : JsonSerializer.Serialize(Waves);
        d.IdentitiesJson = IdentityIds.Count == 0 ? null : JsonSerializer.Serialize(IdentityIds.Distinct().Order());
    }
}
