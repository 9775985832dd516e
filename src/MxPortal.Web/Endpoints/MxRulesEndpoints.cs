using System.Globalization;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Web.Endpoints;

internal static class MxRulesEndpoints
{
    /// <summary>Rule files are small text; anything larger is refused unread.</summary>
    private const long MaxImportBytes = 1024 * 1024;

    /// <summary>
    /// GET /mx-rules/export.json: the rule set as a file (docs/mx-rules-json.md).
    /// POST /mx-rules/import (multipart, field <c>file</c>, antiforgery-checked): replaces the set, all or nothing;
    /// 400 with every error when the file is refused.
    /// </summary>
    public static void MapMxRulesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/mx-rules/export.json", async (HttpContext http, MxRuleStore store, TimeProvider time) =>
        {
            var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"mx-rules-{stamp}.json\"";
            return Results.Text(await store.ExportAsync(http.RequestAborted), "application/json; charset=utf-8");
        }).RequireAuthorization(Policies.Read);

        // Note: binding an IFormFile makes the antiforgery middleware check the token, so a cross-site form cannot
        // replace the rules; the store checks the role again.
        app.MapPost("/mx-rules/import", async (IFormFile file, HttpContext http, MxRuleStore store) =>
        {
            if (file.Length > MaxImportBytes)
                return Results.BadRequest(new { errors = new[] { $"The file is larger than {MaxImportBytes / 1024} KB." } });
            using var reader = new StreamReader(file.OpenReadStream());
            var change = await store.ImportAsync(http.User, await reader.ReadToEndAsync(http.RequestAborted), http.RequestAborted);
            return change.Applied
                ? Results.Ok(new { rules = change.RuleSet!.Rules.Count })
                : Results.BadRequest(new { errors = change.Errors.Select(e => e.ToString()) });
        }).RequireAuthorization(Policies.EditRules);
    }
}
