using MxPortal.Infrastructure.MxRules;
using MxPortal.Web.Components.Shared;

namespace MxPortal.Web.Endpoints;

internal static class MxRulesEndpoints
{
    /// <summary>GET /mx-rules/export.json and POST /mx-rules/import: the rule set as a file (docs/mx-rules-json.md).</summary>
    public static void MapMxRulesEndpoints(this IEndpointRouteBuilder app) =>
        app.MapRuleFile<MxRuleStore>("/mx-rules", (store, ct) => store.ExportAsync(ct), async (store, user, json, ct) =>
        {
            var change = await store.ImportAsync(user, json, ct);
            return new JsonImportResult(change.RuleSet?.Rules.Count, [.. change.Errors.Select(e => e.ToString())]);
        });
}
