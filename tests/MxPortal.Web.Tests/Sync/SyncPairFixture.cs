using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Sync;
using MxPortal.Web.Tests.Hosting;

namespace MxPortal.Web.Tests.Sync;

/// <summary>
/// Two real portals in one test run: a publisher on a Kestrel loopback port and a client that reaches it through a
/// <see cref="FeedProxy"/> (so tests can break the network), with a short request timeout.
/// </summary>
public sealed class SyncPairFixture : IAsyncLifetime
{
    public static readonly ClaimsPrincipal Admin = Principal("admin@test", Roles.Administrator);
    public static readonly ClaimsPrincipal Editor = Principal("deliverability@test", Roles.Deliverability);

    /// <summary>The client's request timeout: what the hanging-publisher test waits for.</summary>
    public const int TimeoutSeconds = 4;

    public PortalFactory Publisher { get; } = new(new Dictionary<string, string?> { ["Sync:Role"] = "Publisher", ["Portal:InstanceName"] = "Central" });
    public PortalFactory Client { get; private set; } = default!;
    public FeedProxy Proxy { get; private set; } = default!;
    public string ApiKey { get; private set; } = "";
    public string PublicKeyPem { get; private set; } = "";

    public static ClaimsPrincipal Principal(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));

    public async Task InitializeAsync()
    {
        Publisher.UseRealSockets();
        (_, var secret) = await Publisher.Services.GetRequiredService<ApiKeyStore>().CreateAsync(Admin, "client under test");
        ApiKey = secret;
        var key = await Publisher.Services.GetRequiredService<SigningKeyStore>().GetAsync();
        PublicKeyPem = key.PublicKeyPem;
        // Note: a cold publisher's first feed (JIT, first queries) can take seconds on a loaded 2-core machine; warm it so
        // the client's short test timeout only ever fires where a test means it to.
        using (var warm = new HttpClient { BaseAddress = Publisher.ClientOptions.BaseAddress })
        {
            warm.DefaultRequestHeaders.Authorization = new("Bearer", secret);
            (await warm.GetAsync("/api/v1/rules")).EnsureSuccessStatusCode();
        }
        Proxy = new FeedProxy(Publisher.ClientOptions.BaseAddress, key.Key);
        Client = new PortalFactory(ClientSettings(Proxy.Address, ApiKey, PublicKeyPem));
        _ = Client.Services;
    }

    public static Dictionary<string, string?> ClientSettings(Uri publisher, string apiKey, string publicKey) => new()
    {
        ["Sync:Role"] = "Client",
        ["Sync:PublisherUrl"] = publisher.ToString(),
        ["Sync:PublicKey"] = publicKey,
        ["Sync:ApiKey"] = apiKey,
        ["Sync:TimeoutSeconds"] = TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public T OnPublisher<T>() where T : notnull => Publisher.Services.GetRequiredService<T>();

    public T OnClient<T>() where T : notnull => Client.Services.GetRequiredService<T>();

    public Task<SyncRun> SyncNowAsync() => OnClient<RuleSyncService>().RunNowAsync(Editor);

    /// <summary>Everything synchronization may touch on the client, as text: equal text = nothing changed.</summary>
    public async Task<string> ClientRulesAsync()
    {
        await using var db = await OnClient<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var suppression = await db.SuppressionEntries.OrderBy(e => e.Value).Select(e => e.Value + "/" + e.Source).ToListAsync();
        var factors = await db.ThroughputFactors.OrderBy(f => f.Level).Select(f => f.Level + "=" + f.Factor).ToListAsync();
        return string.Join("\n---\n", await OnClient<MxRuleStore>().ExportAsync(), await OnClient<BounceRuleStore>().ExportAsync(),
            string.Join(",", suppression), string.Join(",", factors));
    }

    public async Task DisposeAsync()
    {
        await Proxy.DisposeAsync();
        Client.Dispose();
        Publisher.Dispose();
    }
}
