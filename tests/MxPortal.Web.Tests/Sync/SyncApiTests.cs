using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MxPortal.Infrastructure.Sync;

namespace MxPortal.Web.Tests.Sync;

/// <summary>The publisher's API over real HTTP: API keys, the signed feed, ETags, and the errors clients see.</summary>
public sealed class SyncApiTests(SyncPairFixture pair) : IClassFixture<SyncPairFixture>
{
    private HttpClient Api(string? key)
    {
        var client = new HttpClient { BaseAddress = pair.Publisher.ClientOptions.BaseAddress };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [Fact]
    public async Task Feed_IsSignedOverItsExactBytes_AndAnswers304ToItsETag()
    {
        using var client = Api(pair.ApiKey);

        var response = await client.GetAsync("/api/v1/rules");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        FeedSignature.TryImportPublicKey(pair.PublicKeyPem, out var key);
        Assert.True(FeedSignature.Verify(key!, body, response.Headers.GetValues(FeedSignature.SignatureHeader).Single()));
        Assert.Equal(FeedSignature.KeyId(key!), response.Headers.GetValues(FeedSignature.KeyIdHeader).Single());
        var (feed, errors) = RuleFeedJson.Read(body);
        Assert.Empty(errors);
        Assert.Equal($"\"{feed!.Version}\"", response.Headers.ETag?.ToString());
        Assert.Equal("Central", feed.Publisher);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/rules");
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        var again = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("mxp_wrong")]
    [InlineData("not-even-our-format")]
    public async Task MissingOrWrongKey_Is401WithAJsonError(string? key)
    {
        using var client = Api(key);

        foreach (var response in new[] { await client.GetAsync("/api/v1/rules"), await client.PostAsJsonAsync("/api/v1/qualifications", new { texts = Array.Empty<object>() }) })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
            using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("invalid_api_key", error.RootElement.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task RevokedKey_Is401()
    {
        var store = pair.OnPublisher<ApiKeyStore>();
        var (created, secret) = await store.CreateAsync(SyncPairFixture.Admin, "short-lived");
        using var client = Api(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/rules")).StatusCode);

        await store.RevokeAsync(SyncPairFixture.Admin, created.Id);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/rules")).StatusCode);
    }

    [Fact]
    public async Task MalformedPush_Is400()
    {
        using var client = Api(pair.ApiKey);

        var response = await client.PostAsync("/api/v1/qualifications", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ClientInstance_ServesNoFeed()
    {
        using var client = pair.Client.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pair.ApiKey);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/rules")).StatusCode);
    }
}
