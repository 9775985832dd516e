using MimeKit;

namespace MxPortal.Infrastructure.Bounces;

/// <summary>
/// One block of DSN fields (RFC 3464 §2.2/§2.3) as plain name/value pairs; cheaper than a MimeKit
/// HeaderList, which re-encodes every value it is given.
/// </summary>
internal sealed class DsnFields : List<KeyValuePair<string, string>>
{
    public string? this[string name]
    {
        get
        {
            foreach (var (field, value) in this)
            {
                if (field.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            return null;
        }
    }

    public static DsnFields From(HeaderList headers)
    {
        var fields = new DsnFields();
        foreach (var header in headers)
        {
            fields.Add(new(header.Field, header.Value));
        }

        return fields;
    }

    /// <summary>Parses a text block of "Name: value" lines with folded continuation lines.</summary>
    public static DsnFields Parse(string block)
    {
        var fields = new DsnFields();
        string? name = null;
        var value = "";
        foreach (var line in block.Split('\n'))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && name is not null)
            {
                value += " " + line.Trim();
                continue;
            }

            if (name is not null)
            {
                fields.Add(new(name, value));
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            (name, value) = colon > 0 && !line[..colon].Contains(' ', StringComparison.Ordinal)
                ? (line[..colon].Trim(), line[(colon + 1)..].Trim())
                : (null, "");
        }

        if (name is not null)
        {
            fields.Add(new(name, value));
        }

        return fields;
    }
}
