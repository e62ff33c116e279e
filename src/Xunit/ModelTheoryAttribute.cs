using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace Stateright.Testing.Xunit;

/// <summary>
/// Marks a method that returns a model (<c>Model&lt;TState, TAction&gt;</c>, e.g. an <c>ActorModel</c>):
/// each of the model's properties becomes its own test case, <c>Method(property)</c>, and the checker
/// runs once for all of them. A discovery's trace is compared with a snapshot file beside the source.
/// </summary>
/// <example><code>
/// public class RegisterTests
/// {
///     [ModelTheory]
///     [ExpectDiscovery("linearizable")]
///     public static ActorModel&lt;…&gt; SingleServer() =&gt; RegisterSystem.Model();
/// }
/// </code></example>
[XunitTestCaseDiscoverer("Stateright.Testing.Xunit.ModelTheoryDiscoverer", "Stateright.Testing.Xunit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ModelTheoryAttribute : global::Xunit.FactAttribute
{
    /// <summary>Creates the attribute; the compiler fills in the source location, which locates snapshots.</summary>
    public ModelTheoryAttribute([CallerFilePath] string sourceFilePath = "", [CallerLineNumber] int sourceLineNumber = 0)
    {
        SourceFilePath = sourceFilePath;
        SourceLineNumber = sourceLineNumber;
    }

    /// <summary>The source file of the test method.</summary>
    public string SourceFilePath { get; }

    /// <summary>The line of the attribute.</summary>
    public int SourceLineNumber { get; }

    /// <summary>The engine: BFS (default; shortest counterexamples), DFS or Simulation.</summary>
    public CheckEngine Engine { get; set; } = CheckEngine.Bfs;

    /// <summary>Checker threads; 0 (default) means all cores. Results do not depend on it.</summary>
    public int Threads { get; set; }

    /// <summary>Stop after this many generated states (0 = none). A run stopped this way fails as incomplete.</summary>
    public long TargetStateCount { get; set; }

    /// <summary>Leave states at this depth unchecked (0 = none). A run stopped this way fails as incomplete.</summary>
    public int TargetMaxDepth { get; set; }

    /// <summary>Stop checking after this many seconds (0 = none). A run stopped this way fails as incomplete.</summary>
    public double TimeoutSeconds { get; set; }

    /// <summary>Check with symmetry reduction (the state must implement <c>IRepresentative&lt;TSelf&gt;</c>).</summary>
    public bool Symmetry { get; set; }

    /// <summary>The simulation seed.</summary>
    public long Seed { get; set; }
}

/// <summary>
/// A known bug: the named property's counterexample is expected, and the test case passes when the
/// checker finds it and its trace matches the verified snapshot.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ExpectDiscoveryAttribute(string propertyName) : Attribute
{
    /// <summary>The property whose discovery is expected.</summary>
    public string PropertyName { get; } = propertyName;
}
