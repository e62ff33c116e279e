using System.Diagnostics;

namespace Stateright.Testing.EndToEnd;

/// <summary>Runs the <c>dotnet</c> CLI as a child process, as a user would, with CI settings (no diff tools).</summary>
public static class DotnetCli
{
    /// <summary>The exit code and the combined standard output and error of one command.</summary>
    public sealed record Result(int ExitCode, string Output);

    /// <summary>Runs <c>dotnet args…</c> in <paramref name="workingDirectory"/> (or the current directory), killing it after <paramref name="timeout"/> (default 5 minutes).</summary>
    public static Result Run(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = StartInfo(args, workingDirectory, environment);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        WaitForExit(process, start, timeout);
        return new Result(process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>A line of a streamed command's output and when it arrived, measured from the start of the command.</summary>
    public sealed record TimedLine(TimeSpan At, string Text);

    /// <summary>The exit code, when the process exited, and every line of standard output and error with its arrival time.</summary>
    public sealed record StreamedResult(int ExitCode, TimeSpan ExitedAt, IReadOnlyList<TimedLine> Lines)
    {
        /// <summary>All the output, as <see cref="Run(IEnumerable{string}, string, IReadOnlyDictionary{string, string}, TimeSpan?)"/> returns it.</summary>
        public string Output => string.Join('\n', Lines.Select(l => l.Text));
    }

    /// <summary>
    /// As <see cref="Run(IEnumerable{string}, string, IReadOnlyDictionary{string, string}, TimeSpan?)"/>,
    /// but reads the output line by line as the child writes it and records when each line arrived, so a
    /// test can tell what was printed while the command was still working from what came at the end.
    /// </summary>
    public static StreamedResult Stream(IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = StartInfo(args, workingDirectory, environment);
        var lines = new List<TimedLine>();
        var clock = Stopwatch.StartNew();
        void Received(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (lines) lines.Add(new TimedLine(clock.Elapsed, e.Data));
        }
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Received;
        process.ErrorDataReceived += Received;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        WaitForExit(process, start, timeout);
        var exitedAt = clock.Elapsed;
        process.WaitForExit(); // drains the asynchronous readers
        lock (lines) return new StreamedResult(process.ExitCode, exitedAt, lines.ToArray());
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> args, string? workingDirectory, IReadOnlyDictionary<string, string?>? environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["CI"] = "true"; // fixtures compare snapshots only: no diff tools, no auto-accept
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) start.Environment[key] = value;
        return start;
    }

    private static void WaitForExit(Process process, ProcessStartInfo start, TimeSpan? timeout)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        if (process.WaitForExit(limit)) return;
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"dotnet {string.Join(' ', start.ArgumentList)} did not finish in {limit}.");
    }

    /// <summary>Runs <c>dotnet args…</c>.</summary>
    public static Result Run(params string[] args) => Run((IEnumerable<string>)args);

    /// <summary>The repository root (the directory holding Stateright.Testing.sln) above the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Stateright.Testing.sln"))) return directory.FullName;
        throw new InvalidOperationException("Cannot find the repository root (Stateright.Testing.sln) above " + AppContext.BaseDirectory);
    }
}
