using Bunit;
using MxPortal.Domain.Access;
using MxPortal.Web.Components.Pages.BounceRules;

namespace MxPortal.Web.Tests.Pages.BounceRules;

public sealed class RuleTesterPageTests
{
    [Fact]
    public async Task PastedReply_ShowsTypeReasonAndWhy()
    {
        await using var ctx = await PortalComponentContext.CreateAsync("viewer@example.test", "v", Roles.Viewer);
        var page = ctx.Bunit.Render<RuleTesterPage>();

        await page.Find("#tester-input").ChangeAsync(new() { Value = "550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown" });
        await page.Find("#tester-run").ClickAsync(new());

        page.WaitForAssertion(() =>
        {
            Assert.Equal("Hard", page.Find(".tester-type").TextContent.Trim());
            Assert.Equal("User unknown", page.Find(".tester-reason").TextContent.Trim());
            Assert.Contains("Read as: SMTP reply", page.Find("#tester-read-as").TextContent);
        });
    }

    [Fact]
    public async Task NothingPasted_ExplainsWhatToDo()
    {
        await using var ctx = await PortalComponentContext.CreateAsync("viewer@example.test", "v", Roles.Viewer);
        var page = ctx.Bunit.Render<RuleTesterPage>();

        await page.Find("#tester-run").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Paste an SMTP reply", page.Find("#tester-error").TextContent));
    }
}
