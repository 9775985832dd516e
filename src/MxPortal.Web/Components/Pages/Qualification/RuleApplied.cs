namespace MxPortal.Web.Components.Pages.Qualification;

/// <summary>A rule created from a row, and how many To-qualify rows it re-qualified.</summary>
public sealed record RuleApplied(string Name, int Requalified);
