using System.Security.Claims;
using MxPortal.Domain.Access;

namespace MxPortal.Cli.Deliveries;

/// <summary>The command line acts as an Administrator named "cli": its rule changes are audited like anyone's.</summary>
internal static class CliActor
{
    public static ClaimsPrincipal Principal { get; } = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "cli"), new Claim(ClaimTypes.Role, Roles.Administrator)], "cli"));
}
