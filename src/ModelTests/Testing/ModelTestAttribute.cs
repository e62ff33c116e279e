using System.Runtime.CompilerServices;

namespace Stateright.Testing;

/// <summary>
/// Marks a method that returns a model as a model test, for the framework-neutral test adapter
/// (package <c>Stateright.Testing.TestAdapter</c>): each property becomes its own test case,
/// <c>Method(property)</c>, and the checker runs once for all of them. xUnit and NUnit projects use
/// their package's <c>[ModelTheory]</c>, which takes the same arguments.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ModelTestAttribute([CallerFilePath] string sourceFilePath = "", [CallerLineNumber] int sourceLineNumber = 0)
    : Attribute, IModelTestAttribute
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

    /// <inheritdoc/>
    public string? Skip { get; set; }
}
