using System.Globalization;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sending;
using MxPortal.Domain.Sending.Waves;
using MxPortal.Infrastructure.Deliveries;

namespace MxPortal.Web.Components.Pages.Deliveries;

/// <summary>
/// The editable copy of a draft behind the form. Durations are written as in MX rules (<c>5d</c>, <c>1h</c>,
/// <c>30m</c>); a wave's share is a number of recipients (<c>500</c>) or a percentage (<c>25%</c>).
/// </summary>
public sealed class DeliveryForm
{
    public string Name { get; set; } = "";
    public string SenderAddress { get; set; } = "";
    public string? ReplyTo { get; set; }
    public string Subject { get; set; } = "";
    public string? HtmlBody { get; set; }
    public string? TextBody { get; set; }
    public string Validity { get; set; } = Duration.Format(RetryPolicy.Default.Validity);
    public string RetryPeriod { get; set; } = Duration.Format(RetryPolicy.Default.RetryPeriod);
    public int RetryCount { get; set; } = RetryPolicy.Default.MaxRetries;
    public IReadOnlyCollection<int> IdentityIds { get; set; } = [];
    public List<WaveRow> Waves { get; set; } = [];

    public static DeliveryForm From(DeliveryDraft d) => new()
    {
        Name = d.Name,
        SenderAddress = d.Settings.SenderAddress,
        ReplyTo = d.Settings.ReplyToAddress,
        Subject = d.Settings.Subject,
        HtmlBody = d.Settings.HtmlBody,
        TextBody = d.Settings.TextBody,
        Validity = Duration.Format(d.Settings.Validity),
        RetryPeriod = Duration.Format(d.Settings.RetryPeriod),
        RetryCount = d.Settings.RetryCount,
        IdentityIds = [.. d.IdentityIds],
        Waves = [.. d.Waves.Select(WaveRow.From)],
    };

    /// <summary>The draft, or the fields that could not be read at all (the service validates the rest).</summary>
    public (DeliveryDraft? Draft, IReadOnlyList<DeliverySettingsError> Errors) ToDraft()
    {
        var errors = new List<DeliverySettingsError>();
        var validity = Read(Validity, nameof(DeliverySettings.Validity), errors);
        var retry = Read(RetryPeriod, nameof(DeliverySettings.RetryPeriod), errors);
        var waves = new List<Wave>();
        for (var i = 0; i < Waves.Count; i++)
            if (Waves[i].ToWave(i + 1, errors) is { } wave) waves.Add(wave);
        if (errors.Count > 0) return (null, errors);
        return (new DeliveryDraft
        {
            Name = Name,
            Settings = new DeliverySettings
            {
                SenderAddress = SenderAddress ?? "",
                ReplyToAddress = ReplyTo,
                Subject = Subject ?? "",
                HtmlBody = HtmlBody,
                TextBody = TextBody,
                Validity = validity,
                RetryPeriod = retry,
                RetryCount = RetryCount,
            },
            Waves = waves,
            IdentityIds = [.. IdentityIds],
        }, errors);
    }

    private static TimeSpan Read(string text, string field, List<DeliverySettingsError> errors)
    {
        if (Duration.TryParse(text, out var value) && value >= TimeSpan.FromMinutes(1) && value.Ticks % TimeSpan.TicksPerMinute == 0) return value;
        errors.Add(new(field, $"'{text}' is not a duration in whole minutes: write e.g. 30m, 1h or 5d."));
        return default;
    }
}
