using System.Net;
using MxPortal.Domain.MxRules;

namespace MxPortal.Domain.Routing;

/// <summary>Checks a list of sending identities and returns every error, each naming the identity and field.</summary>
public static class SendingIdentityValidator
{
    private const int MaxHostLength = 253;

    public static IReadOnlyList<string> Validate(IReadOnlyList<SendingIdentity> identities)
    {
        var errors = new List<string>();
        var seenIds = new HashSet<int>();
        var seenIps = new HashSet<IPAddress>();
        foreach (var identity in identities)
        {
            void Add(string field, string message) => errors.Add($"Identity {identity.PublicId}, {field}: {message}");

            if (identity.PublicId < 0) Add(nameof(identity.PublicId), "must not be negative.");
            else if (!seenIds.Add(identity.PublicId)) Add(nameof(identity.PublicId), "is used by another identity.");
            if (!IPAddress.TryParse(identity.SourceIp, out var ip)) Add(nameof(identity.SourceIp), $"'{identity.SourceIp}' is not an IP address.");
            else if (!seenIps.Add(ip)) Add(nameof(identity.SourceIp), $"{ip} is used by another identity.");
            if (!IsHostName(identity.HeloName)) Add(nameof(identity.HeloName), $"'{identity.HeloName}' is not a host name.");
            if (identity.Weight <= 0) Add(nameof(identity.Weight), $"must be a positive whole number (was {identity.Weight}).");
            foreach (var mask in identity.IncludeDomains.Concat(identity.ExcludeDomains))
                if (MxMask.Validate(mask) is { } maskError) Add("domain mask", $"'{mask}': {maskError}.");
        }
        return errors;
    }

    // Note: RFC 1123 host names; a HELO with an address literal is not offered, the engine needs a name
    // that resolves back to the source IP for deliverability anyway.
    private static bool IsHostName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxHostLength) return false;
        return name.TrimEnd('.').Split('.').All(label =>
            label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-' &&
            label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }
}
