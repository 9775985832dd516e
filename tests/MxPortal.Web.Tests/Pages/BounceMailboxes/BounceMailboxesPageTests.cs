using System.Security.Claims;
using System.Text;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Web.Components.Pages.BounceMailboxes;

namespace MxPortal.Web.Tests.Pages.BounceMailboxes;

public sealed class BounceMailboxesPageTests
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "admin@example.test"), new Claim(ClaimTypes.NameIdentifier, "a"), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));

    [Fact]
    public async Task Page_ListsTheMailboxWithItsSchedule_AndTheUnparsedMailWhoseRawTextOpensInADialog()
    {
        await using var ctx = await PortalComponentContext.CreateAsync("admin@example.test", "a", Roles.Administrator);
        var services = ctx.Bunit.Services;
        var created = await services.GetRequiredService<BounceMailboxService>().CreateAsync(Admin,
            new BounceMailboxSettings("returns", MailProtocol.Imap, "127.0.0.1", 143, MailTlsMode.None, "returns", "secret", PollIntervalMinutes: 10));
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        var outcome = await services.GetRequiredService<BounceMailRecorder>().RecordAsync(created.Id!.Value, 1, "1",
            Encoding.ASCII.GetBytes("Subject: quarterly figures\r\n\r\nnot a bounce at all, line 7\r\n"), default);
        Assert.Equal(ProcessedMailOutcome.Unparsed, outcome);

        var page = ctx.Bunit.Render<BounceMailboxesPage>();

        page.WaitForAssertion(() =>
        {
            Assert.Equal("returns", page.Find(".mailbox-name").TextContent);
            Assert.Contains("every 10 min, 200 max", page.Find("#mailboxes-table").TextContent);
            Assert.Equal("never", page.Find(".mailbox-last-poll").TextContent);
            Assert.Contains("quarterly figures", page.Find(".unparsed-row").TextContent);
        });
        await page.Find(".unparsed-view").ClickAsync(new());
        ctx.Providers.WaitForAssertion(() => Assert.Contains("not a bounce at all, line 7", ctx.Providers.Find("#raw-mail").TextContent));
    }
}
