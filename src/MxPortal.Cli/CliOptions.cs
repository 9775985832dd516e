namespace MxPortal.Cli;

/// <summary>Named options (<c>--name value</c>) of a command; everything else is passed on as configuration.</summary>
internal sealed class CliOptions
{
    private readonly Dictionary<string, string> _named = new(StringComparer.Ordinal);

    public string[] Rest { get; private init; } = [];

    public static CliOptions Parse(string[] args, params string[] names)
    {
        var known = names.Length > 0 ? names.ToHashSet() : ["--dns", "--port", "--throttle", "--source-ip", "--max-wait"];
        var options = new CliOptions();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (known.Contains(args[i]) && i + 1 < args.Length) options._named[args[i]] = args[++i];
            else rest.Add(args[i]);
        }
        return new CliOptions { Rest = [.. rest] }.With(options._named);
    }

    public string? Get(string name) => _named.GetValueOrDefault(name);

    private CliOptions With(Dictionary<string, string> named)
    {
        foreach (var (k, v) in named) _named[k] = v;
        return this;
    }
}
