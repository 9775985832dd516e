namespace MxPortal.Web.Tests.Hosting;

internal static class RepositoryRoot
{
    /// <summary>The folder holding MxPortal.sln, found upward from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MxPortal.sln"))) return dir.FullName;
        throw new InvalidOperationException("MxPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
