using Npgsql;

namespace MxPortal.TestSupport;

/// <summary>
/// A throw-away PostgreSQL for data tests. Uses <c>MXPORTAL_TEST_POSTGRES</c> (an admin connection string) when set;
/// otherwise starts its own cluster from Debian's <c>postgresql</c> package in a temp folder on a free loopback port,
/// as the postgres OS user, and removes it on dispose. <see cref="CreateDatabaseAsync"/> gives each test its own database.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "MXPORTAL_TEST_POSTGRES";
    private readonly ExternalProcess? _process;
    private readonly string? _dir;

    private PostgresServer(string adminConnectionString, ExternalProcess? process, string? dir)
    {
        AdminConnectionString = adminConnectionString;
        _process = process;
        _dir = dir;
    }

    public string AdminConnectionString { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return new PostgresServer(configured, null, null);

        var bin = FindBin() ?? throw new InvalidOperationException(
            $"PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres). Run ./test.sh, which installs it, or set {EnvironmentVariable}.");
        var dir = Directory.CreateTempSubdirectory("mxpg-").FullName;
        var socket = Path.Combine(dir, "sock");
        Directory.CreateDirectory(socket);
        ExternalProcess.Run("chown", "-R", "postgres:postgres", dir);
        ExternalProcess.Run("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", Path.Combine(bin, "initdb"),
            "-D", Path.Combine(dir, "data"), "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        var port = FreePort.Next();
        // Note: setpriv execs without forking, so the process id is the postmaster's and SIGINT stops it fast.
        var process = ExternalProcess.Start("setpriv", [
            "--reuid=postgres", "--regid=postgres", "--init-groups", Path.Combine(bin, "postgres"),
            "-D", Path.Combine(dir, "data"), "-p", port.ToString(), "-k", socket,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
            stopSignal: 2);
        var admin = $"Host={socket};Port={port};Username=postgres;Database=postgres;Pooling=false";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var c = new NpgsqlConnection(admin);
                await c.OpenAsync();
                break;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(25);
            }
        }
        return new PostgresServer(admin, process, dir);
    }

    /// <summary>Creates a new database owned by a new login role and returns its TCP connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "mx_" + Guid.NewGuid().ToString("N")[..12];
        const string password = "test-pw";
        await using (var c = new NpgsqlConnection(AdminConnectionString))
        {
            await c.OpenAsync();
            // Note: CREATE DATABASE cannot share a batch with another statement.
            foreach (var sql in new[] { $"CREATE ROLE {name} LOGIN PASSWORD '{password}'", $"CREATE DATABASE {name} OWNER {name}" })
            {
                await using var cmd = c.CreateCommand();
                cmd.CommandText = sql;
                await cmd.ExecuteNonQueryAsync();
            }
        }
        var admin = new NpgsqlConnectionStringBuilder(AdminConnectionString);
        var host = admin.Host is { } h && h.StartsWith('/') ? "127.0.0.1" : admin.Host;
        return $"Host={host};Port={admin.Port};Database={name};Username={name};Password={password}";
    }

    private static string? FindBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending()
                .Select(d => Path.Combine(d, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "postgres")))
            : null;

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        _process?.Dispose();
        if (_dir is not null)
        {
            try { Directory.Delete(_dir, recursive: true); }
            catch (IOException) { /* Note: a file still held open; the temp folder is reclaimed later. */ }
        }
        return ValueTask.CompletedTask;
    }
}
