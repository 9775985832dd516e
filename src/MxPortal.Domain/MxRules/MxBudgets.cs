using System.Net;
using MxPortal.Domain.Routing;

namespace MxPortal.Domain.MxRules;

/// <summary>The budget of one delivery path: which quota pool it draws from and that pool's limits.</summary>
public static class MxBudgets
{
    /// <summary>The hourly budget is spent in 12 five-minute slices (DOMAIN.md §2).</summary>
    public const int SlicesPerHour = 12;

    /// <summary>
    /// The rule governing <paramref name="mxHost"/> for this identity, its pool key and its limits scaled to
    /// <paramref name="level"/> (messages per connection are not scaled).
    /// </summary>
    public static MxBudget For(MxRuleSet rules, ThroughputLevels levels, ThroughputLevel level,
        SendingIdentity identity, string mxHost, IPAddress remoteIp)
    {
        var index = rules.MatchIndex(mxHost, identity.PublicId);
        var rule = rules.Rules[index];
        var key = new BudgetKey(MxMask.Normalize(rule.Mask), identity.PublicId, rule.Shared ? null : remoteIp);
        var perHour = levels.Scale(rule.MessagesPerHour, level);
        return new MxBudget(key, rule, index, level,
            MaxConnections: levels.Scale(rule.MaxConnections, level),
            MessagesPerConnection: rule.MaxMessagesPerConnection,
            MessagesPerHour: perHour,
            MessagesPerSlice: PerSlice(perHour));
    }

    /// <summary>The same at the identity's level: its override, else the instance level.</summary>
    public static MxBudget For(MxRuleSet rules, ThroughputLevels levels, ThroughputSettings settings,
        SendingIdentity identity, string mxHost, IPAddress remoteIp) =>
        For(rules, levels, settings.LevelFor(identity.PublicId), identity, mxHost, remoteIp);

    /// <summary>
    /// Rounded down so twelve slices never exceed the hour (10,000/h gives 833, DOMAIN.md's figure), but at
    /// least 1, else a rule under 12/h could never send. Below 12/h the hourly count is the binding limit and
    /// the engine must check both.
    /// </summary>
    public static int PerSlice(int messagesPerHour) => Math.Max(1, messagesPerHour / SlicesPerHour);
}
