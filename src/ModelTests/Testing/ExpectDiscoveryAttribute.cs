namespace Stateright.Testing;

/// <summary>
/// A known bug: the named property's counterexample is expected, and its test case passes when the
/// checker finds it and its trace matches the verified snapshot. Works with every front end
/// (xUnit v2 and v3, NUnit, the test adapter).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ExpectDiscoveryAttribute(string propertyName) : Attribute
{
    /// <summary>The property whose discovery is expected.</summary>
    public string PropertyName { get; } = propertyName;
}
