using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Qualification;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Web.Components.Pages.BounceRules;

namespace MxPortal.Web.Components.Pages.Qualification;

public sealed partial class CreateRuleDialog
{
    private IReadOnlyList<StoredBounceRule>? _rules;
    private BounceRuleForm _form = new();
    private BounceRuleErrors _errors = new();
    private RulePreviewResult? _preview;
    private string? _previewedFor;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = default!;
    [Inject] private QualificationService Service { get; set; } = default!;
    [Inject] private BounceRuleStore Store { get; set; } = default!;

    [Parameter, EditorRequired] public ErrorQualification Row { get; set; } = default!;
    [Parameter, EditorRequired] public ClaimsPrincipal Actor { get; set; } = default!;

    private int Index => Math.Clamp(_form.Position, 1, (_rules?.Count ?? 0) + 1) - 1;

    private string Snapshot => $"{_form.Name}\n{_form.Pattern}\n{_form.Type}\n{_form.Reason}\n{_form.Enabled}\n{Index}";

    protected override async Task OnInitializedAsync()
    {
        _rules = await Store.ListAsync();
        var suggested = QualificationService.SuggestRule(Row);
        // Note: a rule made for one text is more specific than the defaults, so it goes first unless moved.
        _form = new BounceRuleForm
        {
            Name = suggested.Name, Pattern = suggested.Pattern, Type = suggested.Type, Reason = suggested.Reason,
            Comment = suggested.Comment, Position = 1,
        };
    }

    private bool Validate(BounceRule rule)
    {
        _errors = BounceRuleErrors.Check([.. _rules!.Select(r => r.Rule)], rule, Index, replace: false, patternChanged: true);
        return !_errors.Any;
    }

    private async Task PreviewAsync()
    {
        var rule = _form.ToRule();
        if (_rules is null || !Validate(rule)) return;
        _busy = true;
        try
        {
            var snapshot = Snapshot;
            var preview = await Service.PreviewAsync(rule, Index);
            if (!preview.IsValid)
            {
                _errors.Add(preview.Errors, rule.Name);
                return;
            }
            (_preview, _previewedFor) = (preview, snapshot);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SaveAsync()
    {
        var rule = _form.ToRule();
        if (_rules is null || !Validate(rule)) return;
        _busy = true;
        try
        {
            var (change, requalified) = await Service.CreateRuleAsync(Actor, rule, Index);
            if (change.Applied) MudDialog.Close(DialogResult.Ok(new RuleApplied(rule.Name, requalified)));
            else _errors.Add(change.Errors, rule.Name);
        }
        finally
        {
            _busy = false;
        }
    }
}
