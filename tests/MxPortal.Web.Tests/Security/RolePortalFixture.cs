using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Identity;
using MxPortal.Web.Tests.Hosting;

namespace MxPortal.Web.Tests.Security;

/// <summary>A portal on a real loopback port with one user per role.</summary>
public sealed class RolePortalFixture : IAsyncLifetime
{
    public const string Password = "Role-Pass-2026";
    // Note: the metrics endpoint is on, so the matrix covers it (anonymous, loopback: the default allowed network).
    public PortalFactory Factory { get; } = new(new Dictionary<string, string?> { ["Telemetry:Prometheus"] = "true" });

    public static string EmailOf(string role) => role == Roles.Administrator ? PortalFactory.AdminEmail : $"{role.ToLowerInvariant()}@example.test";

    public async Task InitializeAsync()
    {
        Factory.UseRealSockets();
        var admin = Factory.Services.GetRequiredService<UserAdministration>();
        var actor = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "fixture"), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));
        foreach (var role in Roles.All.Where(r => r != Roles.Administrator))
        {
            var result = await admin.CreateAsync(actor, EmailOf(role), Password, [role]);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }
        // Delivery 1, a draft, for the delivery pages of the access matrix.
        var draft = await Factory.Services.GetRequiredService<DeliveryService>().SaveDraftAsync(actor, null, new DeliveryDraft
        {
            Name = "Matrix draft",
            Settings = new DeliverySettings { SenderAddress = "news@example.test", Subject = "Hello", TextBody = "Hi" },
        });
        if (draft.Id != 1) throw new InvalidOperationException("The access matrix expects its draft to be delivery 1.");
    }

    /// <summary>A client with its own cookies, signed in as <paramref name="role"/> (null: anonymous); redirects not followed.</summary>
    public async Task<HttpClient> ClientAsync(string? role)
    {
        // A plain socket client with its own cookie jar: real HTTP, redirects visible.
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = Factory.ClientOptions.BaseAddress,
        };
        if (role is null) return client;
        var response = await PortalClient.SignInAsync(client, EmailOf(role), role == Roles.Administrator ? PortalFactory.AdminPassword : Password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"{role} could not sign in: {(int)response.StatusCode}");
        return client;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
