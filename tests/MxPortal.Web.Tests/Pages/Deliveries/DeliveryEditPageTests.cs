using System.Security.Claims;
using System.Text;
using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Import;
using MxPortal.Web.Components.Pages.Deliveries;

namespace MxPortal.Web.Tests.Pages.Deliveries;

/// <summary>
/// The delivery form against the real services: what the service refuses lands on its field and in the error list,
/// and nothing is saved while anything is wrong.
/// </summary>
public sealed class DeliveryEditPageTests
{
    private static readonly ClaimsPrincipal Operator = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "olivia"), new Claim(ClaimTypes.Role, Roles.Operator)], "test"));

    /// <summary>A draft whose list has the columns FirstName and City.</summary>
    private static async Task<long> DraftWithListAsync(PortalComponentContext c)
    {
        var services = c.Bunit.Services;
        var change = await services.GetRequiredService<DeliveryService>().SaveDraftAsync(Operator, null, new DeliveryDraft
        {
            Name = "Spring sale",
            Settings = new DeliverySettings { SenderAddress = "news@shop.test", Subject = "Hello {{FirstName}}", TextBody = "From {{City}}" },
        });
        using var csv = new MemoryStream(Encoding.UTF8.GetBytes("email,FirstName,City\nann@one.test,Ann,Lyon\n"));
        var import = await services.GetRequiredService<RecipientImporter>().ImportAsync(Operator, change.Id!.Value, csv, csv.Length);
        Assert.True(import.Applied, import.Refusal);
        return change.Id!.Value;
    }

    private static async Task<IRenderedComponent<DeliveryEditPage>> RenderAsync(PortalComponentContext c, long? id)
    {
        var page = c.Bunit.Render<DeliveryEditPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#save-delivery")));
        await Task.CompletedTask;
        return page;
    }

    private static string FieldText(IRenderedComponent<DeliveryEditPage> page, string id) => page.Find($"#{id}").Closest(".mud-input-control")!.TextContent;

    private static async Task<DeliveryDraft> StoredAsync(PortalComponentContext c, long id)
    {
        await using var db = await c.Bunit.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return DeliveryDraft.From(await db.Deliveries.SingleAsync(d => d.Id == id));
    }

    [Fact]
    public async Task UnknownField_IsRefusedOnItsField_NamingTheListsColumns()
    {
        await using var c = await PortalComponentContext.CreateAsync("olivia", "op-1", Roles.Operator);
        var id = await DraftWithListAsync(c);
        var page = await RenderAsync(c, id);
        Assert.Contains("(FirstName, City)", page.Markup);

        await page.Find("#delivery-subject").ChangeAsync(new() { Value = "Hi {{Nickname}}" });
        await page.Find("#delivery-html").ChangeAsync(new() { Value = "<p>{{FirstName}} in {{Town}}</p>" });
        await page.Find("#save-delivery").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("'{{Nickname}}' names no column of the recipient list", FieldText(page, "delivery-subject")));
        Assert.Contains("'{{Town}}' names no column", FieldText(page, "delivery-html"));
        Assert.Equal(["Subject", "HtmlBody"], page.FindAll("#form-errors li.form-error").Select(e => e.GetAttribute("data-field")));
        Assert.Equal("Hello {{FirstName}}", (await StoredAsync(c, id)).Settings.Subject);
    }

    [Fact]
    public async Task BadAddresses_AreRefusedOnTheirFields_AndNoDraftIsCreated()
    {
        await using var c = await PortalComponentContext.CreateAsync("olivia", "op-1", Roles.Operator);
        var page = await RenderAsync(c, null);

        await page.Find("#delivery-name").ChangeAsync(new() { Value = "Launch" });
        await page.Find("#delivery-sender").ChangeAsync(new() { Value = "news.shop.test" });
        await page.Find("#delivery-reply-to").ChangeAsync(new() { Value = "@shop.test" });
        await page.Find("#delivery-subject").ChangeAsync(new() { Value = "Launch day" });
        await page.Find("#delivery-text").ChangeAsync(new() { Value = "It is here." });
        await page.Find("#save-delivery").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("the address has no '@'", FieldText(page, "delivery-sender")));
        Assert.Contains("nothing comes before the '@'", FieldText(page, "delivery-reply-to"));
        await using var db = await c.Bunit.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Deliveries.CountAsync());
    }

    [Fact]
    public async Task BadWaves_AreListedByWave_AndNothingIsSaved()
    {
        await using var c = await PortalComponentContext.CreateAsync("olivia", "op-1", Roles.Operator);
        var id = await DraftWithListAsync(c);
        var page = await RenderAsync(c, id);
        for (var i = 0; i < 3; i++) await page.Find("#add-wave").ClickAsync(new());

        await page.Find("#wave-offset-1").ChangeAsync(new() { Value = "2h" });
        await page.Find("#wave-share-1").ChangeAsync(new() { Value = "80%" });
        await page.Find("#wave-offset-2").ChangeAsync(new() { Value = "1h" });
        await page.Find("#wave-share-2").ChangeAsync(new() { Value = "40%" });
        await page.Find("#wave-offset-3").ChangeAsync(new() { Value = "3h" });
        await page.Find("#wave-share-3").ChangeAsync(new() { Value = "0" });
        await page.Find("#save-delivery").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Wave 2, Offset: must come after wave 1's offset", page.Find("#wave-errors").TextContent));
        var waves = page.Find("#wave-errors").TextContent;
        Assert.Contains("Wave 3, Size: must be positive (was 0)", waves);
        Assert.Contains("the percentages add up to 120, more than 100", waves);
        Assert.DoesNotContain("Waves: Waves:", waves);
        Assert.Empty((await StoredAsync(c, id)).Waves);

        await page.Find("#wave-share-3").ChangeAsync(new() { Value = "lots" });
        await page.Find("#save-delivery").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Wave 3, Share: 'lots' is neither a number of recipients", page.Find("#wave-errors").TextContent));
    }

    [Fact]
    public async Task AnImportWithNoRow_SaysNoRecipientWasImported_InsteadOfShowingNothing()
    {
        await using var c = await PortalComponentContext.CreateAsync("olivia", "op-1", Roles.Operator);
        var id = await DraftWithListAsync(c);
        using var headerOnly = new MemoryStream(Encoding.UTF8.GetBytes("email,FirstName,City\r\n"));
        var import = await c.Bunit.Services.GetRequiredService<RecipientImporter>().ImportAsync(Operator, id, headerOnly, headerOnly.Length);
        Assert.True(import.Applied, import.Refusal);

        var page = await RenderAsync(c, id);

        page.WaitForAssertion(() => Assert.Contains("0 recipients imported", page.Find("#import-summary").TextContent));
    }

    [Fact]
    public async Task ValidDraft_IsSavedWithItsWaves()
    {
        await using var c = await PortalComponentContext.CreateAsync("olivia", "op-1", Roles.Operator);
        var id = await DraftWithListAsync(c);
        var page = await RenderAsync(c, id);
        await page.Find("#add-wave").ClickAsync(new());
        await page.Find("#add-wave").ClickAsync(new());
        await page.Find("#wave-share-1").ChangeAsync(new() { Value = "10%" });
        await page.Find("#wave-offset-2").ChangeAsync(new() { Value = "1d" });
        await page.Find("#wave-share-2").ChangeAsync(new() { Value = "500" });
        await page.Find("#delivery-validity").ChangeAsync(new() { Value = "3d" });

        await page.Find("#save-delivery").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#form-errors")));
        var stored = await StoredAsync(c, id);
        Assert.Equal([(TimeSpan.Zero, (int?)null, (double?)10), (TimeSpan.FromDays(1), 500, null)], stored.Waves.Select(w => (w.Offset, w.Size, w.Percent)));
        Assert.Equal(TimeSpan.FromDays(3), stored.Settings.Validity);
    }
}
