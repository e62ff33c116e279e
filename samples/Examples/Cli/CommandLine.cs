namespace Stateright.Examples.Cli;

/// <summary>
/// A parsed command line: <c>&lt;example&gt; &lt;mode&gt; [positional…] [--threads T] [--seed S] [--timeout SECONDS] [--port P] [--silos N] [--SWITCH…]</c>,
/// and for the <c>silo</c> mode the silo's own options (<see cref="SiloOptions"/>).
/// </summary>
public sealed record CommandLine(string Example, string Mode, IReadOnlyList<string> Positional, int Threads, ulong Seed, TimeSpan? Timeout)
{
    /// <summary>Options that take no value, offered by some examples (see <see cref="Cli.Example.Switches"/>).</summary>
    public static IReadOnlySet<string> KnownSwitches { get; } = new HashSet<string>(StringComparer.Ordinal) { "--durable" };

    /// <summary>Stops a long-running mode (<c>spawn</c>) besides Ctrl+C; for hosts and tests that run the command line in-process.</summary>
    public CancellationToken Stop { get; init; }

    /// <summary>The Explorer's TCP port (<c>explore</c> mode, <c>--port</c>): 3000 as in the Rust examples; 0 lets the system choose.</summary>
    public int Port { get; init; } = ExploreMode.DefaultPort;

    /// <summary>How many silo processes the <c>distributed</c> mode starts (<c>--silos</c>, default 3).</summary>
    public int Silos { get; init; } = DistributedMode.DefaultSilos;

    /// <summary>The <c>silo</c> mode's ports, cluster and parent (<c>--silo-port</c>, <c>--gateway-port</c>, <c>--primary-port</c>, <c>--cluster-id</c>, <c>--parent</c>).</summary>
    public SiloOptions Silo { get; init; } = new();

    /// <summary>The switches given, e.g. <c>--durable</c>.</summary>
    public IReadOnlySet<string> Switches { get; init; } = new HashSet<string>();

    /// <summary>Parses the arguments; returns null with an error message when they are malformed.</summary>
    public static CommandLine? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        if (args.Count < 2)
        {
            error = args.Count == 0 ? "Name an example." : $"Name a mode for '{args[0]}'.";
            return null;
        }
        var positional = new List<string>();
        var threads = Environment.ProcessorCount;
        ulong seed = 0;
        TimeSpan? timeout = null;
        var port = ExploreMode.DefaultPort;
        var silos = DistributedMode.DefaultSilos;
        var silo = new SiloOptions();
        var switches = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 2; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }
            if (KnownSwitches.Contains(arg))
            {
                switches.Add(arg);
                continue;
            }
            if (i + 1 >= args.Count)
            {
                error = $"Option '{arg}' needs a value.";
                return null;
            }
            var value = args[++i];
            switch (arg)
            {
                case "--threads" when int.TryParse(value, out var t) && t > 0: threads = t; break;
                case "--seed" when ulong.TryParse(value, out var s): seed = s; break;
                case "--port" when int.TryParse(value, out var p) && p is >= 0 and <= System.Net.IPEndPoint.MaxPort: port = p; break;
                case "--silos" when int.TryParse(value, out var n) && n is > 0 and <= DistributedMode.MaxSilos: silos = n; break;
                case "--silo-port" when IsPort(value, out var p): silo = silo with { SiloPort = p }; break;
                case "--gateway-port" when IsPort(value, out var p): silo = silo with { GatewayPort = p }; break;
                case "--primary-port" when IsPort(value, out var p): silo = silo with { PrimaryPort = p }; break;
                case "--cluster-id" when value.Length > 0: silo = silo with { ClusterId = value }; break;
                case "--parent" when int.TryParse(value, out var pid) && pid > 0: silo = silo with { Parent = pid }; break;
                case "--timeout" when double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0: timeout = TimeSpan.FromSeconds(seconds); break;
                default:
                    error = $"Unknown option or bad value: {arg} {value}";
                    return null;
            }
        }
        return new CommandLine(args[0], args[1], positional, threads, seed, timeout) { Switches = switches, Port = port, Silos = silos, Silo = silo };
    }

    private static bool IsPort(string value, out int port) => int.TryParse(value, out port) && port is > 0 and <= System.Net.IPEndPoint.MaxPort;

    /// <summary>The positional argument at <paramref name="index"/> as a positive integer, or <paramref name="fallback"/> when absent.</summary>
    /// <exception cref="UsageException">The argument is present but not a positive integer.</exception>
    public int PositiveInt(int index, int fallback, string what)
    {
        if (index >= Positional.Count) return fallback;
        return int.TryParse(Positional[index], out var value) && value > 0
            ? value
            : throw new UsageException($"{what} must be a positive integer, not '{Positional[index]}'.");
    }

    /// <summary>The positional argument at <paramref name="index"/> as a network kind, or <paramref name="fallback"/> when absent.</summary>
    /// <exception cref="UsageException">The argument names no network kind.</exception>
    public Stateright.Actors.NetworkKind Network(int index, Stateright.Actors.NetworkKind fallback)
    {
        if (index >= Positional.Count) return fallback;
        return Stateright.Actors.NetworkKinds.TryParse(Positional[index], out var kind)
            ? kind
            : throw new UsageException($"NETWORK must be one of {string.Join(", ", Stateright.Actors.NetworkKinds.Names)}, not '{Positional[index]}'.");
    }

    /// <summary>Applies the common options to a checker builder.</summary>
    public CheckerBuilder<TState, TAction> Configure<TState, TAction>(CheckerBuilder<TState, TAction> builder)
    {
        builder = builder.Threads(Threads);
        return Timeout is { } timeout ? builder.Timeout(timeout) : builder;
    }
}

/// <summary>
/// One silo of a distributed check on localhost (the <c>silo</c> mode): its silo-to-silo and gateway ports, the
/// primary silo's port (0: this silo is the primary), the cluster's id, and the process that started it (the silo
/// exits when that process is gone).
/// </summary>
public sealed record SiloOptions(int SiloPort = 0, int GatewayPort = 0, int PrimaryPort = 0, string ClusterId = DistributedMode.DefaultClusterId, int? Parent = null);

/// <summary>A command line that parsed but makes no sense for the example; the program prints usage and exits non-zero.</summary>
public sealed class UsageException(string message) : Exception(message);
