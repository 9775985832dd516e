using MxPortal.Infrastructure.Tests.Bounces;

namespace MxPortal.Infrastructure.Tests;

/// <summary>The built command line (a project reference builds it), for tests that run and kill it as a real process.</summary>
internal static class CliBinary
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        // Note: same configuration and framework as the tests: bin/<Configuration>/<tfm>.
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var repo = Directory.GetParent(BounceCorpus.Root)!.Parent!.Parent!.FullName;
        var path = System.IO.Path.Combine(repo, "src", "MxPortal.Cli", "bin", tfmDir.Parent!.Name, tfmDir.Name, "mxportal.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build src/MxPortal.Cli first", path);
    }
}
