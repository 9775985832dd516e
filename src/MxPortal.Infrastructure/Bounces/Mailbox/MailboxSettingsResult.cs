namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>The outcome of a mailbox settings change: the mailbox id, or errors keyed by field (e.g. "Host", "" for the whole).</summary>
public sealed record MailboxSettingsResult(int? Id, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static MailboxSettingsResult Ok(int id) => new(id, new Dictionary<string, IReadOnlyList<string>>());

    public static MailboxSettingsResult Fail(string field, string message) =>
        new(null, new Dictionary<string, IReadOnlyList<string>> { [field] = [message] });
}
