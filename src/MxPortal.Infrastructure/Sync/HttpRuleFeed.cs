using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// <see cref="IRuleFeed"/> over HTTP(S) with the configured API key. One timeout covers a whole request, body included,
/// and the body is read up to <see cref="SyncOptions.MaxFeedBytes"/>, so a slow or endless publisher cannot hold a worker.
/// </summary>
public sealed class HttpRuleFeed(IHttpClientFactory clients, IOptions<SyncOptions> options) : IRuleFeed
{
    public const string ClientName = "MxPortal.Sync";
    public const string RulesPath = "api/v1/rules";
    public const string QualificationsPath = "api/v1/qualifications";

    private SyncOptions Options => options.Value;

    public Task<FeedFetch> FetchAsync(string? etag, CancellationToken ct) => SendAsync(() =>
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Address(RulesPath));
        if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
        return request;
    }, async (response, token) =>
    {
        if (response.StatusCode == HttpStatusCode.NotModified) return FeedFetch.Unchanged;
        var body = await ReadLimitedAsync(response.Content, Options.MaxFeedBytes, token);
        return new FeedFetch(false, body, Header(response, FeedSignature.SignatureHeader), Header(response, FeedSignature.KeyIdHeader),
            response.Headers.ETag?.ToString());
    }, ct);

    public Task<int> PushQualificationsAsync(IReadOnlyList<PushedText> texts, CancellationToken ct) => SendAsync(
        // Note: a buffered body with a Content-Length, not JsonContent's chunked stream: some proxies refuse chunked requests.
        () => new HttpRequestMessage(HttpMethod.Post, Address(QualificationsPath))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { texts }, JsonSerializerOptions.Web))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
            },
        },
        async (response, token) =>
        {
            var answer = await response.Content.ReadFromJsonAsync<PushAnswer>(token);
            return answer?.Accepted ?? 0;
        }, ct);

    private async Task<T> SendAsync<T>(Func<HttpRequestMessage> create, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Options.TimeoutSeconds));
        using var request = create();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Options.ApiKey);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotModified) return await read(response, timeout.Token);
            throw new RuleFeedException(response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => "The publisher refused the API key (401): check Sync:ApiKey, or ask for a new key.",
                HttpStatusCode.Forbidden => "The publisher refused the request (403).",
                HttpStatusCode.NotFound => "The publisher has no feed at this address (404): is Sync:PublisherUrl right, and is it a Publisher?",
                _ => $"The publisher answered {(int)response.StatusCode} {response.ReasonPhrase}.",
            });
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new RuleFeedException($"No complete answer from the publisher within {Options.TimeoutSeconds} s.", e);
        }
        catch (HttpRequestException e)
        {
            throw new RuleFeedException($"Cannot reach the publisher: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new RuleFeedException($"The publisher's answer is not the expected JSON: {e.Message}", e);
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, int max, CancellationToken ct)
    {
        if (content.Headers.ContentLength > max) throw new RuleFeedException($"The feed is larger than {max} bytes (Sync:MaxFeedBytes).");
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) throw new RuleFeedException($"The feed is larger than {max} bytes (Sync:MaxFeedBytes).");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private Uri Address(string path) => new(new Uri(Options.PublisherUrl!.TrimEnd('/') + "/"), path);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed record PushAnswer(int Accepted);
}
