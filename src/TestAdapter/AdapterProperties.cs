using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace Stateright.Testing.TestAdapter;

/// <summary>
/// The test-case properties this adapter sets beyond VSTest's built-in ones. The managed-name and
/// hierarchy ids are the well-known ones Test Explorer reads (the same ids MSTest registers); the
/// model-test ones let a case that went through serialization (Test Explorer's "Run selected") be
/// mapped back to its method and property without rebuilding the model.
/// </summary>
public static class AdapterProperties
{
    /// <summary>Index of the container (filled in by the IDE: the project) in <see cref="Hierarchy"/>.</summary>
    public const int ContainerLevel = 0;

    /// <summary>Index of the namespace in <see cref="Hierarchy"/>.</summary>
    public const int NamespaceLevel = 1;

    /// <summary>Index of the class (nested classes as <c>Outer+Inner</c>) in <see cref="Hierarchy"/>.</summary>
    public const int ClassLevel = 2;

    /// <summary>Index of the test group (the model method) in <see cref="Hierarchy"/>.</summary>
    public const int MethodLevel = 3;

    /// <summary><c>TestCase.ManagedType</c>: the declaring type's full metadata name.</summary>
    public static readonly TestProperty ManagedType = TestProperty.Register(
        "TestCase.ManagedType", "ManagedType", string.Empty, string.Empty, typeof(string), static o => o is string { Length: > 0 }, TestPropertyAttributes.Hidden, typeof(TestCase));

    /// <summary><c>TestCase.ManagedMethod</c>: the method name (model methods take no parameters).</summary>
    public static readonly TestProperty ManagedMethod = TestProperty.Register(
        "TestCase.ManagedMethod", "ManagedMethod", string.Empty, string.Empty, typeof(string), static o => o is string { Length: > 0 }, TestPropertyAttributes.Hidden, typeof(TestCase));

    /// <summary><c>TestCase.Hierarchy</c>: container, namespace, class, method: Test Explorer nests the property cases under it.</summary>
    public static readonly TestProperty Hierarchy = TestProperty.Register(
        "TestCase.Hierarchy", "Hierarchy", typeof(string[]), TestPropertyAttributes.Immutable, typeof(TestCase));

    /// <summary>The model property the case reports (absent for the method-level case of a model that cannot be built).</summary>
    public static readonly TestProperty ModelProperty = TestProperty.Register(
        "Stateright.ModelProperty", ModelTestCase.PropertyTrait, typeof(string), TestPropertyAttributes.Hidden, typeof(TestCase));
}
