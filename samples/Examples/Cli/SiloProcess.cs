using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Stateright.Examples.Cli;

/// <summary>
/// One silo started by the <c>distributed</c> mode: this program again, in <c>silo</c> mode, as a child process
/// whose output is kept (the last lines) for the error message should it not come up. Disposing kills its
/// process tree.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(int number, int siloPort, int gatewayPort, bool primary, Process process)
    {
        (Number, SiloPort, GatewayPort, IsPrimary, _process) = (number, siloPort, gatewayPort, primary, process);
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"{this} exited (code {ExitCode()}) before it joined the cluster."));
    }

    /// <summary>1 for the primary silo, then 2, 3, ….</summary>
    public int Number { get; }

    /// <summary>The silo-to-silo port on 127.0.0.1.</summary>
    public int SiloPort { get; }

    /// <summary>The gateway (client) port on 127.0.0.1.</summary>
    public int GatewayPort { get; }

    /// <summary>Whether this silo holds the development membership table.</summary>
    public bool IsPrimary { get; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Completes once the silo has printed <see cref="SiloMode.ReadyLine"/>; fails if it exits first.</summary>
    public Task Ready => _ready.Task;

    /// <summary>
    /// Starts this program in <c>silo</c> mode with <paramref name="siloArguments"/> (the example, <c>silo</c>, its
    /// arguments) and the silo's ports; <paramref name="primaryPort"/> is 0 for the primary.
    /// </summary>
    public static SiloProcess Start(int number, IReadOnlyList<string> siloArguments, int siloPort, int gatewayPort, int primaryPort, string clusterId)
    {
        var (file, prefix) = ThisProgram();
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefix.Concat(siloArguments)) start.ArgumentList.Add(argument);
        foreach (var argument in new[] { "--silo-port", $"{siloPort}", "--gateway-port", $"{gatewayPort}", "--cluster-id", clusterId, "--parent", $"{Environment.ProcessId}" })
            start.ArgumentList.Add(argument);
        if (primaryPort != 0)
        {
            start.ArgumentList.Add("--primary-port");
            start.ArgumentList.Add($"{primaryPort}");
        }
        // A silo holds only its share of the states: the workstation collector keeps its footprint (and the peak
        // working set reported) near what it holds, where the server collector would reserve per core.
        start.Environment["DOTNET_gcServer"] = "0";
        var process = new Process { StartInfo = start };
        var silo = new SiloProcess(number, siloPort, gatewayPort, primaryPort == 0, process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>The peak working set of the process so far (VmHWM on Linux), or null once it has exited.</summary>
    public long? PeakWorkingSet() => WhileRunning(p => p.PeakWorkingSet64);

    /// <summary>The processor time the process has used so far, or null once it has exited.</summary>
    public TimeSpan? ProcessorTime() => WhileRunning(p => p.TotalProcessorTime);

    private T? WhileRunning<T>(Func<Process, T> read) where T : struct
    {
        try
        {
            _process.Refresh();
            return _process.HasExited ? null : read(_process);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Whether the process is still running.</summary>
    public bool IsRunning
    {
        get
        {
            try { return !_process.HasExited; }
            catch (InvalidOperationException) { return false; }
        }
    }

    /// <summary>Whether a process with id <paramref name="pid"/> exists and has not exited.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The last lines the silo printed (standard output and error, interleaved).</summary>
    public string CapturedOutput()
    {
        lock (_output) return string.Join('\n', _output);
    }

    /// <summary>Kills the silo's process tree and waits for it to exit.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // never started, or already gone
        }
        _process.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"silo {Number} (pid {SafeId()}, 127.0.0.1:{SiloPort}, gateway {GatewayPort}{(IsPrimary ? ", primary" : "")})";

    /// <summary>
    /// <paramref name="count"/> distinct free TCP ports on 127.0.0.1, found by binding port 0 that many times at
    /// once (released before use: another process could take one in between, and the silo would then fail to start).
    /// </summary>
    public static int[] FreePorts(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners) listener.Stop();
        }
    }

    /// <summary>
    /// How to start this program again: the apphost as is, or <c>dotnet</c> with the program's dll when it runs
    /// under <c>dotnet</c> (or under a test host, which is another program).
    /// </summary>
    private static (string File, string[] Prefix) ThisProgram()
    {
        var dll = typeof(SiloProcess).Assembly.Location;
        var processPath = Environment.ProcessPath ?? "dotnet";
        var processName = System.IO.Path.GetFileNameWithoutExtension(processPath);
        if (processName == System.IO.Path.GetFileNameWithoutExtension(dll)) return (processPath, []);
        return (processName == "dotnet" ? processPath : "dotnet", ["exec", dll]);
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptLines) _output.Dequeue();
        }
        if (line.StartsWith(SiloMode.ReadyLine, StringComparison.Ordinal)) _ready.TrySetResult();
    }

    private string ExitCode()
    {
        try { return _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture); }
        catch (InvalidOperationException) { return "unknown"; }
    }

    private string SafeId()
    {
        try { return _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture); }
        catch (InvalidOperationException) { return "?"; }
    }
}
