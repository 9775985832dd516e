using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Data;
using MxPortal.Web.Components.Pages.Quarantine;

namespace MxPortal.Web.Tests.Pages.Quarantine;

public sealed class AddressPageTests
{
    private const string Address = "gone@blocked.test";

    private static async Task<(PortalComponentContext Ctx, IRenderedComponent<AddressPage> Page)> OpenAsync(string role)
    {
        var ctx = await PortalComponentContext.CreateAsync("operator@example.test", "op-id", role);
        await using (var db = await ctx.Bunit.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var record = QuarantineRecord.Create(Address);
            record.Status = AddressStatus.Quarantine;
            record.Type = FailureType.Hard;
            record.Reason = FailureReason.UserUnknown;
            db.QuarantineRecords.Add(record);
            await db.SaveChangesAsync();
        }
        var page = ctx.Bunit.Render<AddressPage>(p => p.Add(x => x.Address, Address));
        page.WaitForAssertion(() => Assert.Contains("Quarantine", page.Find("#address-status").TextContent));
        return (ctx, page);
    }

    [Fact]
    public async Task ReleaseDialog_WithoutAReason_RefusesAndKeepsTheAddressQuarantined_ThenReleasesWithOne()
    {
        var (ctx, page) = await OpenAsync(Roles.Operator);
        await using var context = ctx;

        // Note: not awaited: the page's handler awaits the dialog's result, which comes only when the dialog closes.
        _ = page.Find("#release-address").ClickAsync(new());
        ctx.Providers.WaitForAssertion(() => Assert.NotNull(ctx.Providers.Find("#confirm-release")));
        await ctx.Providers.Find("#confirm-release").ClickAsync(new());

        ctx.Providers.WaitForAssertion(() => Assert.Contains("A reason is required.", ctx.Providers.Markup));
        Assert.NotEmpty(ctx.Providers.FindAll("#confirm-release"));
        Assert.Equal(AddressStatus.Quarantine, await StatusAsync(ctx));

        await ctx.Providers.Find("#release-reason").ChangeAsync(new() { Value = "Checked with the customer" });
        await ctx.Providers.Find("#confirm-release").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Checked with the customer", page.Find("#address-history").TextContent));
        Assert.Equal(AddressStatus.Valid, await StatusAsync(ctx));
        Assert.Contains("operator@example.test", page.Find("#address-history").TextContent);
        Assert.Empty(page.FindAll("#release-address"));
    }

    [Fact]
    public async Task Viewer_SeesTheHistoryWithoutTheReleaseAction()
    {
        var (ctx, page) = await OpenAsync(Roles.Viewer);
        await using var context = ctx;

        Assert.Empty(page.FindAll("#release-address"));
        Assert.NotNull(page.Find("#address-history"));
    }

    private static async Task<AddressStatus> StatusAsync(PortalComponentContext ctx)
    {
        await using var db = await ctx.Bunit.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (await db.QuarantineRecords.SingleAsync()).Status;
    }
}
