using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Identity stores, the password policy and lockout. Cookies are the web host's business.</summary>
    public static IServiceCollection AddMxIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BootstrapOptions>().Bind(configuration.GetSection(BootstrapOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.AdminEmail) && o.AdminEmail.Contains('@'),
                $"{BootstrapOptions.Section}:AdminEmail must be an email address.")
            .ValidateOnStart();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>() // Note: before the stores, or IRoleStore cannot be resolved.
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<IdentitySeeder>();
        services.AddSingleton<UserAdministration>();
        return services;
    }
}
