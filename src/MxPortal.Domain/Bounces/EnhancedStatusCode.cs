namespace MxPortal.Domain.Bounces;

/// <summary>An RFC 3463 enhanced status code <c>class.subject.detail</c>, e.g. 5.1.1.</summary>
public readonly record struct EnhancedStatusCode(int Class, int Subject, int Detail)
{
    public override string ToString() => $"{Class}.{Subject}.{Detail}";

    /// <summary>Parses a code that is the whole of <paramref name="text"/> (a DSN <c>Status:</c> field).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out EnhancedStatusCode code)
    {
        text = text.Trim();
        return TryFind(text, out code, out var at, out var length) && at == 0 && length == text.Length;
    }

    /// <summary>
    /// Finds the first enhanced status code in free text without allocating. The code must stand
    /// alone: a digit or dot on either side means it is part of an IP address or a version.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<char> text, out EnhancedStatusCode code) =>
        TryFind(text, out code, out _, out _);

    private static bool TryFind(ReadOnlySpan<char> text, out EnhancedStatusCode code, out int at, out int length)
    {
        for (var i = 0; i + 4 < text.Length; i++)
        {
            var c = text[i];
            if ((c != '2' && c != '4' && c != '5') || text[i + 1] != '.')
            {
                continue;
            }

            if (i > 0 && (char.IsAsciiDigit(text[i - 1]) || text[i - 1] == '.'))
            {
                continue;
            }

            var j = i + 2;
            if (!ReadNumber(text, ref j, 3, out var subject) || j >= text.Length || text[j] != '.')
            {
                continue;
            }

            j++;
            if (!ReadNumber(text, ref j, 3, out var detail))
            {
                continue;
            }

            if (j < text.Length && (char.IsAsciiDigit(text[j]) || (text[j] == '.' && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]))))
            {
                continue;
            }

            code = new EnhancedStatusCode(c - '0', subject, detail);
            at = i;
            length = j - i;
            return true;
        }

        code = default;
        at = length = 0;
        return false;
    }

    private static bool ReadNumber(ReadOnlySpan<char> text, ref int j, int maxDigits, out int value)
    {
        value = 0;
        var start = j;
        while (j < text.Length && char.IsAsciiDigit(text[j]) && j - start < maxDigits)
        {
            value = (value * 10) + (text[j] - '0');
            j++;
        }

        return j > start;
    }
}
