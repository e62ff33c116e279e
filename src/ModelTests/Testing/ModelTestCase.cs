namespace Stateright.Testing;

/// <summary>
/// One test case of a model test, as every front end shows it: a property of a model method, or the
/// method itself when its model cannot be built (then <see cref="Property"/> is null and
/// <see cref="DiscoveryError"/> says why, so the method never silently vanishes from the test list).
/// Names and ids are decided here, once, for xUnit, NUnit and the test adapter alike.
/// </summary>
public sealed record ModelTestCase
{
    internal ModelTestCase(ModelMethod method, ModelTestOptions options, string? property, string? skip, string? discoveryError)
    {
        Method = method;
        Options = options;
        Property = property;
        Skip = skip;
        DiscoveryError = discoveryError;
    }

    /// <summary>The name of the trait (VSTest) / property (NUnit) that holds the property name; usable in <c>--filter</c>.</summary>
    public const string PropertyTrait = "ModelProperty";

    /// <summary>The model method.</summary>
    public ModelMethod Method { get; }

    /// <summary>The checker options, from the method's attributes.</summary>
    public ModelTestOptions Options { get; }

    /// <summary>The property this case reports, or null for a method whose model could not be built.</summary>
    public string? Property { get; }

    /// <summary>When set, the case is skipped with this reason and the checker does not run.</summary>
    public string? Skip { get; }

    /// <summary>Why the method's cases could not be listed (a bad argument, a factory that threw); the case fails with it.</summary>
    public string? DiscoveryError { get; }

    /// <summary>The display name: <c>Method(property)</c>, or <c>Method</c>.</summary>
    public string DisplayName => Property is null ? Method.Method.Name : $"{Method.Method.Name}({Property})";

    /// <summary>The fully qualified name: <c>Namespace.Class.Method(property)</c> (nested classes as <c>Outer+Inner</c>).</summary>
    public string FullyQualifiedName => $"{Method.TestClass.FullName}.{DisplayName}";

    /// <summary>
    /// A stable id, unique per property: <c>assembly:Namespace.Class.Method:property</c>. Front ends
    /// derive their own id from it (every property of a method must get a distinct one, or runners
    /// silently drop all but one).
    /// </summary>
    public string Id => $"{Method.TestClass.Assembly.GetName().Name}:{Method.TestClass.FullName}.{Method.Method.Name}" + (Property is null ? "" : ":" + Property);

    /// <summary>Traits for filtering: <c>ModelProperty=&lt;property&gt;</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Traits =>
        Property is null ? [] : [new(PropertyTrait, Property)];

    /// <summary>The source file of the method, for navigation (empty if unknown).</summary>
    public string SourceFilePath => Method.SourceFilePath;

    /// <summary>The line of the method's attribute, for navigation.</summary>
    public int SourceLine => Method.SourceLine;

    /// <summary>A stack-trace line pointing at the model method, so a failure navigates to it.</summary>
    public string StackTrace =>
        $"   at {Method.TestClass.FullName}.{Method.Method.Name}()" + (SourceFilePath.Length > 0 ? $" in {SourceFilePath}:line {SourceLine}" : "");

    /// <inheritdoc/>
    public override string ToString() => FullyQualifiedName;
}
