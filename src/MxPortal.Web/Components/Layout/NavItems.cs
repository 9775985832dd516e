using MudBlazor;
using MxPortal.Domain.Access;

namespace MxPortal.Web.Components.Layout;

/// <summary>The portal's navigation, by feature. The menu shows an item only when the user's role passes its policy.</summary>
public static class NavItems
{
    public static NavItem Dashboard { get; } = new("Dashboard", "/", Icons.Material.Filled.Dashboard, Policies.Read,
        "bounces per day by type and reason, quarantine growth, domains above the hard/soft/complaint thresholds, active back-offs.");
    public static NavItem Deliveries { get; } = new("Deliveries", "/deliveries", Icons.Material.Filled.Send, Policies.Read,
        "deliveries with their recipient lists, live progress per domain, throughput and the state of each sending budget.");
    public static NavItem MxRules { get; } = new("MX rules", "/mx-rules", Icons.Material.Filled.Speed, Policies.Read,
        "the ordered MX throttling rules, the throughput level and a domain tester.");
    public static NavItem BounceRules { get; } = new("Bounce rules", "/bounce-rules", Icons.Material.Filled.Rule, Policies.Read,
        "the ordered regex rules that qualify error texts into a type and a reason, with a rule tester.");
    public static NavItem BounceLog { get; } = new("Bounce log", "/bounce-log", Icons.Material.Filled.ManageSearch, Policies.Read,
        "every bounce event, synchronous and asynchronous, searchable and exportable.");
    public static NavItem Qualification { get; } = new("Qualification", "/qualification", Icons.Material.Filled.FactCheck, Policies.Read,
        "normalized error texts waiting for qualification, with rule creation from a row.");
    public static NavItem Quarantine { get; } = new("Quarantine", "/quarantine", Icons.Material.Filled.Block, Policies.Read,
        "quarantined and denylisted addresses, their history and release with a reason.");
    public static NavItem Synchronization { get; } = new("Synchronization", "/synchronization", Icons.Material.Filled.Sync, Policies.Read,
        "rule synchronization with the deliverability instance: history, diffs, Custom mode and drift.");
    public static NavItem Identities { get; } = new("Sending identities", "/identities", Icons.Material.Filled.Lan, Policies.ManageIdentities,
        "the source IPs the engine sends from: HELO name, public id, weight and recipient-domain masks.");
    public static NavItem BounceMailboxes { get; } = new("Bounce mailboxes", "/bounce-mailboxes", Icons.Material.Filled.MarkEmailUnread, Policies.ManageMailboxes,
        "the return-path mailboxes polled for bounce mails, a connection test, the last poll and the unparsed mails.");
    public static NavItem Users { get; } = new("Users", "/users", Icons.Material.Filled.People, Policies.ManageUsers,
        "team members, their roles, password resets and account locks.");
    public static NavItem Audit { get; } = new("Audit", "/audit", Icons.Material.Filled.History, Policies.ReadAudit,
        "who did what and when, searchable and exportable.");
    public static NavItem Jobs { get; } = new("Jobs", "/jobs", Icons.Material.Filled.WorkHistory, Policies.Jobs,
        "background jobs: recurring schedules, queues and failures.");

    public static IReadOnlyList<NavItem> All { get; } =
        [Dashboard, Deliveries, MxRules, BounceRules, BounceLog, Qualification, Quarantine, Synchronization, Identities, BounceMailboxes, Users, Audit, Jobs];
}
