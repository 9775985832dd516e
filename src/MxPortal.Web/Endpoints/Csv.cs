using System.Globalization;
using MxPortal.Infrastructure.Export;

namespace MxPortal.Web.Endpoints;

/// <summary>Starts a CSV download (headers, file name with a time stamp, the header row) for the export endpoints.</summary>
internal static class Csv
{
    public static async Task<CsvExport> StartAsync(HttpContext http, TimeProvider time, string name, params string[] header)
    {
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}-{stamp}.csv\"";
        var export = new CsvExport(new StreamWriter(http.Response.Body));
        await export.WriteRowAsync(header);
        return export;
    }

    public static string? Time(DateTime? t) => t?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>A <see cref="CsvWriter"/> that owns its stream writer.</summary>
    public sealed class CsvExport(StreamWriter writer)
    {
        private readonly CsvWriter _csv = new(writer);

        public Task WriteRowAsync(params string?[] cells) => _csv.WriteRowAsync(cells);

        public async Task FlushAsync()
        {
            await writer.FlushAsync();
            await writer.DisposeAsync();
        }
    }
}
