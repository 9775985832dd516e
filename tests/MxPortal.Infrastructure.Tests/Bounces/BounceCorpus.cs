using System.Text.Json;

namespace MxPortal.Infrastructure.Tests.Bounces;

/// <summary>
/// The copy of the bounce corpus in tests/data/bounces (never the shared folder: tests must run
/// from a clone). Found by walking up from the test binaries to the repository root.
/// </summary>
internal static class BounceCorpus
{
    public static string Root { get; } = FindRoot();

    public static string Eml(string name) => Path.Combine(Root, "eml", name);

    public static IReadOnlyList<JsonElement> ReadJsonLines(string name) =>
        File.ReadLines(Path.Combine(Root, name))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "bounces");
            if (File.Exists(Path.Combine(candidate, "expected.jsonl")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/data/bounces not found above " + AppContext.BaseDirectory);
    }
}
