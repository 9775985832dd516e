using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.MxRules;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Web.Components.Pages.MxRules;

namespace MxPortal.Web.Tests.Pages.MxRules;

/// <summary>The rules page over the real store (temp SQLite, default rules seeded).</summary>
public sealed class MxRulesPageTests
{
    private static async Task<(PortalComponentContext Ctx, IRenderedComponent<MxRulesPage> Page, MxRuleStore Store)> OpenAsync(string role)
    {
        var ctx = await PortalComponentContext.CreateAsync($"{role.ToLowerInvariant()}@example.test", "id", role);
        await ctx.Bunit.Services.GetRequiredService<MxRulesSeeder>().SeedAsync();
        var page = ctx.Bunit.Render<MxRulesPage>();
        page.WaitForAssertion(() => Assert.Contains("*.google.com", page.Markup));
        return (ctx, page, ctx.Bunit.Services.GetRequiredService<MxRuleStore>());
    }

    private static string[] Masks(IRenderedComponent<MxRulesPage> page) => [.. page.FindAll(".rule-mask").Select(e => e.TextContent)];

    [Fact]
    public async Task Viewer_SeesTheRulesWithoutAnyEditControl()
    {
        var (ctx, page, _) = await OpenAsync(Roles.Viewer);
        await using var owner = ctx;

        Assert.Equal(DefaultMxRules.Rules().Select(r => r.Mask), Masks(page));
        Assert.Empty(page.FindAll("#add-rule, #import-rules, button[aria-label='Move up'], button[aria-label='Edit'], .mud-switch"));
        Assert.NotEmpty(page.FindAll(".source-synced"));
    }

    [Fact]
    public async Task Deliverability_MovesARuleDown_AndSearchFiltersByMask()
    {
        var (ctx, page, store) = await OpenAsync(Roles.Deliverability);
        await using var owner = ctx;

        await page.FindAll("button[aria-label='Move down']")[0].ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(["*.googlemail.com", "*.google.com"], Masks(page)[..2]));
        Assert.Equal("*.googlemail.com", (await store.LoadAsync()).Rules[0].Mask);
        await page.Find("#rule-search").InputAsync(new() { Value = "OUTLOOK" });
        page.WaitForAssertion(() => Assert.Equal(["*.olc.protection.outlook.com", "*.mail.protection.outlook.com"], Masks(page)));
    }

    [Fact]
    public async Task Import_InvalidFile_ListsEveryErrorAndChangesNothing_ThenAValidFileReplacesTheSet()
    {
        var (ctx, page, store) = await OpenAsync(Roles.Deliverability);
        await using var owner = ctx;
        var exported = await store.ExportAsync();

        _ = page.Find("#import-rules").ClickAsync(new());
        ctx.Providers.WaitForAssertion(() => Assert.NotNull(ctx.Providers.Find("#import-submit")));
        var broken = exported.Replace("\"messagesPerHour\": 10000", "\"messagesPerHour\": 0", StringComparison.Ordinal)
            .Replace("\"mask\": \"*\"", "\"mask\": \"*.last.test\"", StringComparison.Ordinal);
        ctx.Providers.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(broken, "rules.json"));
        await ctx.Providers.Find("#import-submit").ClickAsync(new());

        ctx.Providers.WaitForAssertion(() => Assert.Equal(3, ctx.Providers.FindAll("#import-errors li").Count));
        Assert.Contains("generic rule '*' is missing", ctx.Providers.Find("#import-errors").TextContent);
        Assert.Equal(exported, await store.ExportAsync());

        var trimmed = exported.Replace("\"mask\": \"*.comcast.net\"", "\"mask\": \"*.xfinity.test\"", StringComparison.Ordinal);
        ctx.Providers.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(trimmed, "rules.json"));
        await ctx.Providers.Find("#import-submit").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("*.xfinity.test", Masks(page)));
        Assert.DoesNotContain("*.comcast.net", Masks(page));
        Assert.Equal(trimmed, await store.ExportAsync());
    }
}
