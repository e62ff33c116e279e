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
        var arguments = args.ToArray();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var arg in arguments) start.ArgumentList.Add(arg);
        start.Environment["CI"] = "true"; // fixtures compare snapshots only: no diff tools, no auto-accept
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in {limit}.");
        }
        return new Result(process.ExitCode, stdout.Result + stderr.Result);
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
