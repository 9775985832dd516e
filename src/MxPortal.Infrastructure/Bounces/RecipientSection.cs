namespace MxPortal.Infrastructure.Bounces;

/// <summary>Cuts the part of a bounce text that is about one recipient (lines kept).</summary>
internal static class RecipientSection
{
    /// <summary>
    /// With one recipient, the whole text. With several, the text from the line where this
    /// recipient is first named to the line where the next one is, so each gets its own error.
    /// </summary>
    public static string For(string text, string address, IReadOnlyList<string> all)
    {
        if (all.Count <= 1)
        {
            return text;
        }

        var at = text.IndexOf(address, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return text;
        }

        var start = text.LastIndexOf('\n', at) + 1;
        var end = text.Length;
        foreach (var other in all)
        {
            if (other.Equals(address, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var next = text.IndexOf(other, at + address.Length, StringComparison.OrdinalIgnoreCase);
            if (next >= 0)
            {
                var lineStart = text.LastIndexOf('\n', next) + 1;
                end = Math.Min(end, Math.Max(lineStart, at + address.Length));
            }
        }

        return text[start..end];
    }
}
