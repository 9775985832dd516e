using Microsoft.AspNetCore.Components;
using MudBlazor;
using MxPortal.Domain.MxRules;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Web.Components.Pages.MxRules;

public sealed partial class MxRuleDialog
{
    private MxRuleForm _form = new();
    private Dictionary<string, string> _fields = [];
    private List<string> _general = [];
    private bool _saving;

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = default!;

    /// <summary>The set as the page shows it; the candidate change is validated against it before saving.</summary>
    [Parameter, EditorRequired] public MxRuleSet RuleSet { get; set; } = default!;

    /// <summary>The mask of the rule being edited; null to add a rule.</summary>
    [Parameter] public string? OriginalMask { get; set; }

    /// <summary>Stores the rule (the page passes the store call); what it refuses is shown like a validation error.</summary>
    [Parameter, EditorRequired] public Func<MxRule, Task<MxRuleChange>> Save { get; set; } = default!;

    private int? EditedIndex
    {
        get
        {
            for (var i = 0; OriginalMask is not null && i < RuleSet.Rules.Count; i++)
                if (RuleSet.Rules[i].Mask == OriginalMask) return i;
            return null;
        }
    }

    private bool IsGeneric => OriginalMask is not null && EditedIndex is { } i && RuleSet.Rules[i].IsGeneric;

    protected override void OnInitialized()
    {
        if (EditedIndex is { } i) _form = MxRuleForm.From(RuleSet.Rules[i]);
    }

    private bool Has(string field) => _fields.ContainsKey(field);

    private string ErrorOf(string field) => _fields.GetValueOrDefault(field, "");

    private async Task SaveAsync()
    {
        _fields = [];
        _general = [];
        var rule = _form.ToRule(_fields);
        if (rule is null) return;
        if (OriginalMask is not null && EditedIndex is null)
        {
            _general.Add($"The rule '{OriginalMask}' no longer exists; close this dialog and reload the page.");
            return;
        }
        var index = EditedIndex ?? RuleSet.Rules.Count - 1;
        var candidate = OriginalMask is null ? RuleSet.Insert(index, rule) : RuleSet.Replace(index, rule);
        if (!candidate.IsValid)
        {
            Show(candidate.Errors, index);
            return;
        }
        _saving = true;
        try
        {
            var change = await Save(rule);
            if (change.Applied) MudDialog.Close(DialogResult.Ok(rule));
            else Show(change.Errors, index);
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>Errors about this rule go on their fields; anything else (another rule, the set) above the form.</summary>
    private void Show(IReadOnlyList<RuleError> errors, int index)
    {
        foreach (var e in errors)
        {
            if (e.Index == index && e.Field.Length > 0 && !_fields.ContainsKey(e.Field)) _fields[e.Field] = e.Message;
            else if (e.Index == index && e.Field.Length > 0) _fields[e.Field] += " " + e.Message;
            else _general.Add(e.Index == index ? e.Message : e.ToString());
        }
    }
}
