namespace Stateright.Testing.Tool;

/// <summary>A parsed command line: <c>stateright &lt;command&gt; [options] [directory]</c>.</summary>
/// <param name="Command">accept, reject, list or dangling; "help" or "version" for those requests.</param>
/// <param name="Directory">The directory to search (recursively), or for accept, reject and list one received file; as given, "." by default.</param>
/// <param name="Filter">Which snapshots accept, reject and list act on.</param>
/// <param name="Assemblies">For dangling: built test assemblies whose methods produce snapshots.</param>
/// <param name="UsedLists">For dangling: files listing the verified snapshots a test run used.</param>
/// <param name="HelpTopic">For "help": the command to explain, or null for all of them.</param>
/// <param name="IncludeUnexpected">For accept (<c>--include-unexpected</c>): accept unexpected counterexamples too, which it refuses otherwise.</param>
internal sealed record ToolArguments(string Command, string Directory, SnapshotFilter Filter, IReadOnlyList<string> Assemblies, IReadOnlyList<string> UsedLists, string? HelpTopic = null, bool IncludeUnexpected = false)
{
    /// <summary>The commands that act on snapshots.</summary>
    public static readonly IReadOnlyList<string> Commands = ["accept", "reject", "list", "dangling", "explore"];

    /// <summary>The option of accept that accepts unexpected counterexamples too.</summary>
    public const string IncludeUnexpectedOption = "--include-unexpected";

    /// <summary>Parses <paramref name="args"/>; throws <see cref="UsageException"/> on a bad command line.</summary>
    public static ToolArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0) throw new UsageException("Name a command: accept, reject, list, dangling or explore.");
        switch (args[0])
        {
            case "-h" or "--help" or "help":
                var topic = args.Count > 1 ? args[1] : null;
                if (topic is not null && !Commands.Contains(topic)) throw new UsageException($"Unknown command '{topic}'.");
                return Help(topic);
            case "--version":
                return new ToolArguments("version", ".", SnapshotFilter.All, [], []);
        }
        var command = Commands.Contains(args[0]) ? args[0] : throw new UsageException($"Unknown command '{args[0]}'.");
        string? directory = null, className = null, method = null, property = null;
        var assemblies = new List<string>();
        var used = new List<string>();
        var includeUnexpected = false;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help") return Help(command);
            if (arg == IncludeUnexpectedOption)
            {
                if (command != "accept") throw new UsageException($"'{command}' does not take {IncludeUnexpectedOption}.");
                includeUnexpected = true;
                continue;
            }
            if (arg == "--" || !arg.StartsWith('-'))
            {
                // After "--" the next argument is the directory, even if it starts with '-'.
                if (arg == "--" && ++i == args.Count) throw new UsageException("'--' must be followed by a directory.");
                if (directory is not null) throw new UsageException($"Only one directory, please: '{directory}' and '{args[i]}'.");
                directory = args[i];
                continue;
            }
            var (name, value) = ReadOption(command, arg, args, ref i);
            switch (name)
            {
                case "--class": className = value; break;
                case "--method": method = value; break;
                case "--property": property = value; break;
                case "--assembly": assemblies.Add(value); break;
                default: used.Add(value); break;
            }
        }
        if (command == "dangling" && assemblies.Count == 0 && used.Count == 0)
            throw new UsageException("'dangling' needs --assembly PATH (a built test assembly) or --used PATH (a list of used snapshots).");
        return new ToolArguments(command, directory ?? ".", new SnapshotFilter(className, method, property), assemblies, used, IncludeUnexpected: includeUnexpected);
    }

    private static ToolArguments Help(string? topic) => new("help", ".", SnapshotFilter.All, [], [], topic);

    /// <summary>Reads the option at <paramref name="arg"/> (<c>--name value</c> or <c>--name=value</c>), checking that <paramref name="command"/> takes it.</summary>
    private static (string Name, string Value) ReadOption(string command, string arg, IReadOnlyList<string> args, ref int i)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        var name = equals > 0 ? arg[..equals] : arg;
        string[] filters = ["--class", "--method", "--property"], inputs = ["--assembly", "--used"];
        if (!filters.Contains(name) && !inputs.Contains(name)) throw new UsageException($"Unknown option '{name}'.");
        if ((command == "dangling") != inputs.Contains(name)) throw new UsageException($"'{command}' does not take {name}.");
        if (equals > 0) return (name, arg[(equals + 1)..]);
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            throw new UsageException($"Option '{name}' needs a value.");
        return (name, args[++i]);
    }
}
