using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;

namespace MxPortal.Bench.Queries;

/// <summary>
/// Fills a migrated SQLite database with raw inserts (one transaction per table, prepared commands): bounce events over
/// the last 90 days, the bounce mails of the asynchronous ones, quarantine records with their history, the
/// qualification table and the day counters the pipelines keep. Deterministic (seeded).
/// </summary>
internal sealed class Generator(SqliteConnection db, DateTime now, int events, int addresses, int quarantined)
{
    private const int Days = 90;
    private const double AsyncShare = 0.2, AsyncComplaintShare = 0.05;
    private readonly Skew _skew = new(new Random(6));
    private readonly Dictionary<string, (string Normalized, string FirstRaw, FailureType Type, FailureReason Reason, long Count)> _texts = [];
    private readonly Dictionary<(DateTime, string), long[]> _domainDays = [];
    private readonly Dictionary<(DateTime, FailureType, FailureReason), long> _bounceDays = [];

    public static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public void Run(int mailboxId, long[] deliveries)
    {
        var pool = Enumerable.Range(0, addresses).Select(i => $"user{i}@{_skew.Domain()}").ToArray();
        Events(pool, mailboxId, deliveries);
        Quarantine(pool);
        Texts();
        Counters();
    }

    private void Events(string[] pool, int mailboxId, long[] deliveries)
    {
        using var tx = db.BeginTransaction();
        var mail = Command(tx, "ProcessedBounceMails", "MailboxId", "MessageKey", "UidValidity", "MessageId", "ProcessedUtc", "Outcome", "RawMail");
        var evt = Command(tx, "BounceEvents", "Address", "Domain", "Type", "Reason", "DecidedBy", "Decider", "Status", "DiagnosticText",
            "NormalizedTextMd5", "VerpToken", "IsComplaint", "Source", "AtUtc", "ProcessedBounceMailId", "DeliveryId");
        var start = now.AddDays(-Days);
        for (var i = 0; i < events; i++)
        {
            var r = _skew.Random;
            var at = start.AddSeconds((double)i / events * Days * 86400 + r.NextDouble());
            // 60 % of the events come from the addresses that end up in quarantine, the rest from everyone.
            var address = r.NextDouble() < 0.6 ? pool[_skew.Index(quarantined, 1.5)] : pool[_skew.Index(addresses, 1.2)];
            var domain = address[(address.IndexOf('@') + 1)..];
            var isAsync = r.NextDouble() < AsyncShare;
            var complaint = isAsync && r.NextDouble() < AsyncComplaintShare;
            var kind = complaint ? ErrorTexts.Complaint : _skew.Pick(ErrorTexts.All);
            var text = kind.Template.Replace("{a}", address).Replace("{n}", r.Next(1, 99999).ToString(CultureInfo.InvariantCulture))
                .Replace("{v}", ErrorTexts.Variants[_skew.Index(ErrorTexts.Variants.Length)]);
            string? md5 = null;
            if (kind.By != ClassificationSource.Report)
            {
                var normalized = ErrorTextNormalizer.Normalize(text);
                md5 = ErrorTextNormalizer.Md5(normalized);
                _texts[md5] = _texts.TryGetValue(md5, out var t) ? t with { Count = t.Count + 1 } : (normalized, text, kind.Type, kind.Reason, 1);
            }
            long? mailId = null;
            var delivery = r.NextDouble() < 0.9 ? deliveries[_skew.Index(deliveries.Length, 1.3)] : (long?)null;
            if (isAsync)
            {
                mailId = Insert(mail, mailboxId, $"k{i}", 1L, $"<m{i}@mx.{domain}>", Time(at), "Recorded",
                    Encoding.ASCII.GetBytes($"From: MAILER-DAEMON@mx.{domain}\r\nTo: bounce+{delivery}-{i}@sender.example\r\nSubject: Undelivered Mail\r\n\r\n{text}\r\n"));
            }
            Insert(evt, address, domain, kind.Type.ToString(), kind.Reason.ToString(), kind.By.ToString(), kind.Decider,
                kind.Status.Length == 0 ? null : kind.Status, text, md5, isAsync && delivery is { } d ? $"{d}-{i}" : null, complaint,
                isAsync ? "Async" : "Sync", Time(at), mailId, delivery);
            Count(at, domain, kind, complaint, isAsync);
        }
        tx.Commit();
    }

