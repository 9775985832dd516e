using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace MxPortal.TestSupport;

/// <summary>
/// A server process a test starts (dnsmasq, smtp-sink, PostgreSQL, Dovecot). Output is kept for error messages;
/// disposal stops the process (SIGTERM, then SIGKILL of the tree) so no test leaves anything running.
/// </summary>
public sealed class ExternalProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly int _stopSignal;

    private ExternalProcess(Process process, int stopSignal)
    {
        _process = process;
        _stopSignal = stopSignal;
    }

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <param name="stopSignal">15 (SIGTERM) by default; PostgreSQL wants 2 (SIGINT, fast shutdown).</param>
    public static ExternalProcess Start(string fileName, IEnumerable<string> arguments, int stopSignal = 15,
        IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {fileName}");
        var result = new ExternalProcess(process, stopSignal);
        process.OutputDataReceived += (_, e) => result.Append(e.Data);
        process.ErrorDataReceived += (_, e) => result.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Runs a short command to completion and throws with its output when it fails.</summary>
    public static string Run(string fileName, params string[] arguments)
    {
        using var p = Start(fileName, arguments);
        if (!p._process.WaitForExit(60_000)) throw new TimeoutException($"{fileName} did not finish in 60 s");
        p._process.WaitForExit();
        if (p._process.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited {p._process.ExitCode}: {p.Output}");
        return p.Output;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                if (!OperatingSystem.IsWindows()) _ = kill(_process.Id, _stopSignal);
                if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Note: the process already exited between the check and the signal.
        }
        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
