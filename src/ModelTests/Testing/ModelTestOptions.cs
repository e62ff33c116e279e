using System.Reflection;

namespace Stateright.Testing;

/// <summary>
/// How a model test runs its checker: the options of a <c>[ModelTheory]</c> attribute, shared by the
/// xUnit, NUnit and test-adapter front ends.
/// </summary>
public sealed record ModelTestOptions
{
    /// <summary>The engine (default BFS).</summary>
    public CheckEngine Engine { get; init; } = CheckEngine.Bfs;

    /// <summary>Checker threads (default: all cores). Results do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Stop after this many generated states (0 = no target). A run stopped this way is incomplete.</summary>
    public long TargetStateCount { get; init; }

    /// <summary>Leave states at this depth unchecked (0 = no target). A run stopped this way is incomplete.</summary>
    public int TargetMaxDepth { get; init; }

    /// <summary>Stop checking after this many seconds (0 = no timeout). The timeout lives in the checker, never in the test framework.</summary>
    public double TimeoutSeconds { get; init; }

    /// <summary>Check with symmetry reduction; the state type must implement <see cref="IRepresentative{TSelf}"/>.</summary>
    public bool Symmetry { get; init; }

    /// <summary>The simulation seed.</summary>
    public long Seed { get; init; }

    /// <summary>Properties whose discovery is expected: a known bug, pinned by its counterexample snapshot.</summary>
    public IReadOnlyList<string> ExpectedDiscoveries { get; init; } = [];

    /// <summary>The shortest timeout accepted: a millisecond.</summary>
    public const double MinTimeoutSeconds = 0.001;

    /// <summary>The longest timeout accepted (the longest a .NET timer can wait).</summary>
    public const double MaxTimeoutSeconds = 4_294_967;

    /// <summary>
    /// Reads a front end's attribute and the method's <see cref="ExpectDiscoveryAttribute"/>s, with the
    /// defaults resolved (0 threads = all cores). Call <see cref="Validate"/> on the result.
    /// </summary>
    public static ModelTestOptions From(IModelTestAttribute attribute, MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(method);
        return new ModelTestOptions
        {
            Engine = attribute.Engine,
            Threads = attribute.Threads == 0 ? Environment.ProcessorCount : attribute.Threads,
            TargetStateCount = attribute.TargetStateCount,
            TargetMaxDepth = attribute.TargetMaxDepth,
            TimeoutSeconds = attribute.TimeoutSeconds,
            Symmetry = attribute.Symmetry,
            Seed = attribute.Seed,
            ExpectedDiscoveries = method.GetCustomAttributes<ExpectDiscoveryAttribute>(inherit: false).Select(a => a.PropertyName).ToArray(),
        };
    }

    /// <summary>Problems with the options themselves, as messages (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Engine)) problems.Add($"Engine must be one of {string.Join(", ", Enum.GetNames<CheckEngine>())}, not {(int)Engine}.");
        if (Threads < 1) problems.Add($"Threads must be 0 (all cores) or at least 1, not {Threads}.");
        if (TargetStateCount < 0) problems.Add($"TargetStateCount must not be negative, not {TargetStateCount}.");
        if (TargetMaxDepth < 0) problems.Add($"TargetMaxDepth must not be negative, not {TargetMaxDepth}.");
        if (!(TimeoutSeconds == 0 || TimeoutSeconds is >= MinTimeoutSeconds and <= MaxTimeoutSeconds))
            problems.Add($"TimeoutSeconds must be 0 (no timeout) or between {MinTimeoutSeconds} and {MaxTimeoutSeconds:F0} (about 49 days), not {TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        if (Engine == CheckEngine.Simulation && TimeoutSeconds == 0 && TargetStateCount == 0)
            problems.Add("The simulation engine runs until stopped: set TimeoutSeconds or TargetStateCount.");
        return problems;
    }

    /// <summary>A stable text key of the options, for caching one checker run per method and options.</summary>
    public string CacheKey() =>
        $"{Engine}|{Threads}|{TargetStateCount}|{TargetMaxDepth}|{TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{Symmetry}|{Seed}|{string.Join(",", ExpectedDiscoveries)}";
}
