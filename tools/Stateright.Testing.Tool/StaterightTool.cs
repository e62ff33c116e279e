using System.Reflection;

namespace Stateright.Testing.Tool;

/// <summary>The <c>stateright</c> command line: parses the arguments and runs a command.</summary>
internal static class StaterightTool
{
    /// <summary>Exit code of a successful command.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a command that failed while working: an entry was refused (a link, a directory) or a file could not be read or written.</summary>
    public const int Failure = 1;

    /// <summary>Exit code of a bad command line or a missing directory or file.</summary>
    public const int BadUsage = 2;

    /// <summary>Runs the command line <paramref name="args"/>, writing results to <paramref name="output"/> and errors to <paramref name="error"/>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken stop = default)
    {
        try
        {
            if (args.Count > 0 && args[0] == "explore" && !args.Skip(1).Any(a => a is "-h" or "--help"))
                return ExploreCommand.Run([.. args.Skip(1)], output, error, stop);
            var parsed = ToolArguments.Parse(args);
            switch (parsed.Command)
            {
                case "help":
                    output.WriteLine(parsed.HelpTopic is null ? Usage.Overview : Usage.For(parsed.HelpTopic));
                    return Success;
                case "version":
                    var version = typeof(StaterightTool).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
                    output.WriteLine(version?.Split('+')[0] ?? "unknown");
                    return Success;
            }
            if (parsed.Command == "dangling")
            {
                if (!Directory.Exists(parsed.Directory)) throw new UsageException($"No such directory: {parsed.Directory}");
                return DanglingCommand.Run(Path.GetFullPath(parsed.Directory), parsed.Assemblies, parsed.UsedLists, output);
            }
            var selection = ReceivedSelection.Select(parsed.Directory, parsed.Filter);
            return parsed.Command switch
            {
                "accept" => AcceptCommand.Run(selection, parsed.Filter, parsed.IncludeUnexpected, output, error),
                "reject" => RejectCommand.Run(selection, parsed.Filter, output, error),
                _ => ListCommand.Run(selection, parsed.Filter, output, error),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine($"stateright: {e.Message}");
            error.WriteLine("Run `stateright --help` for usage.");
            return BadUsage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"stateright: {e.Message}");
            return Failure;
        }
    }
}
