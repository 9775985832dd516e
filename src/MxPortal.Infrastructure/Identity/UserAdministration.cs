using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Audit;

namespace MxPortal.Infrastructure.Identity;

/// <summary>
/// User management for Administrators. Every method checks the caller's role itself (a page hiding a button is not
/// enough) and writes the audit trail. Each call uses its own scope: a Blazor circuit lives far longer than a DbContext should.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        Demand(actor);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        var roleNames = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
        var userRoles = (await db.UserRoles.ToListAsync(ct)).ToLookup(ur => ur.UserId, ur => roleNames[ur.RoleId]);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        return users.Select(u => new UserSummary(u.Id, u.Email ?? u.UserName ?? "", userRoles[u.Id].OrderBy(r => r).ToList(),
            u.LockoutEnd?.UtcDateTime, u.AccessFailedCount, u.CreatedUtc, u.LastSignInUtc)).ToList();
    }

    public async Task<UserOperationResult> CreateAsync(ClaimsPrincipal actor, string email, string password, IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        Demand(actor);
        email = email.Trim();
        var rolesError = CheckRoles(roles);
        if (rolesError is not null) return rolesError;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedUtc = time.GetUtcNow().UtcDateTime };
        var result = ToResult(await users.CreateAsync(user, password));
        if (!result.Succeeded) return result;
        var added = ToResult(await users.AddToRolesAsync(user, roles));
        if (!added.Succeeded) return added;
        await audit.WriteAsync(Name(actor), "user.create", email, $"roles: {string.Join(", ", roles.Order())}", ct);
        return UserOperationResult.Ok;
    }

    public async Task<UserOperationResult> SetRolesAsync(ClaimsPrincipal actor, string userId, IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        Demand(actor);
        var rolesError = CheckRoles(roles);
        if (rolesError is not null) return rolesError;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return UserOperationResult.Fail("", "The user no longer exists.");
        var before = await users.GetRolesAsync(user);
        if (before.Contains(Roles.Administrator) && !roles.Contains(Roles.Administrator) && await IsLastAdministratorAsync(users))
            return UserOperationResult.Fail("Roles", "The last Administrator keeps the Administrator role.");
        var removed = ToResult(await users.RemoveFromRolesAsync(user, before.Except(roles)));
        if (!removed.Succeeded) return removed;
        var added = ToResult(await users.AddToRolesAsync(user, roles.Except(before)));
        if (!added.Succeeded) return added;
        await users.UpdateSecurityStampAsync(user); // signs the user's other sessions out so new roles apply at once
        await audit.WriteAsync(Name(actor), "user.roles", user.Email!, $"before: {string.Join(", ", before.Order())}; after: {string.Join(", ", roles.Order())}", ct);
        return UserOperationResult.Ok;
    }

    public async Task<UserOperationResult> ResetPasswordAsync(ClaimsPrincipal actor, string userId, string newPassword, CancellationToken ct = default)
    {
        Demand(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return UserOperationResult.Fail("", "The user no longer exists.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = ToResult(await users.ResetPasswordAsync(user, token, newPassword));
        if (!result.Succeeded) return result;
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(Name(actor), "user.password-reset", user.Email!, null, ct);
        return UserOperationResult.Ok;
    }

    public async Task<UserOperationResult> SetLockedAsync(ClaimsPrincipal actor, string userId, bool locked, CancellationToken ct = default)
    {
        Demand(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return UserOperationResult.Fail("", "The user no longer exists.");
        if (locked && IsSelf(actor, user)) return UserOperationResult.Fail("", "You cannot lock your own account.");
        await users.SetLockoutEnabledAsync(user, true);
        var result = ToResult(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
        if (!result.Succeeded) return result;
        if (!locked) await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(Name(actor), locked ? "user.lock" : "user.unlock", user.Email!, null, ct);
        return UserOperationResult.Ok;
    }

    public async Task<UserOperationResult> DeleteAsync(ClaimsPrincipal actor, string userId, CancellationToken ct = default)
    {
        Demand(actor);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return UserOperationResult.Ok;
        if (IsSelf(actor, user)) return UserOperationResult.Fail("", "You cannot delete your own account.");
        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(Roles.Administrator) && await IsLastAdministratorAsync(users))
            return UserOperationResult.Fail("", "The last Administrator cannot be deleted.");
        var result = ToResult(await users.DeleteAsync(user));
        if (!result.Succeeded) return result;
        await audit.WriteAsync(Name(actor), "user.delete", user.Email!, $"roles: {string.Join(", ", roles.Order())}", ct);
        return UserOperationResult.Ok;
    }

    private static void Demand(ClaimsPrincipal actor)
    {
        if (actor.Identity?.IsAuthenticated != true || !Policies.Allows(Policies.ManageUsers, actor.IsInRole))
            throw new UnauthorizedAccessException("Only Administrators manage users.");
    }

    private static string Name(ClaimsPrincipal actor) => actor.Identity?.Name ?? "unknown";

    private static bool IsSelf(ClaimsPrincipal actor, AppUser user) =>
        string.Equals(actor.FindFirstValue(ClaimTypes.NameIdentifier), user.Id, StringComparison.Ordinal);

    private static async Task<bool> IsLastAdministratorAsync(UserManager<AppUser> users) =>
        (await users.GetUsersInRoleAsync(Roles.Administrator)).Count <= 1;

    private static UserOperationResult? CheckRoles(IReadOnlyCollection<string> roles)
    {
        if (roles.Count == 0) return UserOperationResult.Fail("Roles", "Choose at least one role.");
        var unknown = roles.Except(Roles.All).ToList();
        return unknown.Count > 0 ? UserOperationResult.Fail("Roles", $"Unknown role: {string.Join(", ", unknown)}.") : null;
    }

    private static UserOperationResult ToResult(IdentityResult result)
    {
        if (result.Succeeded) return UserOperationResult.Ok;
        return new UserOperationResult(result.Errors
            .GroupBy(e => FieldOf(e.Code))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(e => e.Description).Distinct().ToList()));
    }

    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "Password",
        "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => "Email",
        _ when code.Contains("Role", StringComparison.Ordinal) => "Roles",
        _ => "",
    };
}
