using System.Globalization;
using System.Security.Claims;
using MxPortal.Domain.Access;
using MxPortal.Web.Components.Shared;

namespace MxPortal.Web.Endpoints;

/// <summary>The export/import pair of a rule set's JSON file, shared by the MX and bounce rules.</summary>
internal static class RuleFileEndpoints
{
    /// <summary>Rule files are small text; anything larger is refused unread.</summary>
    private const long MaxImportBytes = 1024 * 1024;

    /// <summary>
    /// GET {prefix}/export.json (Read): the set as a file named {prefix}-{time}.json.
    /// POST {prefix}/import (EditRules; multipart, field <c>file</c>, antiforgery-checked): replaces the set, all or
    /// nothing; 400 with every error when the file is refused.
    /// </summary>
    public static void MapRuleFile<TStore>(this IEndpointRouteBuilder app, string prefix,
        Func<TStore, CancellationToken, Task<string>> export,
        Func<TStore, ClaimsPrincipal, string, CancellationToken, Task<JsonImportResult>> import)
        where TStore : notnull
    {
        app.MapGet($"{prefix}/export.json", async (HttpContext http, TStore store, TimeProvider time) =>
        {
            var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{prefix.TrimStart('/')}-{stamp}.json\"";
            return Results.Text(await export(store, http.RequestAborted), "application/json; charset=utf-8");
        }).RequireAuthorization(Policies.Read);

        // Note: binding an IFormFile makes the antiforgery middleware check the token, so a cross-site form cannot
        // replace the rules; the store checks the role again.
        app.MapPost($"{prefix}/import", async (IFormFile file, HttpContext http, TStore store) =>
        {
            if (file.Length > MaxImportBytes)
                return Results.BadRequest(new { errors = new[] { $"The file is larger than {MaxImportBytes / 1024} KB." } });
            using var reader = new StreamReader(file.OpenReadStream());
            var result = await import(store, http.User, await reader.ReadToEndAsync(http.RequestAborted), http.RequestAborted);
            return result.Count is { } count ? Results.Ok(new { rules = count }) : Results.BadRequest(new { errors = result.Errors });
        }).RequireAuthorization(Policies.EditRules);
    }
}
