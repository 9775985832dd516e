namespace MxPortal.Infrastructure.Sending.Recipients;

/// <summary>Checks a header row and finds the address column; every header problem stops the import.</summary>
internal static class RecipientCsvHeader
{
    public static (int AddressIndex, RecipientRowError? Error) Check(IReadOnlyList<string> header, long line)
    {
        RecipientRowError Fail(string message) => new(line, RecipientRowErrorKind.InvalidHeader, message);

        var names = header.Select(h => h.Trim()).ToList();
        var unnamed = names.FindIndex(n => n.Length == 0);
        if (unnamed >= 0) return (-1, Fail($"column {unnamed + 1} of the header has no name."));
        var repeated = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) return (-1, Fail($"the column '{repeated.Key}' appears more than once in the header."));

        var candidates = names.Select((n, i) => (Name: n, Index: i))
            .Where(c => RecipientCsvReader.AddressColumnNames.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        return candidates.Count switch
        {
            1 => (candidates[0].Index, null),
            0 => (-1, Fail($"no address column: name one {string.Join(", ", RecipientCsvReader.AddressColumnNames.Select(n => $"'{n}'"))} (found {string.Join(", ", names.Select(n => $"'{n}'"))}).")),
            _ => (-1, Fail($"more than one address column ({string.Join(", ", candidates.Select(c => $"'{c.Name}'"))}); keep one.")),
        };
    }
}
