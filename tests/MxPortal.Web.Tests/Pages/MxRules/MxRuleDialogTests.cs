using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using MxPortal.Domain.MxRules;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Web.Components.Pages.MxRules;

namespace MxPortal.Web.Tests.Pages.MxRules;

/// <summary>
/// The add/edit rule dialog: the domain validator's messages land on their fields, and nothing is saved while any
/// field is wrong. The save delegate stands in for the store so each test sees exactly what would be stored.
/// </summary>
public sealed class MxRuleDialogTests
{
    private sealed class Harness(BunitContext ctx, IRenderedComponent<MudDialogProvider> dialogs, List<MxRule> saved)
    {
        public BunitContext Context { get; } = ctx;
        public IRenderedComponent<MudDialogProvider> Dialogs { get; } = dialogs;
        public List<MxRule> Saved { get; } = saved;
        public IDialogReference Reference { get; set; } = default!;

        public IElement Input(string id) => Dialogs.Find($"#{id}");

        /// <summary>The text of the field's whole control: label, input and its helper or error line.</summary>
        public string FieldText(string id) => Input(id).Closest(".mud-input-control")!.TextContent;

        public bool HasError(string id) => Input(id).Closest(".mud-input-control")!.QuerySelector(".mud-input-error") is not null;

        public async Task SaveAsync() => await Dialogs.Find("#save-rule").ClickAsync(new());
    }

    private static async Task<Harness> OpenAsync(BunitContext ctx, string? originalMask = null, Func<MxRule, MxRuleChange>? store = null)
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var saved = new List<MxRule>();
        var set = DefaultMxRules.Create();
        var harness = new Harness(ctx, dialogs, saved);
        var parameters = new DialogParameters<MxRuleDialog>
        {
            { d => d.RuleSet, set },
            { d => d.OriginalMask, originalMask },
            { d => d.Save, rule => { saved.Add(rule); return Task.FromResult(store?.Invoke(rule) ?? new MxRuleChange(set, [])); } },
        };
        var service = ctx.Services.GetRequiredService<IDialogService>();
        harness.Reference = await dialogs.InvokeAsync(() => service.ShowAsync<MxRuleDialog>("Rule", parameters));
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("#save-rule")));
        return harness;
    }

    [Fact]
    public async Task InvalidFields_ShowTheDomainMessagesOnTheirFieldsAndSaveNothing()
    {
        await using var ctx = new BunitContext();
        var h = await OpenAsync(ctx);

        await h.Input("rule-mask").ChangeAsync(new() { Value = "*.google.com" });
        await h.Input("rule-identifiers").ChangeAsync(new() { Value = "9-3" });
        await h.Input("rule-max-connections").ChangeAsync(new() { Value = "0" });
        await h.Input("rule-per-hour").ChangeAsync(new() { Value = "-5" });
        await h.SaveAsync();

        h.Dialogs.WaitForAssertion(() => Assert.Contains("duplicates the mask of rule 1", h.FieldText("rule-mask")));
        Assert.Contains("starts after it ends", h.FieldText("rule-identifiers"));
        Assert.Contains("must be a positive whole number (was 0)", h.FieldText("rule-max-connections"));
        Assert.Contains("must be a positive whole number (was -5)", h.FieldText("rule-per-hour"));
        Assert.False(h.HasError("rule-max-messages"));
        Assert.False(h.HasError("rule-timeout"));
        Assert.Empty(h.Saved);
    }

    [Theory]
    [InlineData("rule-connection-timeout", "10 seconds")]
    [InlineData("rule-data-timeout", "4x")]
    [InlineData("rule-timeout", "")]
    public async Task UnreadableDuration_IsShownOnItsFieldAndSavesNothing(string field, string text)
    {
        await using var ctx = new BunitContext();
        var h = await OpenAsync(ctx);

        await h.Input("rule-mask").ChangeAsync(new() { Value = "mx.new.test" });
        await h.Input(field).ChangeAsync(new() { Value = text });
        await h.SaveAsync();

        h.Dialogs.WaitForAssertion(() => Assert.Contains("is not a duration", h.FieldText(field)));
        Assert.False(h.HasError("rule-mask"));
        Assert.Empty(h.Saved);
    }

    [Fact]
    public async Task EmptyOrBadMask_IsExplainedOnTheMaskField()
    {
        await using var ctx = new BunitContext();
        var h = await OpenAsync(ctx);

        await h.Input("rule-mask").ChangeAsync(new() { Value = "mx bad.test" });
        await h.SaveAsync();

        h.Dialogs.WaitForAssertion(() => Assert.Contains("' ' is not allowed", h.FieldText("rule-mask")));
        Assert.Empty(h.Saved);
    }

    [Fact]
    public async Task ValidRule_IsSavedAsTypedAndClosesTheDialog()
    {
        await using var ctx = new BunitContext();
        var h = await OpenAsync(ctx);

        await h.Input("rule-mask").ChangeAsync(new() { Value = " MX?.New.Test " });
        await h.Input("rule-identifiers").ChangeAsync(new() { Value = "1-3" });
        await h.Input("rule-max-connections").ChangeAsync(new() { Value = "4" });
        await h.Input("rule-per-hour").ChangeAsync(new() { Value = "1200" });
        await h.Input("rule-data-timeout").ChangeAsync(new() { Value = "2m" });
        await h.SaveAsync();

        var rule = Assert.Single(h.Saved);
        Assert.Equal(("MX?.New.Test", "1-3", 4, 1200, TimeSpan.FromMinutes(2), RuleSource.Local),
            (rule.Mask, rule.Identifiers, rule.MaxConnections, rule.MessagesPerHour, rule.DataTimeout, rule.Source));
        var result = await h.Reference.Result;
        Assert.False(result!.Canceled);
    }

    [Fact]
    public async Task EditingTheGenericRule_KeepsItsMaskAndEnabledLocked()
    {
        await using var ctx = new BunitContext();
        var h = await OpenAsync(ctx, originalMask: "*");

        Assert.Equal("*", h.Input("rule-mask").GetAttribute("value"));
        Assert.True(h.Input("rule-mask").HasAttribute("disabled"));
        await h.Input("rule-per-hour").ChangeAsync(new() { Value = "3000" });
        await h.SaveAsync();

        Assert.Equal(3000, Assert.Single(h.Saved).MessagesPerHour);
    }

    [Fact]
    public async Task RefusalFromTheStore_IsShownOnTheFieldAndKeepsTheDialogOpen()
    {
        await using var ctx = new BunitContext();
        var h = await OpenAsync(ctx, store: rule => MxRuleChange.Refused(
            [new RuleError(DefaultMxRules.Rules().Count - 1, rule.Mask, nameof(MxRule.Mask), "was added by someone else meanwhile.")]));

        await h.Input("rule-mask").ChangeAsync(new() { Value = "mx.race.test" });
        await h.SaveAsync();

        h.Dialogs.WaitForAssertion(() => Assert.Contains("was added by someone else meanwhile.", h.FieldText("rule-mask")));
        Assert.Single(h.Saved);
        Assert.False(h.Reference.Result.IsCompleted);
    }
}
