using System.Globalization;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sending;
using MxPortal.Domain.Sending.Waves;

namespace MxPortal.Web.Components.Pages.Deliveries;

/// <summary>One wave row of the form.</summary>
public sealed class WaveRow
{
    public string Offset { get; set; } = "0m";

    /// <summary>A number of recipients, or a percentage ending with '%'.</summary>
    public string Share { get; set; } = "";

    public static WaveRow From(Wave w) => new()
    {
        Offset = Duration.Format(w.Offset),
        Share = w.Percent is { } p ? p.ToString(CultureInfo.InvariantCulture) + "%" : w.Size?.ToString(CultureInfo.InvariantCulture) ?? "",
    };

    internal Wave? ToWave(int number, List<DeliverySettingsError> errors)
    {
        if (!Duration.TryParse(Offset, out var offset) && Offset?.Trim() != "0")
        {
            errors.Add(new("Waves", $"Wave {number}, Offset: '{Offset}' is not a duration (e.g. 0m, 2h, 1d)."));
            return null;
        }
        var share = (Share ?? "").Trim();
        if (share.EndsWith('%') && double.TryParse(share[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
            return Wave.OfPercent(offset, percent);
        if (int.TryParse(share, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size)) return Wave.OfSize(offset, size);
        errors.Add(new("Waves", $"Wave {number}, Share: '{Share}' is neither a number of recipients (500) nor a percentage (25%)."));
        return null;
    }
}
