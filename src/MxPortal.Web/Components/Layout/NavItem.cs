namespace MxPortal.Web.Components.Layout;

/// <summary>One entry of the navigation: where it goes, who may open it, and what the page holds.</summary>
public sealed record NavItem(string Title, string Href, string Icon, string Policy, string Description);
