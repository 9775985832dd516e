using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Web.Components.Shared;

namespace MxPortal.Web.Endpoints;

internal static class BounceRulesEndpoints
{
    /// <summary>GET /bounce-rules/export.json and POST /bounce-rules/import: the stored rules as a file (docs/bounce-rules-json.md).</summary>
    public static void MapBounceRulesEndpoints(this IEndpointRouteBuilder app) =>
        app.MapRuleFile<BounceRuleStore>("/bounce-rules", (store, ct) => store.ExportAsync(ct), async (store, user, json, ct) =>
        {
            var change = await store.ImportAsync(user, json, ct);
            return new JsonImportResult(change.Rules?.Count, change.Errors);
        });
}
