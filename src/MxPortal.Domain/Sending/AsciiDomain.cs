using System.Globalization;

namespace MxPortal.Domain.Sending;

/// <summary>
/// Domains in ASCII (<c>bücher.de</c>: <c>xn--bcher-kva.de</c>): the form <see cref="EmailAddress"/> keeps recipients'
/// domains in, and through this same class the form quarantine keys and suppression entries typed in Unicode take.
/// </summary>
public static class AsciiDomain
{
    /// <summary>The domain in ASCII, unchanged when it is ASCII already.</summary>
    /// <exception cref="ArgumentException">The domain is not a valid international domain name.</exception>
    public static string Convert(string domain) =>
        // Note: IdnMapping instances are not documented as thread-safe, and this runs concurrently.
        domain.All(char.IsAscii) ? domain : new IdnMapping().GetAscii(domain);

    /// <summary>The address (or bare domain) with the part after its last '@' in ASCII; unchanged when that is no domain name.</summary>
    public static string Of(string value)
    {
        var at = value.LastIndexOf('@');
        try
        {
            return value[..(at + 1)] + Convert(value[(at + 1)..]);
        }
        catch (ArgumentException)
        {
            return value;
        }
    }
}
