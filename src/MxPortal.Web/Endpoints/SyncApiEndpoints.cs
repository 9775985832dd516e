using Microsoft.Extensions.Options;
using MxPortal.Infrastructure.Sync;

namespace MxPortal.Web.Endpoints;

/// <summary>
/// The publisher's API (docs/sync-api.md), authenticated by API key (<c>Authorization: Bearer mxp_…</c>), not by the
/// portal's sign-in cookie. Errors are JSON <c>{"error": code, "message": text}</c>. Only mapped on a Publisher.
/// </summary>
internal static class SyncApiEndpoints
{
    private const long MaxPushBytes = 8 * 1024 * 1024;

    public static void MapSyncEndpoints(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SyncOptions>>().Value.EffectiveRole != SyncRole.Publisher) return;
        var api = app.MapGroup("/api/v1").AllowAnonymous().DisableAntiforgery();

        api.MapGet("/rules", async (HttpContext http, ApiKeyStore keys, RuleFeedPublisher publisher, IOptions<PortalOptions> portal) =>
        {
            if (await keys.AuthenticateAsync(http.Request.Headers.Authorization, http.RequestAborted) is null) return Unauthorized(http);
            var feed = await publisher.BuildAsync(portal.Value.InstanceName, http.RequestAborted);
            http.Response.Headers.ETag = feed.ETag;
            http.Response.Headers.CacheControl = "no-cache";
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(tag => tag.Trim() == feed.ETag)))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            http.Response.Headers[FeedSignature.SignatureHeader] = feed.Signature;
            http.Response.Headers[FeedSignature.KeyIdHeader] = feed.KeyId;
            return Results.Bytes(feed.Payload, "application/json; charset=utf-8");
        });

        api.MapPost("/qualifications", async (HttpContext http, ApiKeyStore keys, QualificationMerger merger) =>
        {
            var key = await keys.AuthenticateAsync(http.Request.Headers.Authorization, http.RequestAborted);
            if (key is null) return Unauthorized(http);
            if (http.Request.ContentLength > MaxPushBytes) return Error(StatusCodes.Status413PayloadTooLarge, "too_large", $"The body is larger than {MaxPushBytes} bytes.");
            PushRequest? body;
            try
            {
                body = await http.Request.ReadFromJsonAsync<PushRequest>(http.RequestAborted);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or BadHttpRequestException)
            {
                return Error(StatusCodes.Status400BadRequest, "invalid_body", "The body must be JSON: {\"texts\": [{\"normalizedText\", \"md5\", \"count\", \"firstSeenUtc\", \"lastSeenUtc\"}]}.");
            }
            if (body?.Texts is null) return Error(StatusCodes.Status400BadRequest, "invalid_body", "The body has no \"texts\" array.");
            if (body.Texts.Count > QualificationMerger.MaxTexts)
                return Error(StatusCodes.Status400BadRequest, "too_many", $"At most {QualificationMerger.MaxTexts} texts per request.");
            return Results.Ok(new { accepted = await merger.MergeAsync(key.Id, body.Texts, http.RequestAborted) });
        });
    }

    private static IResult Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Error(StatusCodes.Status401Unauthorized, "invalid_api_key", "A valid API key is required: Authorization: Bearer <key>.");
    }

    private static IResult Error(int status, string code, string message) => Results.Json(new { error = code, message }, statusCode: status);

    private sealed record PushRequest(List<PushedText>? Texts);
}
