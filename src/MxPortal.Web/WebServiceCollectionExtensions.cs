using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using MxPortal.Domain.Access;
using MxPortal.Web.Security;

namespace MxPortal.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>
    /// Largest message the browser may send the circuit. SignalR's default (32 KB) drops the circuit as soon as a field
    /// holds more: a whole bounce mail in the rule tester (up to <see cref="Infrastructure.Bounces.BounceRuleTester.MaxInputLength"/>
    /// characters), a newsletter's HTML body, a pasted list of addresses to quarantine.
    /// </summary>
    private const long MaxCircuitMessageBytes = 8 * 1024 * 1024;

    /// <summary>Razor components, MudBlazor, cookie sign-in and the role policies.</summary>
    public static IServiceCollection AddMxWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _),
                $"{PortalOptions.Section}:TimeZone is not a known time zone id.")
            .ValidateOnStart();
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = MaxCircuitMessageBytes);
        services.AddMudServices();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "MxPortal.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue($"{PortalOptions.Section}:SessionMinutes", 480));
        });
        // Note: a locked, deleted or re-roled user loses access within a minute, not after the default 30.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        var authorization = services.AddAuthorizationBuilder();
        foreach (var (policy, roles) in Policies.RolesFor)
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        return services;
    }
}
