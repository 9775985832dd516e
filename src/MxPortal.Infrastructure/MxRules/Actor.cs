using System.Security.Claims;
using MxPortal.Domain.Access;

namespace MxPortal.Infrastructure.MxRules;

/// <summary>The caller checks of the MX services: a page hiding a button is not enough, the service refuses too.</summary>
internal static class Actor
{
    public static void Demand(ClaimsPrincipal actor, string policy)
    {
        if (actor.Identity?.IsAuthenticated != true || !Policies.Allows(policy, actor.IsInRole))
            throw new UnauthorizedAccessException($"This change needs the {policy} permission ({string.Join(" or ", Policies.RolesFor[policy])}).");
    }

    public static string Name(ClaimsPrincipal actor) => actor.Identity?.Name ?? "unknown";
}
