using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using MxPortal.Infrastructure.Identity;

namespace MxPortal.Web.Endpoints;

internal static class AccountEndpoints
{
    /// <summary>POST /Account/Logout (antiforgery-checked form post from the app bar).</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/Account/Logout", async (SignInManager<AppUser> signIn, IAntiforgery antiforgery, HttpContext http) =>
        {
            // Note: a minimal endpoint that binds no form is not checked by the antiforgery middleware, so check here:
            // a cross-site form must not be able to sign the user out.
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.BadRequest("Missing or invalid antiforgery token. Reload the page and try again.");
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/Account/Login?loggedOut=true");
        }).RequireAuthorization();
    }
}
