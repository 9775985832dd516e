using System.Globalization;

namespace MxPortal.Web.Components.Shared;

/// <summary>Builds an export link carrying a page's current filters (empty values left out).</summary>
public static class ExportQuery
{
    public static string Build(string path, params (string Key, string? Value)[] parameters)
    {
        var parts = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? path : path + "?" + string.Join("&", parts);
    }

    public static string? Time(DateTime? t) => t?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
