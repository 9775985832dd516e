using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Web.Components.Pages.BounceRules;

namespace MxPortal.Web.Tests.Pages.BounceRules;

/// <summary>
/// The add/edit bounce rule dialog: what the store would refuse is shown on the Name or Pattern field before anything
/// is saved. The save delegate stands in for the store so each test sees exactly what would be stored.
/// </summary>
public sealed class BounceRuleDialogTests
{
    private static readonly IReadOnlyList<StoredBounceRule> Rules =
    [
        .. DefaultBounceRules.Create().Select((r, i) => new StoredBounceRule(BounceRuleKeys.ForPublished(r.Name), i, r, DateTime.UnixEpoch, DateTime.UnixEpoch, "system")),
        new StoredBounceRule(Guid.NewGuid(), DefaultBounceRules.Create().Count,
            new BounceRule { Name = "local-one", Pattern = "zebra", Reason = FailureReason.Refused }, DateTime.UnixEpoch, DateTime.UnixEpoch, "deliv"),
    ];

    private sealed class Harness(IRenderedComponent<MudDialogProvider> dialogs, List<(BounceRule Rule, int Position)> saved)
    {
        public IRenderedComponent<MudDialogProvider> Dialogs { get; } = dialogs;
        public List<(BounceRule Rule, int Position)> Saved { get; } = saved;

        public IElement Input(string id) => Dialogs.Find($"#{id}");

        public string FieldText(string id) => Input(id).Closest(".mud-input-control")!.TextContent;

        public bool HasError(string id) => Input(id).Closest(".mud-input-control")!.QuerySelector(".mud-input-error") is not null;

        public Task FillAsync(string id, string value) => Input(id).ChangeAsync(new() { Value = value });

        public async Task SaveAsync() => await Dialogs.Find("#save-rule").ClickAsync(new());
    }

    private static async Task<Harness> OpenAsync(BunitContext ctx, Guid? editedKey = null)
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var saved = new List<(BounceRule, int)>();
        var parameters = new DialogParameters<BounceRuleDialog>
        {
            { d => d.Rules, Rules },
            { d => d.EditedKey, editedKey },
            { d => d.Save, (rule, position) => { saved.Add((rule, position)); return Task.FromResult(new BounceRuleChange(Rules, [])); } },
        };
        var service = ctx.Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<BounceRuleDialog>("Rule", parameters));
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("#save-rule")));
        return new Harness(dialogs, saved);
    }

    [Theory]
    [InlineData("(", "the pattern does not compile")]
    [InlineData("(?=a)(a+)+$", "the pattern is too slow")]
    public async Task BadPattern_ShowsTheMessageOnThePatternFieldAndSavesNothing(string pattern, string message)
    {
        await using var ctx = new BunitContext();
        var h = await OpenAsync(ctx);

        await h.FillAsync("rule-name", "my-rule");
        await h.FillAsync("rule-pattern", pattern);
        await h.SaveAsync();

        h.Dialogs.WaitForAssertion(() => Assert.Contains(message, h.FieldText("rule-pattern")));
        Assert.False(h.HasError("rule-name"));
        Assert.Empty(h.Saved);
    }

    [Fact]
    public async Task TooLongPattern_ShowsTheLimit()
    {
        await using var ctx = new BunitContext();
        var h = await OpenAsync(ctx);

        await h.FillAsync("rule-name", "my-rule");
        await h.FillAsync("rule-pattern", new string('x', BounceRulePatternCheck.MaxLength + 1));
        await h.SaveAsync();

        h.Dialogs.WaitForAssertion(() => Assert.Contains("at most 4,000 are allowed", h.FieldText("rule-pattern")));
        Assert.Empty(h.Saved);
    }

    [Fact]
    public async Task MissingOrDuplicateName_ShowsOnTheNameField()
    {
        await using var ctx = new BunitContext();
        var h = await OpenAsync(ctx);

        await h.FillAsync("rule-pattern", "blocked");
        await h.SaveAsync();
        h.Dialogs.WaitForAssertion(() => Assert.Contains("A name is required.", h.FieldText("rule-name")));

        await h.FillAsync("rule-name", "LOCAL-ONE");
        await h.SaveAsync();
        h.Dialogs.WaitForAssertion(() => Assert.Contains("the name is used by another rule", h.FieldText("rule-name")));
        Assert.False(h.HasError("rule-pattern"));
        Assert.Empty(h.Saved);
    }

    [Fact]
    public async Task ValidRule_IsSavedAtTheChosenPosition()
    {
        await using var ctx = new BunitContext();
        var h = await OpenAsync(ctx);

        await h.FillAsync("rule-name", "my-rule");
        await h.FillAsync("rule-pattern", @"blocked by policy \d+");
        await h.FillAsync("rule-position", "3");
        await h.SaveAsync();

        h.Dialogs.WaitForAssertion(() => Assert.Single(h.Saved));
        Assert.Equal(("my-rule", @"blocked by policy \d+", 2, BounceRuleSource.Local), (h.Saved[0].Rule.Name, h.Saved[0].Rule.Pattern, h.Saved[0].Position, h.Saved[0].Rule.Source));
    }

    [Fact]
    public async Task TestButton_SaysWhetherThePatternMatchesAndHowTheSetQualifies()
    {
        await using var ctx = new BunitContext();
        var h = await OpenAsync(ctx);

        await h.FillAsync("rule-name", "my-rule");
        await h.FillAsync("rule-pattern", "quibble");
        await h.FillAsync("rule-position", "1");
        await h.FillAsync("rule-sample", "550 5.7.1 quibble detected");
        await h.Dialogs.Find("#rule-test").ClickAsync(new());

        h.Dialogs.WaitForAssertion(() => Assert.Contains("The pattern matches this text.", h.Dialogs.Find("#rule-test-result").TextContent));
        Assert.Contains("bounce rule 'my-rule' matched", h.Dialogs.Find("#rule-test-result").TextContent);
        Assert.Empty(h.Saved);
    }

    [Fact]
    public async Task SyncedRule_LocksEverythingButEnabled()
    {
        await using var ctx = new BunitContext();
        var h = await OpenAsync(ctx, Rules[0].Key);

        Assert.NotNull(h.Dialogs.Find("#rule-synced-note"));
        Assert.True(h.Input("rule-name").HasAttribute("disabled"));
        Assert.True(h.Input("rule-pattern").HasAttribute("disabled"));
        Assert.False(h.Input("rule-enabled").HasAttribute("disabled"));
    }
}