    private void Quarantine(string[] pool)
    {
        using var tx = db.BeginTransaction();
        var rec = Command(tx, "QuarantineRecords", "Address", "Domain", "Status", "StatusSinceUtc", "Type", "Reason", "ErrorCount",
            "FirstErrorUtc", "LastErrorUtc", "LastCountedErrorUtc", "LastErrorText", "DeliveryId", "Version");
        var hist = Command(tx, "QuarantineHistory", "RecordId", "AtUtc", "OldStatus", "NewStatus", "Kind", "Type", "Reason", "Text",
            "Actor", "Comment", "EventId", "Counted");
        var statuses = new (AddressStatus, double)[]
        {
            (AddressStatus.Quarantine, 0.6), (AddressStatus.WithErrors, 0.25), (AddressStatus.Denylisted, 0.05),
            (AddressStatus.Valid, 0.08), (AddressStatus.Allowlisted, 0.02),
        };
        for (var i = 0; i < quarantined; i++)
        {
            var r = _skew.Random;
            var status = _skew.Pick(statuses);
            var kind = status == AddressStatus.Denylisted ? ErrorTexts.Complaint : _skew.Pick(ErrorTexts.All);
            if (status == AddressStatus.Quarantine && kind.Type != FailureType.Hard && kind.Reason != FailureReason.MailboxFull) kind = ErrorTexts.All[0].Value;
            var first = now.AddDays(-90 * r.NextDouble());
            var since = first.AddDays((now - first).TotalDays * r.NextDouble());
            var text = kind.Template.Replace("{a}", pool[i]).Replace("{n}", "1").Replace("{v}", "alpha");
            var counted = status is AddressStatus.Quarantine or AddressStatus.WithErrors or AddressStatus.Denylisted;
            var id = Insert(rec, pool[i], pool[i][(pool[i].IndexOf('@') + 1)..], status.ToString(), Time(since),
                counted ? kind.Type.ToString() : null, counted ? kind.Reason.ToString() : null, counted ? r.Next(1, 4) : 0,
                Time(first), Time(since), counted ? Time(since) : null, text, null, 1);
            // The error that started it, then the status change (a release back to Valid for the Valid ones).
            Insert(hist, id, Time(first), "Valid", "Valid", "Error", kind.Type.ToString(), kind.Reason.ToString(), text, "system", null, $"gen:{i}:0", false);
            var (old, @new, actor) = status switch
            {
                AddressStatus.Valid => ("Quarantine", "Valid", "operator@example.test"),
                AddressStatus.Allowlisted => ("Valid", "Allowlisted", "operator@example.test"),
                _ => ("Valid", status.ToString(), "system"),
            };
            Insert(hist, id, Time(since), old, @new, actor == "system" ? "Error" : "Release", kind.Type.ToString(), kind.Reason.ToString(), text,
                actor, actor == "system" ? null : "checked with the customer", actor == "system" ? $"gen:{i}:1" : null, actor == "system");
        }
        tx.Commit();
    }

    private void Texts()
    {
        using var tx = db.BeginTransaction();
        var q = Command(tx, "ErrorQualifications", "NormalizedText", "Md5", "FirstRawText", "Count", "FirstSeenUtc", "LastSeenUtc", "Type", "Reason", "Status");
        foreach (var (md5, t) in _texts)
            Insert(q, t.Normalized, md5, t.FirstRaw, t.Count, Time(now.AddDays(-Days)), Time(now), t.Type.ToString(), t.Reason.ToString(), "Keep");
        tx.Commit();
    }

    /// <summary>What DailyStats would have added: per day and domain, attempts (the synchronous bounces and the
    /// messages sent, 10 to 80 per bounce depending on the domain), sends, bounces and complaints.</summary>
    private void Counters()
    {
        using var tx = db.BeginTransaction();
        var dd = Command(tx, "DomainDailyStats", "Day", "Domain", "Attempts", "Sent", "HardBounces", "SoftBounces", "Complaints");
        foreach (var ((day, domain), n) in _domainDays)
        {
            var perBounce = 10 + (Math.Abs(domain.GetHashCode(StringComparison.Ordinal)) % 71);
            var sent = Math.Max(1, n[0] * perBounce);
            Insert(dd, Time(day), domain, n[0] + sent, sent, n[1], n[2], n[3]);
        }
        var bd = Command(tx, "BounceDailyCounts", "Day", "Type", "Reason", "Count");
        foreach (var ((day, type, reason), n) in _bounceDays) Insert(bd, Time(day), type.ToString(), reason.ToString(), n);
        tx.Commit();
    }

    private void Count(DateTime at, string domain, ErrorTexts.Kind kind, bool complaint, bool isAsync)
    {
        var day = at.Date;
        if (!_domainDays.TryGetValue((day, domain), out var n)) _domainDays[(day, domain)] = n = new long[4];
        if (!isAsync) n[0]++;
        if (complaint) n[3]++;
        else if (kind.Type == FailureType.Hard) n[1]++;
        else if (kind.Type == FailureType.Soft) n[2]++;
        _bounceDays[(day, kind.Type, kind.Reason)] = _bounceDays.GetValueOrDefault((day, kind.Type, kind.Reason)) + 1;
    }

    private SqliteCommand Command(SqliteTransaction tx, string table, params string[] columns)
    {
        var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))}) RETURNING rowid";
        for (var i = 0; i < columns.Length; i++) cmd.Parameters.Add(new SqliteParameter($"$p{i}", null));
        cmd.Prepare();
        return cmd;
    }

    private static long Insert(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        return (long)cmd.ExecuteScalar()!;
    }
}
