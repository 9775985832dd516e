using Bunit;
using MxPortal.Domain.Access;
using MxPortal.Web.Components.Pages.Users;

namespace MxPortal.Web.Tests.Pages.Users;

public sealed class UsersPageTests
{
    private static async Task<(PortalComponentContext Ctx, IRenderedComponent<UsersPage> Page)> OpenAsync()
    {
        var ctx = await PortalComponentContext.CreateAsync("admin@mxportal.local", "not-a-user-id", Roles.Administrator);
        var page = ctx.Bunit.Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Contains("admin@mxportal.local", page.Markup));
        return (ctx, page);
    }

    private static async Task SubmitNewUserAsync(PortalComponentContext ctx, IRenderedComponent<UsersPage> page, string email, string password)
    {
        // Note: not awaited: the page's handler awaits the dialog's result, which comes only when the dialog closes.
        _ = page.Find("#new-user").ClickAsync(new());
        ctx.Providers.WaitForAssertion(() => Assert.NotNull(ctx.Providers.Find("#new-user-email")));
        await ctx.Providers.Find("#new-user-email").ChangeAsync(new() { Value = email });
        await ctx.Providers.Find("#new-user-password").ChangeAsync(new() { Value = password });
        await ctx.Providers.Find("#save-user").ClickAsync(new());
    }

    [Fact]
    public async Task NewUser_DuplicateEmail_ShowsTheErrorOnTheEmailField()
    {
        var (ctx, page) = await OpenAsync();
        await using var _ = ctx;

        await SubmitNewUserAsync(ctx, page, "admin@mxportal.local", "Str0ng-Password");

        ctx.Providers.WaitForAssertion(() =>
        {
            var email = ctx.Providers.Find("#new-user-email").Closest(".mud-input-control")!;
            Assert.Contains("mud-input-error", email.InnerHtml + email.ClassName);
            Assert.Contains("is already taken", email.TextContent);
            var password = ctx.Providers.Find("#new-user-password").Closest(".mud-input-control")!;
            Assert.DoesNotContain("is already taken", password.TextContent);
        });
        Assert.NotEmpty(ctx.Providers.FindAll("#save-user")); // the dialog stays open for a fix
    }

    [Fact]
    public async Task NewUser_WeakPassword_ShowsEveryRuleItBreaksOnThePasswordField()
    {
        var (ctx, page) = await OpenAsync();
        await using var _ = ctx;

        await SubmitNewUserAsync(ctx, page, "new.viewer@example.test", "weak");

        ctx.Providers.WaitForAssertion(() =>
        {
            var password = ctx.Providers.Find("#new-user-password").Closest(".mud-input-control")!;
            Assert.Contains("at least 10 characters", password.TextContent);
            Assert.Contains("uppercase", password.TextContent);
            Assert.Contains("digit", password.TextContent);
            var email = ctx.Providers.Find("#new-user-email").Closest(".mud-input-control")!;
            Assert.DoesNotContain("mud-input-error", email.InnerHtml + email.ClassName);
        });
        Assert.DoesNotContain("new.viewer@example.test", page.Markup);
    }

    [Fact]
    public async Task NewUser_Valid_ClosesTheDialogAndListsTheUser()
    {
        var (ctx, page) = await OpenAsync();
        await using var _ = ctx;

        await SubmitNewUserAsync(ctx, page, "new.viewer@example.test", "Str0ng-Password");

        page.WaitForAssertion(() => Assert.Contains("new.viewer@example.test", page.Markup));
        ctx.Providers.WaitForAssertion(() => Assert.Empty(ctx.Providers.FindAll("#save-user")));
    }
}
