using System.Globalization;

namespace Stateright.Testing.Tool;

/// <summary>
/// The arguments of <c>stateright explore</c>: a snapshot file or a <c>Class.Method</c>, the test assembly,
/// and optionally an index path, a port and a thread count.
/// </summary>
internal sealed record ExploreArguments(string Target, string Assembly, string? IndexPath, int Port, int Threads)
{
    /// <summary>Whether <see cref="Target"/> is a snapshot file rather than a <c>Class.Method</c>.</summary>
    public bool IsSnapshot => Target.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || File.Exists(Target);

    /// <summary>Reads the arguments after <c>explore</c>.</summary>
    /// <exception cref="UsageException">Bad usage: the message says what is wrong.</exception>
    public static ExploreArguments Parse(IReadOnlyList<string> args)
    {
        string? target = null, assembly = null, indexPath = null;
        int port = 0, threads = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--" || !arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (arg == "--" && ++i == args.Count) throw new UsageException("'--' must be followed by a snapshot file or Class.Method.");
                if (target is not null) throw new UsageException($"Only one snapshot file or Class.Method, please: '{target}' and '{args[i]}'.");
                target = args[i];
                continue;
            }
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (name is not ("--assembly" or "--path" or "--port" or "--threads")) throw new UsageException($"Unknown option '{name}'.");
            string value;
            if (equals > 0) value = arg[(equals + 1)..];
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
            else throw new UsageException($"Option '{name}' needs a value.");
            switch (name)
            {
                case "--assembly": assembly = assembly is null ? value : throw new UsageException("'explore' takes one --assembly."); break;
                case "--path": indexPath = value; break;
                case "--port": port = Number(name, value, 0, 65535); break;
                default: threads = Number(name, value, 1, 1024); break;
            }
        }
        if (target is null) throw new UsageException("'explore' needs a snapshot file (Class.Method.property.verified.txt or .received.txt) or a model test method (Class.Method).");
        if (assembly is null) throw new UsageException("'explore' needs --assembly PATH: the built test assembly (the .dll) whose model test to open.");
        var arguments = new ExploreArguments(target, assembly, indexPath, port, threads);
        if (arguments.IsSnapshot && indexPath is not null) throw new UsageException("--path is for Class.Method: a snapshot file names its own path.");
        return arguments;
    }

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new UsageException($"Option '{name}' takes a number from {min} to {max}, not '{value}'.");
}
