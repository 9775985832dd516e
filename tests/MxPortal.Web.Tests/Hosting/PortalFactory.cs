using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace MxPortal.Web.Tests.Hosting;

/// <summary>
/// The real portal (Program.cs) over its own temp SQLite file and in-memory job storage, with a known bootstrap
/// Administrator. <see cref="UseRealSockets"/> switches to Kestrel on a free loopback port (real HTTP).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@mxportal.local";
    public const string AdminPassword = "Admin-Pass-2026";
    private readonly Dictionary<string, string?> _settings;

    public PortalFactory(IDictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("mxweb-").FullName;
        OwnsDataDirectory = dataDirectory is null;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(DataDirectory, "app.db")}",
            ["Hangfire:Storage"] = "InMemory",
            ["Hangfire:Server"] = "false",
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
    }

    public string DataDirectory { get; }
    private bool OwnsDataDirectory { get; }

    public void UseRealSockets()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || !OwnsDataDirectory) return;
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { /* Note: the OS reclaims temp folders; a held file must not fail the test. */ }
    }
}
