using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Web.Components.Pages.Identities;

namespace MxPortal.Web.Tests.Pages.Identities;

public sealed class IdentitiesPageTests
{
    [Fact]
    public async Task Administrator_AddsAnIdentity_AfterFixingWhatTheValidatorListed()
    {
        await using var ctx = await PortalComponentContext.CreateAsync("admin@mxportal.local", "id", Roles.Administrator);
        var page = ctx.Bunit.Render<IdentitiesPage>();
        page.WaitForAssertion(() => Assert.Contains("No sending identity yet", page.Markup));

        _ = page.Find("#add-identity").ClickAsync(new());
        ctx.Providers.WaitForAssertion(() => Assert.NotNull(ctx.Providers.Find("#save-identity")));
        await ctx.Providers.Find("#identity-public-id").ChangeAsync(new() { Value = "3" });
        await ctx.Providers.Find("#identity-source-ip").ChangeAsync(new() { Value = "192.0.2.300" });
        await ctx.Providers.Find("#identity-helo").ChangeAsync(new() { Value = "out3.example.test" });
        await ctx.Providers.Find("#identity-include").ChangeAsync(new() { Value = "*.corp.test, bad mask!" });
        await ctx.Providers.Find("#save-identity").ClickAsync(new());

        ctx.Providers.WaitForAssertion(() => Assert.Equal(2, ctx.Providers.FindAll("#identity-errors li").Count));
        Assert.Contains("'192.0.2.300' is not an IP address", ctx.Providers.Find("#identity-errors").TextContent);
        Assert.Empty(await ctx.Bunit.Services.GetRequiredService<SendingIdentityStore>().ListAsync());

        await ctx.Providers.Find("#identity-source-ip").ChangeAsync(new() { Value = "192.0.2.3" });
        await ctx.Providers.Find("#identity-include").ChangeAsync(new() { Value = "*.corp.test, mail.test" });
        await ctx.Providers.Find("#save-identity").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("out3.example.test", page.Markup));
        var stored = Assert.Single(await ctx.Bunit.Services.GetRequiredService<SendingIdentityStore>().ListAsync());
        Assert.Equal((3, "192.0.2.3", "*.corp.test|mail.test"), (stored.PublicId, stored.SourceIp, string.Join('|', stored.IncludeDomains)));
    }
}
