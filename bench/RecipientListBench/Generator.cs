using System.Globalization;
using Microsoft.Data.Sqlite;
using MxPortal.Bench.Queries;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sending;

namespace MxPortal.Bench.RecipientList;

/// <summary>
/// Generates the recipients of migrated deliveries (written by <see cref="Run"/> on SQLite, by PostgresSeed on PostgreSQL), as
/// a delivery looks in the middle of its run: 70 % sent, 14 % pending, deferred (a quarter of yahoo.com, 5 % elsewhere),
/// 4 % failed, 2 % skipped, 0.5 % in flight, none cancelled; the failure type, reason and last reply each state leaves.
/// Deterministic (seeded).
/// </summary>
internal sealed class Generator(DateTime now)
{
    private readonly Skew _skew = new(new Random(11));

    /// <summary>The columns a seed row fills, in <see cref="SeedRow.Values"/>' order.</summary>
    public static readonly string[] Columns = ["DeliveryId", "Address", "AddressKey", "Domain", "FieldsJson", "State", "Attempts",
        "NextAttemptUtc", "LeaseUntilUtc", "LeaseOwner", "LastAttemptUtc", "LastReply", "FailureType", "FailureReason"];

    /// <summary>The counters the engine and the start keep (both providers).</summary>
    public const string CountersSql = """
        UPDATE "Deliveries" SET
          "SentCount" = (SELECT COUNT(*) FROM "DeliveryRecipients" r WHERE r."DeliveryId" = "Deliveries"."Id" AND r."State" = 3),
          "FailedCount" = (SELECT COUNT(*) FROM "DeliveryRecipients" r WHERE r."DeliveryId" = "Deliveries"."Id" AND r."State" = 4),
          "SkippedCount" = (SELECT COUNT(*) FROM "DeliveryRecipients" r WHERE r."DeliveryId" = "Deliveries"."Id" AND r."State" = 5)
        """;

    public static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>SQLite: one prepared INSERT per row, one transaction per delivery (times as the EF SQLite provider writes them).</summary>
    public void Run(SqliteConnection db, long deliveryId, int count, int firstNumber)
    {
        using var tx = db.BeginTransaction();
        using var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"DeliveryRecipients\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";
        var p = Columns.Select(c => cmd.Parameters.Add(new SqliteParameter("@" + c, null))).ToArray();
        cmd.Prepare();
        foreach (var row in Rows(deliveryId, count, firstNumber))
        {
            var values = row.Values();
            for (var i = 0; i < p.Length; i++)
                p[i].Value = values[i] switch { null => DBNull.Value, DateTime t => Time(t), RecipientState s => (int)s,
                    FailureType t => (int)t, FailureReason r => (int)r, var v => v };
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>The delivery's <paramref name="count"/> recipients, numbered from <paramref name="firstNumber"/>.</summary>
    public IEnumerable<SeedRow> Rows(long deliveryId, int count, int firstNumber)
    {
        var r = _skew.Random;
        for (var i = 0; i < count; i++)
        {
            var n = firstNumber + i;
            var domain = _skew.Domain();
            // 1 address in 10 has capitals, as imported lists do.
            var address = (n % 10 == 0 ? "User" : "user") + n.ToString(CultureInfo.InvariantCulture) + "@" + domain;
            var u = r.NextDouble();
            var deferredShare = domain == "yahoo.com" ? 0.25 : 0.05;
            var state = u < 0.70 ? RecipientState.Sent
                : u < 0.70 + deferredShare ? RecipientState.Deferred
                : u < 0.74 + deferredShare ? RecipientState.Failed
                : u < 0.76 + deferredShare ? RecipientState.Skipped
                : u < 0.765 + deferredShare ? RecipientState.InFlight
                : RecipientState.Pending;
            var last = now.AddSeconds(-r.Next(1, 6 * 3600));
            (int Attempts, DateTime? Next, DateTime? LastAt, string? Reply, FailureType? Type, FailureReason? Reason) outcome = state switch
            {
                RecipientState.Sent => (r.NextDouble() < 0.1 ? 2 : 1, null, last, $"250 2.0.0 Ok: queued as {r.NextInt64(0x100000000, 0xFFFFFFFFF):X}", null, null),
                RecipientState.Deferred => Deferred(r, address, last),
                RecipientState.Failed => Failed(r, address, last),
                RecipientState.Skipped => (0, null, null, null, null, r.NextDouble() < 0.8 ? FailureReason.AddressInQuarantine : FailureReason.DenylistedAddress),
                RecipientState.InFlight => (0, null, null, null, null, null),
                _ => (0, null, null, null, null, null),
            };
            yield return new SeedRow(deliveryId, address, address.ToLowerInvariant(), domain,
                $"{{\"FirstName\":\"Name{n % 997}\",\"LastName\":\"Family{n % 1009}\",\"Customer\":\"{n}\"}}",
                state, outcome.Attempts, outcome.Next, state == RecipientState.InFlight ? now.AddMinutes(5) : null,
                state == RecipientState.InFlight ? "node-1/run" : null, outcome.LastAt, outcome.Reply, outcome.Type, outcome.Reason);
        }
    }

    private (int, DateTime?, DateTime?, string?, FailureType?, FailureReason?) Deferred(Random r, string address, DateTime last)
    {
        var u = r.NextDouble();
        var (reply, reason) = u < 0.5
            ? ("421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints", FailureReason.NotDefined)
            : u < 0.8
                ? ($"452 4.2.2 <{address}>: Mailbox full, user is over quota", FailureReason.MailboxFull)
                : ("451 4.7.1 Greylisted, please try again later", FailureReason.Refused);
        return (r.Next(1, 5), last.AddMinutes(r.Next(10, 240)), last, reply, FailureType.Soft, reason);
    }

    private static (int, DateTime?, DateTime?, string?, FailureType?, FailureReason?) Failed(Random r, string address, DateTime last)
    {
        var u = r.NextDouble();
        var (reply, reason) = u < 0.7
            ? ($"550 5.1.1 <{address}>: Recipient address rejected: User unknown in virtual mailbox table", FailureReason.UserUnknown)
            : u < 0.8
                ? ("550 5.1.2 Host or domain name not found. Name service error", FailureReason.InvalidDomain)
                : u < 0.9
                    ? ("550 5.2.1 The email account that you tried to reach is disabled", FailureReason.InactiveUser)
                    : ("554 5.7.1 Service unavailable; client host blocked using zen.spamhaus.org", FailureReason.Refused);
        return (1, null, last, reply, FailureType.Hard, reason);
    }
}

/// <summary>One generated recipient (UTC times).</summary>
internal readonly record struct SeedRow(long DeliveryId, string Address, string AddressKey, string Domain, string FieldsJson,
    RecipientState State, int Attempts, DateTime? NextAttemptUtc, DateTime? LeaseUntilUtc, string? LeaseOwner, DateTime? LastAttemptUtc,
    string? LastReply, FailureType? FailureType, FailureReason? FailureReason)
{
    /// <summary>The values in <see cref="Generator.Columns"/>' order.</summary>
    public object?[] Values() => [DeliveryId, Address, AddressKey, Domain, FieldsJson, State, Attempts, NextAttemptUtc, LeaseUntilUtc,
        LeaseOwner, LastAttemptUtc, LastReply, FailureType, FailureReason];
}
