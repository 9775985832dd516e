using System.Security.Claims;

namespace MxPortal.Infrastructure.Tests.Identity;

internal static class Principals
{
    public static ClaimsPrincipal With(string name, string id, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.NameIdentifier, id), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            authenticationType: "test"));
}
