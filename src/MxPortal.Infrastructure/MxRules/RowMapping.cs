using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;

namespace MxPortal.Infrastructure.MxRules;

/// <summary>Between the stored rows and the domain records; the only place that knows both shapes.</summary>
internal static class RowMapping
{
    public static MxRule ToDomain(MxRuleRow r) => new()
    {
        Mask = r.Mask,
        Identifiers = r.Identifiers,
        Shared = r.Shared,
        MaxConnections = r.MaxConnections,
        MaxMessagesPerConnection = r.MaxMessagesPerConnection,
        MessagesPerHour = r.MessagesPerHour,
        ConnectionTimeout = TimeSpan.FromSeconds(r.ConnectionTimeoutSeconds),
        DataTimeout = TimeSpan.FromSeconds(r.DataTimeoutSeconds),
        Timeout = TimeSpan.FromSeconds(r.TimeoutSeconds),
        Tls = (TlsMode)r.Tls,
        Enabled = r.Enabled,
        Source = (RuleSource)r.Source,
        Comment = r.Comment,
    };

    public static MxRuleRow ToRow(MxRule r, int position) => new()
    {
        Position = position,
        Mask = r.Mask.Trim(),
        Identifiers = r.Identifiers.Trim(),
        Shared = r.Shared,
        MaxConnections = r.MaxConnections,
        MaxMessagesPerConnection = r.MaxMessagesPerConnection,
        MessagesPerHour = r.MessagesPerHour,
        ConnectionTimeoutSeconds = (long)r.ConnectionTimeout.TotalSeconds,
        DataTimeoutSeconds = (long)r.DataTimeout.TotalSeconds,
        TimeoutSeconds = (long)r.Timeout.TotalSeconds,
        Tls = (int)r.Tls,
        Enabled = r.Enabled,
        Source = (int)r.Source,
        Comment = r.Comment,
    };

    public static SendingIdentity ToDomain(SendingIdentityRow r) => new()
    {
        PublicId = r.PublicId,
        SourceIp = r.SourceIp,
        HeloName = r.HeloName,
        Weight = r.Weight,
        IncludeDomains = Split(r.IncludeDomains),
        ExcludeDomains = Split(r.ExcludeDomains),
        Enabled = r.Enabled,
    };

    public static void CopyTo(SendingIdentity i, SendingIdentityRow row)
    {
        row.PublicId = i.PublicId;
        row.SourceIp = i.SourceIp.Trim();
        row.HeloName = i.HeloName.Trim();
        row.Weight = i.Weight;
        row.IncludeDomains = string.Join(',', i.IncludeDomains.Select(m => m.Trim()));
        row.ExcludeDomains = string.Join(',', i.ExcludeDomains.Select(m => m.Trim()));
        row.Enabled = i.Enabled;
    }

    private static string[] Split(string masks) =>
        masks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
