using System.Globalization;

namespace MxPortal.Domain.Sending;

/// <summary>
/// The domain of an address in ASCII (<c>bücher.de</c>: <c>xn--bcher-kva.de</c>), the form <see cref="EmailAddress"/>
/// keeps recipients' domains in, so that quarantine keys and suppression entries typed in Unicode match them.
/// </summary>
public static class AsciiDomain
{
    /// <summary>The address (or bare domain) with the part after its last '@' in ASCII; unchanged when that is no domain name.</summary>
    public static string Of(string value)
    {
        var at = value.LastIndexOf('@');
        var domain = value[(at + 1)..];
        if (domain.All(char.IsAscii)) return value;
        try
        {
            // Note: IdnMapping instances are not documented as thread-safe, and this runs concurrently.
            return value[..(at + 1)] + new IdnMapping().GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return value;
        }
    }
}
