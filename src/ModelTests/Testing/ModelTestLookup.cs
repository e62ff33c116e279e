using System.Reflection;
using Stateright.Snapshots;

namespace Stateright.Testing;

/// <summary>
/// Finds a model test method of a built test assembly by name or by one of its trace snapshots, through
/// the same discovery the test front ends use (what <c>stateright explore</c> does).
/// </summary>
public static class ModelTestLookup
{
    /// <summary>
    /// The model test method named <c>Class.Method</c>: the class as its snapshots name it (<c>Outer.Inner</c>),
    /// or with its namespace.
    /// </summary>
    /// <exception cref="ModelTestConfigurationException">No model test method, or more than one, has that name: the message lists the ones there are.</exception>
    public static ModelMethod Find(Assembly assembly, string name)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(name);
        var tests = ModelTestIndex.Of(assembly).Tests;
        var found = tests.Where(t => Names(t.Type).Any(c => string.Equals(c + "." + t.Method.Name, name, StringComparison.Ordinal))).ToArray();
        return found.Length switch
        {
            1 => Method(found[0]),
            0 => throw new ModelTestConfigurationException($"{assembly.GetName().Name} has no model test method {name}. {List(tests)}"),
            _ => throw new ModelTestConfigurationException($"{name} names {found.Length} model test methods of {assembly.GetName().Name}: " +
                $"{string.Join(", ", found.Select(t => SnapshotPaths.QualifiedTypeName(t.Type) + "." + t.Method.Name))}. Name one with its namespace."),
        };
    }

    /// <summary>
    /// The model test method and property whose trace snapshot <paramref name="snapshotFile"/> is (a
    /// <c>Class.Method.property.verified.txt</c> or <c>.received.txt</c> file): the snapshot names of each
    /// model test method of the assembly are computed as its test would, for the properties its model has.
    /// </summary>
    /// <exception cref="ModelTestConfigurationException">No model test method of the assembly writes that snapshot.</exception>
    public static (ModelMethod Method, string Property) FindBySnapshot(Assembly assembly, string snapshotFile)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(snapshotFile);
        var fileName = System.IO.Path.GetFileName(snapshotFile);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(snapshotFile))!;
        var tests = ModelTestIndex.Of(assembly).Tests;
        foreach (var test in tests)
        {
            var classNames = Names(test.Type).Take(2).Select(SnapshotPaths.FileSafe).Distinct().ToArray();
            if (!classNames.Any(c => fileName.StartsWith(c + "." + SnapshotPaths.FileSafe(test.Method.Name) + ".", StringComparison.Ordinal))) continue;
            var method = Method(test);
            var properties = ModelTestDiscovery.Unwrap(method.CreateModel).Properties.Select(p => p.Name).ToArray();
            foreach (var className in classNames)
                foreach (var (property, paths) in SnapshotPaths.ForProperties(directory, className, test.Method.Name, properties))
                    if (fileName == System.IO.Path.GetFileName(paths.Verified) || fileName == System.IO.Path.GetFileName(paths.Received))
                        return (method, property);
        }
        throw new ModelTestConfigurationException($"No model test method of {assembly.GetName().Name} writes the snapshot {fileName}. {List(tests)}");
    }

    /// <summary>The names a class goes by: as snapshots name it, with its namespace, and its full name.</summary>
    private static IEnumerable<string> Names(Type type) =>
        new[] { SnapshotPaths.TypeName(type), SnapshotPaths.QualifiedTypeName(type), type.FullName ?? type.Name }.Distinct();

    private static ModelMethod Method((Type Type, MethodInfo Method, IModelTestAttribute Attribute) test)
    {
        // The method as reflected from the class that runs it (an inherited method runs in the derived class).
        var method = test.Type.GetMethod(test.Method.Name, BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance) ?? test.Method;
        return new ModelMethod(method, test.Attribute.SourceFilePath, test.Attribute.SourceLineNumber);
    }

    private static string List(IReadOnlyList<(Type Type, MethodInfo Method, IModelTestAttribute Attribute)> tests) =>
        tests.Count == 0
            ? "It has no model test methods at all."
            : "Its model test methods: " + string.Join(", ", tests.Select(t => SnapshotPaths.TypeName(t.Type) + "." + t.Method.Name).Distinct().Order(StringComparer.Ordinal)) + ".";
}
