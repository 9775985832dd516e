using Microsoft.EntityFrameworkCore;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Deliveries.Recipients;

/// <summary>
/// The equality filter whose index a query walks: <see cref="None"/> lets the database choose, <see cref="Ids"/> walks
/// none of them (the query has a short list of ids to read).
/// </summary>
internal enum RecipientFilterIndex { None, FailureReason, FailureType, State, Domain, Ids }

/// <summary>
/// Which index a list query over several equality filters walks, and the query that walks it. A page and its count walk
/// one index in list (id) order and check each entry against the other filters, so what they cost is the entries walked
/// times the cost of checking one: an index that carries the other filters' columns checks them in place (the state
/// index carries them all; a failure index the domain and the other failure column), otherwise each entry costs a row
/// read, about <see cref="RowReadCost"/> times more. The planners cannot weigh that on their own (SQLite keeps no
/// per-value statistics; "gmail.com and Failed and User unknown" is 30 % × 4 % × 70 % of the list), so each candidate is
/// counted along its own index first (index only; no further than could still beat the best so far, at most
/// <see cref="ProbeCap"/>), and the other filters are then written so that no index can serve them (<c>"State" + 0</c>,
/// <c>"Domain" || ''</c>): the rows and their order are the same whichever index is walked.
/// </summary>
internal static class RecipientFilterPlan
{
    /// <summary>How far a candidate filter is counted: past it, two filters count as equally common.</summary>
    public const int ProbeCap = 100_000;

    /// <summary>What checking one index entry against a filter its index does not carry costs, in index entries (a row read).</summary>
    public const int RowReadCost = 16;

    /// <summary>The cheapest of the filter's equality filters to walk when it has more than one; otherwise <see cref="RecipientFilterIndex.None"/>.</summary>
    public static async Task<RecipientFilterIndex> ChooseAsync(AppDbContext db, long deliveryId, RecipientListFilter f, CancellationToken ct)
    {
        // Note: in the order they usually win: the state index checks everything in place, the failure ones are small.
        var candidates = new[] { RecipientFilterIndex.State, RecipientFilterIndex.FailureReason, RecipientFilterIndex.FailureType, RecipientFilterIndex.Domain }
            .Where(c => Has(f, c)).ToList();
        if (candidates.Count < 2) return RecipientFilterIndex.None;
        var (best, bestCost) = (RecipientFilterIndex.None, long.MaxValue);
        foreach (var candidate in candidates.TakeWhile(_ => bestCost > 0))
        {
            var perEntry = Covers(f, candidate) ? 1 : RowReadCost;
            // Note: counting one entry past what could beat the best so far is enough to know it does not.
            var cap = (int)Math.Min(ProbeCap, bestCost / perEntry) + 1;
            var n = await Apply(db.DeliveryRecipients.Where(r => r.DeliveryId == deliveryId), f, only: candidate).Take(cap).CountAsync(ct);
            if ((long)n * perEntry < bestCost) (best, bestCost) = (candidate, (long)n * perEntry);
        }
        return best;
    }

    /// <summary>Whether <paramref name="drive"/>'s index carries every other equality filter of <paramref name="f"/> (see DeliveryRecipientConfiguration).</summary>
    private static bool Covers(RecipientListFilter f, RecipientFilterIndex drive) => drive switch
    {
        RecipientFilterIndex.State => true,
        RecipientFilterIndex.FailureReason or RecipientFilterIndex.FailureType => f.State is null,
        _ => false,
    };

    /// <summary>The delivery's recipients that match <paramref name="f"/> (all but "address contains"), walking <paramref name="drive"/>'s index.</summary>
    public static IQueryable<DeliveryRecipient> Filter(AppDbContext db, long deliveryId, RecipientListFilter f, RecipientFilterIndex drive) =>
        Apply(db.DeliveryRecipients.AsNoTracking().Where(r => r.DeliveryId == deliveryId), f, drive, only: null);

    private static bool Has(RecipientListFilter f, RecipientFilterIndex c) => c switch
    {
        RecipientFilterIndex.State => f.State is not null,
        RecipientFilterIndex.Domain => Domain(f) is not null,
        RecipientFilterIndex.FailureType => f.FailureType is not null,
        RecipientFilterIndex.FailureReason => f.FailureReason is not null,
        _ => false,
    };

    // Note: domains are stored lower-case (EmailAddress.Domain).
    private static string? Domain(RecipientListFilter f) => string.IsNullOrWhiteSpace(f.Domain) ? null : f.Domain.Trim().ToLowerInvariant();

    /// <summary>
    /// The equality filters (or only <paramref name="only"/>). With a <paramref name="drive"/>, the others are compared
    /// through "+ 0" / "|| ''" (parameters, which the SQL translators keep as written) so the planner cannot walk their index.
    /// </summary>
    private static IQueryable<DeliveryRecipient> Apply(IQueryable<DeliveryRecipient> q, RecipientListFilter f,
        RecipientFilterIndex drive = RecipientFilterIndex.None, RecipientFilterIndex? only = null)
    {
        bool Plain(RecipientFilterIndex c) => drive == RecipientFilterIndex.None || drive == c;
        bool Wanted(RecipientFilterIndex c) => (only is null || only == c) && Has(f, c);
        var zero = 0;
        var empty = "";
        if (Wanted(RecipientFilterIndex.State))
        {
            var state = f.State!.Value;
            var value = (int)state;
            q = Plain(RecipientFilterIndex.State) ? q.Where(r => r.State == state) : q.Where(r => (int)r.State + zero == value);
        }
        if (Wanted(RecipientFilterIndex.Domain))
        {
            var domain = Domain(f)!;
            q = Plain(RecipientFilterIndex.Domain) ? q.Where(r => r.Domain == domain) : q.Where(r => r.Domain + empty == domain);
        }
        if (Wanted(RecipientFilterIndex.FailureType))
        {
            var type = f.FailureType!.Value;
            int? value = (int)type;
            q = Plain(RecipientFilterIndex.FailureType) ? q.Where(r => r.FailureType == type) : q.Where(r => (int?)r.FailureType + zero == value);
        }
        if (Wanted(RecipientFilterIndex.FailureReason))
        {
            var reason = f.FailureReason!.Value;
            int? value = (int)reason;
            q = Plain(RecipientFilterIndex.FailureReason) ? q.Where(r => r.FailureReason == reason) : q.Where(r => (int?)r.FailureReason + zero == value);
        }
        return q;
    }
}
