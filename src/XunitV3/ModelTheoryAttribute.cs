using System.Runtime.CompilerServices;
using Xunit.v3;

namespace Stateright.Testing.XunitV3;

/// <summary>
/// Marks a method that returns a model (<c>Model&lt;TState, TAction&gt;</c>, e.g. an <c>ActorModel</c>)
/// in an xUnit v3 test project: each of the model's properties becomes its own test case,
/// <c>Method(property)</c>, and the checker runs once for all of them. A discovery's trace is compared
/// with a snapshot file beside the source. Combine with <see cref="ExpectDiscoveryAttribute"/> (from
/// <c>Stateright.Testing</c>) for known bugs.
/// </summary>
/// <remarks>
/// xUnit's own <c>Timeout</c> is not applied: it would cut the one run that all of the method's cases
/// share. Use <see cref="TimeoutSeconds"/>, which the checker enforces (the cases then fail as incomplete).
/// </remarks>
/// <example><code>
/// public class RegisterTests
/// {
///     [ModelTheory]
///     [ExpectDiscovery("linearizable")]
///     public static ActorModel&lt;…&gt; SingleServer() =&gt; RegisterSystem.Model();
/// }
/// </code></example>
/// <param name="sourceFilePath">Supplied by the compiler: the source file, where snapshots go.</param>
/// <param name="sourceLineNumber">Supplied by the compiler: the attribute's line, for navigation.</param>
[XunitTestCaseDiscoverer(typeof(ModelTheoryDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ModelTheoryAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
    : global::Xunit.FactAttribute(sourceFilePath, sourceLineNumber), IModelTestAttribute
{
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

    // xUnit v3's FactAttribute already captures the caller info (nullable); the core wants plain values.
    string IModelTestAttribute.SourceFilePath => SourceFilePath ?? "";

    int IModelTestAttribute.SourceLineNumber => SourceLineNumber ?? 0;
}
