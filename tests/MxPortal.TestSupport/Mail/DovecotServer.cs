using System.Diagnostics;

namespace MxPortal.TestSupport.Mail;

/// <summary>
/// A throw-away Dovecot (POP3 + IMAP, no TLS) on free loopback ports with its own config and maildirs in a temp
/// folder, exactly as STACK-SERVICES.md §1 describes. Every user name logs in with <see cref="Password"/> (static
/// passdb), so each test takes a fresh user and gets an empty mailbox. Stopping costs ~1 s: share one per test class.
/// </summary>
public sealed class DovecotServer : IDisposable
{
    public const string Password = "bounce-secret";
    private const string Binary = "/usr/sbin/dovecot";
    private readonly ExternalProcess _process;

    private DovecotServer(string dir, DovecotPorts ports, string? thumbprint, ExternalProcess process)
    {
        Dir = dir;
        Ports = ports;
        CertificateThumbprint = thumbprint;
        _process = process;
    }

    public string Dir { get; }
    public DovecotPorts Ports { get; }
    public int ImapPort => Ports.Imap;
    public int Pop3Port => Ports.Pop3;

    /// <summary>The self-signed certificate's SHA-1 hash (TLS instances only), for a client to pin.</summary>
    public string? CertificateThumbprint { get; }
    public string ConfigPath => Path.Combine(Dir, "dovecot.conf");

    /// <param name="tls">also IMAPS and POP3S, and STARTTLS/STLS on the plain ports, with a fresh self-signed certificate</param>
    public static async Task<DovecotServer> StartAsync(bool tls = false)
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException("Dovecot is not installed: run ./test.sh (it installs dovecot-imapd and dovecot-pop3d).");
        // Note: socket paths must stay under 108 bytes, so the folder is short and directly under /tmp.
        var dir = Directory.CreateTempSubdirectory("dc-").FullName;
        // Note: the auth process (user dovecot) and mail processes (nobody) must traverse the folder: 0755, not 0700.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        foreach (var sub in new[] { "run", "state", "mail" }) Directory.CreateDirectory(Path.Combine(dir, sub));
        ExternalProcess.Run("chown", "-R", "nobody:nogroup", Path.Combine(dir, "mail"));
        var ports = new DovecotPorts(FreePort.Next(), FreePort.Next(), tls ? FreePort.Next() : 0, tls ? FreePort.Next() : 0);
        var thumbprint = tls ? await SelfSignedCertificate.WriteAsync(dir) : null;
        await File.WriteAllTextAsync(Path.Combine(dir, "dovecot.conf"), DovecotConfig.Render(dir, ports, Password, tls));
        var process = ExternalProcess.Start(Binary, ["-F", "-c", Path.Combine(dir, "dovecot.conf")]);
        var server = new DovecotServer(dir, ports, thumbprint, process);
        try
        {
            foreach (var port in new[] { ports.Imap, ports.Pop3, ports.Imaps, ports.Pop3s }.Where(p => p != 0))
                await FreePort.WaitUntilListeningAsync("127.0.0.1", port, TimeSpan.FromSeconds(15), server.Diagnostics);
        }
        catch
        {
            server.Dispose();
            throw;
        }
        return server;
    }

    /// <summary>Delivers one mail to the user's INBOX through dovecot-lda (as the mail user, so ownership is right).</summary>
    public void Deliver(string user, byte[] mail)
    {
        var psi = new ProcessStartInfo("/usr/lib/dovecot/dovecot-lda")
        {
            RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "-c", ConfigPath, "-d", user }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start dovecot-lda");
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardInput.BaseStream.Write(mail);
        p.StandardInput.Close();
        if (!p.WaitForExit(30_000)) throw new TimeoutException("dovecot-lda did not finish in 30 s");
        if (p.ExitCode != 0) throw new InvalidOperationException($"dovecot-lda exited {p.ExitCode}: {stderr.Result}");
    }

    /// <summary>Messages in one folder of the user (0 when the folder does not exist).</summary>
    public int Count(string user, string folder = "INBOX")
    {
        try
        {
            var output = ExternalProcess.Run("doveadm", "-c", ConfigPath, "-f", "flow", "mailbox", "status", "-u", user, "messages", folder);
            return int.Parse(output.Trim().Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("exist", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }
    }

    private string Diagnostics()
    {
        var log = Path.Combine(Dir, "dovecot.log");
        return $"dovecot output: {_process.Output} log: {(File.Exists(log) ? File.ReadAllText(log) : "(none)")}";
    }

    public void Dispose()
    {
        _process.Dispose(); // SIGTERM: the master stops its imap/pop3/log children too
        try { Directory.Delete(Dir, recursive: true); }
        catch (IOException) { /* Note: a child still closing a file; /tmp is reclaimed later. */ }
    }
}
