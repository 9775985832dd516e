using Microsoft.AspNetCore.Identity;
using MxPortal.Infrastructure.Identity;

namespace MxPortal.Web.Endpoints;

internal static class AccountEndpoints
{
    /// <summary>POST /Account/Logout (antiforgery-checked form post from the app bar).</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/Account/Logout", async (SignInManager<AppUser> signIn, HttpContext http) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/Account/Login?loggedOut=true");
        }).RequireAuthorization();
    }
}
