using MxPortal.Domain.MxRules;

namespace MxPortal.Web.Components.Pages.MxRules;

/// <summary>A rule with its 1-based position, as the grid lists it.</summary>
public sealed record RuleRow(int Position, MxRule Rule);
