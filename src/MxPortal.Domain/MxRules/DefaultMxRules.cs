namespace MxPortal.Domain.MxRules;

/// <summary>
/// The rule set seeded on first run: the major mailbox providers, then the generic rule. No provider publishes
/// an hourly rate for senders, so every figure here is an MxPortal starting value chosen low on purpose (a new
/// IP earns its volume); raise them as reputation allows. Each comment says so plainly.
/// </summary>
public static class DefaultMxRules
{
    private const string NoPublishedRate =
        "MxPortal conservative starting value: the provider publishes no per-IP rate or connection limit";

    public static MxRuleSet Create() => MxRuleSet.Create(Rules()).GetOrThrow();

    public static IReadOnlyList<MxRule> Rules() =>
    [
        Provider("*.google.com", 10, 100, 10_000, Note("Google (Gmail, Workspace)",
            "Google's Email sender guidelines ask for SPF, DKIM, DMARC, one-click unsubscribe and a spam rate under 0.3%, and a gradual ramp-up")),
        Provider("*.googlemail.com", 10, 100, 10_000, Note("Google (googlemail.com MX names)", "same figures as *.google.com")),
        Provider("*.olc.protection.outlook.com", 5, 50, 5_000, Note("Microsoft consumer (outlook.com, hotmail, live)",
            "new senders commonly meet 4xx deferrals there; ramp up slowly")),
        Provider("*.mail.protection.outlook.com", 5, 50, 5_000, Note("Microsoft 365 (Exchange Online)",
            "each tenant has its own limits, unknown to senders")),
        Provider("*.yahoodns.net", 5, 50, 5_000, Note("Yahoo and AOL",
            "Yahoo's sender requirements ask for SPF, DKIM, DMARC, one-click unsubscribe and a low complaint rate")),
        Provider("*.mail.icloud.com", 5, 50, 2_000, Note("Apple iCloud", "lower start: smaller audience per sender")),
        Provider("*.gmx.net", 5, 50, 2_000, Note("GMX", "lower start: regional provider")),
        Provider("*.web.de", 5, 50, 2_000, Note("web.de", "lower start: regional provider")),
        Provider("*.orange.fr", 3, 20, 1_000, Note("Orange", "commonly reported to defer new senders quickly; start lowest")),
        Provider("*.comcast.net", 3, 20, 1_000, Note("Comcast", "start lowest")),
        new MxRule
        {
            Mask = MxRule.GenericMask,
            Shared = false,
            MaxConnections = 5,
            MaxMessagesPerConnection = 50,
            MessagesPerHour = 2_000,
            Source = RuleSource.Synced,
            // Note: seeded rules are Synced so the deliverability instance's feed may update them later.
            Comment = "Generic rule for every other MX host: MxPortal conservative starting value, not a provider figure. Must stay last.",
        },
    ];

    private static string Note(string provider, string note) => $"{provider}: {NoPublishedRate}; {note}.";

    // Note: provider rules are shared (one pool per identity for all of the provider's MX IPs) because big
    // providers judge a sender by its source IP, not by which of their MX addresses it reached.
    private static MxRule Provider(string mask, int connections, int perConnection, int perHour, string comment) => new()
    {
        Mask = mask,
        Shared = true,
        MaxConnections = connections,
        MaxMessagesPerConnection = perConnection,
        MessagesPerHour = perHour,
        Tls = TlsMode.Opportunistic,
        Source = RuleSource.Synced,
        Comment = comment,
    };
}
