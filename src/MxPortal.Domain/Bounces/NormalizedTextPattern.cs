using System.Text;
using System.Text.RegularExpressions;

namespace MxPortal.Domain.Bounces;

/// <summary>
/// Turns a normalized error text (<see cref="ErrorTextNormalizer"/>) back into a rule pattern that matches the raw
/// texts it stands for: the words are kept literally, <c>#xxx#</c> becomes any token, <c>*</c> any address, and
/// whitespace any run of whitespace. It is a starting point for a person to shorten, not a final rule.
/// </summary>
public static class NormalizedTextPattern
{
    // What the normalizer turns into #xxx# (letters, digits and . _ - / =) and into * (an address, maybe in <>).
    private const string AnyToken = @"[\w./=-]+";
    private const string AnyAddress = @"\S*";

    public static string Suggest(string normalizedText)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        var pattern = new StringBuilder();
        var text = normalizedText.Trim();
        for (var i = 0; i < text.Length;)
        {
            if (text.AsSpan(i).StartsWith(ErrorTextNormalizer.Variable, StringComparison.Ordinal))
            {
                pattern.Append(AnyToken);
                i += ErrorTextNormalizer.Variable.Length;
            }
            else if (text[i] == '*')
            {
                pattern.Append(AnyAddress);
                i++;
            }
            else if (char.IsWhiteSpace(text[i]))
            {
                pattern.Append(@"\s+");
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && text[i] != '*' && !char.IsWhiteSpace(text[i])
                       && !text.AsSpan(i).StartsWith(ErrorTextNormalizer.Variable, StringComparison.Ordinal)) i++;
                pattern.Append(Regex.Escape(text[start..i]));
            }
        }

        return pattern.ToString();
    }
}
