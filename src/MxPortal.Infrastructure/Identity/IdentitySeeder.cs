using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxPortal.Domain;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Audit;

namespace MxPortal.Infrastructure.Identity;

/// <summary>Creates the roles and, when no Administrator exists, the bootstrap Administrator. Safe to run at every start.</summary>
public sealed class IdentitySeeder(
    RoleManager<IdentityRole> roles,
    UserManager<AppUser> users,
    IOptions<BootstrapOptions> options,
    AuditLog audit,
    TimeProvider time,
    ILogger<IdentitySeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role)) continue;
            Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            logger.LogInformation("Created role {Role}", role);
        }
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0) return;

        var email = options.Value.AdminEmail.Trim();
        var password = options.Value.AdminPassword;
        var generated = string.IsNullOrEmpty(password);
        if (generated) password = GeneratePassword();

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedUtc = time.GetUtcNow().UtcDateTime };
            Check(await users.CreateAsync(user, password!), $"create the bootstrap Administrator {email} ({BootstrapOptions.Section}:AdminPassword)");
        }
        Check(await users.AddToRoleAsync(user, Roles.Administrator), $"make {email} an Administrator");
        await audit.WriteAsync(AuditLog.SystemActor, "user.bootstrap", email, "Bootstrap Administrator created", ct);
        if (generated)
        {
            // Note: printed once, at creation; it is stored only as a hash. Change it after the first sign-in.
            logger.LogWarning("Bootstrap Administrator {Email} created with generated password: {Password}", email, password);
        }
        else
        {
            logger.LogInformation("Bootstrap Administrator {Email} created with the configured password", email);
        }
    }

    /// <summary>A password that satisfies the portal's policy: 20 characters from four classes.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "-_.!#%+=";
        const string all = lower + upper + digits + symbols;
        var chars = new char[20];
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new DomainException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
