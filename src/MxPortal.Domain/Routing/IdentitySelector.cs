using MxPortal.Domain.MxRules;

namespace MxPortal.Domain.Routing;

/// <summary>
/// Chooses the sending identity for a recipient domain: enabled identities whose include masks accept the
/// domain (no include mask = any) and no exclude mask matches, then a weighted random pick. Masks are
/// compiled once, at construction, because this runs per message.
/// </summary>
public sealed class IdentitySelector
{
    private readonly (SendingIdentity Identity, MxMask[] Include, MxMask[] Exclude)[] _entries;

    public IdentitySelector(IEnumerable<SendingIdentity> identities)
    {
        _entries = identities
            .Where(i => i.Enabled)
            .Select(i => (i, i.IncludeDomains.Select(MxMask.Compile).ToArray(), i.ExcludeDomains.Select(MxMask.Compile).ToArray()))
            .ToArray();
    }

    public IReadOnlyList<SendingIdentity> Eligible(string recipientDomain)
    {
        var result = new List<SendingIdentity>();
        foreach (var (identity, include, exclude) in _entries)
        {
            var included = include.Length == 0 || include.Any(m => m.IsMatch(recipientDomain));
            if (included && !exclude.Any(m => m.IsMatch(recipientDomain))) result.Add(identity);
        }
        return result;
    }

    /// <summary>
    /// A weighted pick among the eligible identities; null when none may send to the domain.
    /// <paramref name="random"/> is injected so tests can seed it.
    /// </summary>
    public SendingIdentity? Pick(string recipientDomain, Random random)
    {
        var eligible = Eligible(recipientDomain);
        var total = eligible.Sum(i => (long)i.Weight);
        if (total <= 0) return null;
        var ticket = random.NextInt64(total);
        foreach (var identity in eligible)
        {
            ticket -= identity.Weight;
            if (ticket < 0) return identity;
        }
        throw new System.Diagnostics.UnreachableException();
    }
}
