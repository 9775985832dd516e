namespace MxPortal.Web.Components.Pages.MxRules;

/// <summary>One line of a domain test: an MX host, a sending identity, the rule that governs them and its limits.</summary>
public sealed record HostRuleRow(
    string Host,
    int Preference,
    string Addresses,
    string Identity,
    int RuleNumber,
    string Mask,
    string Why,
    string Level,
    int MaxConnections,
    int MessagesPerConnection,
    int MessagesPerHour,
    int MessagesPerSlice,
    string BudgetKey);
