using Microsoft.AspNetCore.Components;
using MudBlazor;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Rules;

namespace MxPortal.Web.Components.Pages.BounceRules;

public sealed partial class BounceRuleDialog
{
    private BounceRuleForm _form = new();
    private BounceRuleErrors _errors = new();
    private string? _sample, _testResult;
    private bool _saving;

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = default!;

    /// <summary>The rules as the page shows them, in order; the candidate is validated against them before saving.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<StoredBounceRule> Rules { get; set; } = [];

    /// <summary>The key of the rule being edited; null to add one.</summary>
    [Parameter] public Guid? EditedKey { get; set; }

    /// <summary>Stores the rule at the given zero-based position (the page passes the store call).</summary>
    [Parameter, EditorRequired] public Func<BounceRule, int, Task<BounceRuleChange>> Save { get; set; } = default!;

    private StoredBounceRule? Edited => EditedKey is { } key ? Rules.FirstOrDefault(r => r.Key == key) : null;

    private bool IsSynced => Edited?.IsSynced == true;

    protected override void OnInitialized()
    {
        if (Edited is { } edited) _form = BounceRuleForm.From(edited);
    }

    private int Index => Edited?.Position ?? Math.Clamp(_form.Position, 1, Rules.Count + 1) - 1;

    private void TestPattern()
    {
        var rule = _form.ToRule();
        rule.Enabled = true;
        var alone = BounceRuleSet.Compile([rule]);
        if (alone.RuleSet is not { } single)
        {
            _testResult = string.Join(" ", alone.Errors);
            return;
        }

        var text = _sample ?? "";
        var candidate = Rules.Select(r => r.Rule).ToList();
        if (Edited is null) candidate.Insert(Index, rule);
        else candidate[Index] = rule;
        _testResult = single.Match(text) is null ? "The pattern does not match this text." : "The pattern matches this text.";
        if (BounceRuleSet.Compile(candidate).RuleSet is { } set && new BounceClassifier(set).Classify(text) is var verdict)
            _testResult += $" With this rule in its place, the rules qualify it {verdict.Type} / {verdict.Reason.ToDisplayName()} ({verdict.Explanation}).";
    }

    private async Task SaveAsync()
    {
        if (EditedKey is not null && Edited is null)
        {
            _errors = new();
            _errors.General.Add("This rule no longer exists; close this dialog and reload the page.");
            return;
        }

        var rule = _form.ToRule();
        _errors = BounceRuleErrors.Check([.. Rules.Select(r => r.Rule)], rule, Index, replace: Edited is not null,
            patternChanged: Edited?.Rule.Pattern != rule.Pattern);
        if (_errors.Any) return;
        _saving = true;
        try
        {
            var change = await Save(rule, Index);
            if (change.Applied) MudDialog.Close(DialogResult.Ok(rule));
            else _errors.Add(change.Errors, rule.Name);
        }
        finally
        {
            _saving = false;
        }
    }
}
