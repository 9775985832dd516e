using Bunit;
using MxPortal.Domain.Access;
using MxPortal.Web.Components.Pages.MxRules;

namespace MxPortal.Web.Tests.Pages.MxRules;

public sealed class DomainTestPageTests
{
    [Fact]
    public async Task AnInputWithNoDomain_SaysSo_AndNoLongerShowsTheResultOfTheDomainBefore()
    {
        await using var ctx = await PortalComponentContext.CreateAsync("viewer@example.test", "v", Roles.Viewer);
        var page = ctx.Bunit.Render<DomainTestPage>();
        await page.Find("#test-domain").InputAsync(new() { Value = "nowhere.invalid" });
        await page.Find("#test-domain-run").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("nowhere.invalid", page.Find("#test-domain-error").TextContent), TimeSpan.FromSeconds(30));

        await page.Find("#test-domain").InputAsync(new() { Value = "jane@" });
        await page.Find("#test-domain-run").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Enter a domain", page.Find("#test-domain-input-error").TextContent));
        Assert.Empty(page.FindAll("#test-domain-error"));
    }
}
