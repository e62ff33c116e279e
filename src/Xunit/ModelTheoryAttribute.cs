using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace Stateright.Testing.Xunit;

/// <summary>
/// Marks a method that returns a model (<c>Model&lt;TState, TAction&gt;</c>, e.g. an <c>ActorModel</c>):
/// each of the model's properties becomes its own test case, <c>Method(property)</c>, and the checker
/// runs once for all of them. A discovery's trace is compared with a snapshot file beside the source.
/// Combine with <see cref="ExpectDiscoveryAttribute"/> (from <c>Stateright.Testing</c>) for known bugs.
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
public sealed class ModelTheoryAttribute([CallerFilePath] string sourceFilePath = "", [CallerLineNumber] int sourceLineNumber = 0)
    : global::Xunit.FactAttribute, IModelTestAttribute
{
    /// <inheritdoc/>
    public string SourceFilePath { get; } = sourceFilePath;

    /// <inheritdoc/>
    public int SourceLineNumber { get; } = sourceLineNumber;

    /// <inheritdoc/>
    public CheckEngine Engine { get; set; } = CheckEngine.Bfs;

    /// <inheritdoc/>
    public int Threads { get; set; }

    /// <inheritdoc/>
    public long TargetStateCount { get; set; }

    /// <inheritdoc/>
    public int TargetMaxDepth { get; set; }

    /// <inheritdoc/>
    public double TimeoutSeconds { get; set; }

    /// <inheritdoc/>
    public bool Symmetry { get; set; }

    /// <inheritdoc/>
    public long Seed { get; set; }
}
