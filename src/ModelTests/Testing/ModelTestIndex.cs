using System.Collections.Concurrent;
using System.Reflection;
using Stateright.Snapshots;

namespace Stateright.Testing;

/// <summary>
/// The model-test methods of a test assembly (every method with an attribute that implements
/// <see cref="IModelTestAttribute"/>), found once per assembly by reflection, to name snapshots: a class
/// is named without its namespace (<see cref="SnapshotPaths.TypeName"/>) unless another class of the same
/// name has model tests whose snapshots go to the same folder; then both are named with their namespace
/// (<see cref="SnapshotPaths.QualifiedTypeName"/>), so their snapshots neither collide nor look like each
/// other's dangling files.
/// </summary>
internal sealed class ModelTestIndex
{
    private static readonly ConcurrentDictionary<Assembly, ModelTestIndex> s_indexes = new();

    private readonly IReadOnlyList<(Type Type, MethodInfo Method, IModelTestAttribute Attribute)> _tests;
    private readonly ILookup<string, (Type Type, MethodInfo Method, IModelTestAttribute Attribute)> _byName;

    private ModelTestIndex(IReadOnlyList<(Type, MethodInfo, IModelTestAttribute)> tests)
    {
        _tests = tests;
        _byName = tests.ToLookup(t => SnapshotPaths.TypeName(t.Item1), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every model test method of the assembly, with its class and attribute.</summary>
    public IReadOnlyList<(Type Type, MethodInfo Method, IModelTestAttribute Attribute)> Tests => _tests;

    /// <summary>The index of <paramref name="assembly"/>, built on first use.</summary>
    public static ModelTestIndex Of(Assembly assembly) => s_indexes.GetOrAdd(assembly, a => new ModelTestIndex(Scan(a)));

    /// <summary>
    /// The name of <paramref name="testClass"/> in the file names of snapshots in <paramref name="directory"/>
    /// (null: in a folder shared by every test, as the trace artifacts are).
    /// </summary>
    public string SnapshotClassName(Type testClass, string? directory)
    {
        var name = SnapshotPaths.TypeName(testClass);
        var shared = _byName[name].Any(t => t.Type != testClass && (directory is null || SameDirectory(t.Attribute, directory)));
        return shared ? SnapshotPaths.QualifiedTypeName(testClass) : name;
    }

    /// <summary>
    /// The file-name starts (<c>&lt;Class&gt;.&lt;Method&gt;.</c>) of the snapshots of every model-test method with
    /// snapshots in <paramref name="directory"/> other than <paramref name="testClass"/>.<paramref name="method"/>.
    /// </summary>
    public IEnumerable<string> OtherPrefixes(string directory, Type testClass, string method) =>
        _tests.Where(t => (t.Type != testClass || t.Method.Name != method) && SameDirectory(t.Attribute, directory))
            .Select(t => $"{SnapshotPaths.FileSafe(SnapshotClassName(t.Type, directory))}.{SnapshotPaths.FileSafe(t.Method.Name)}.");

    private static bool SameDirectory(IModelTestAttribute attribute, string directory)
    {
        var other = Path.GetDirectoryName(attribute.SourceFilePath);
        return !string.IsNullOrEmpty(other) && string.Equals(Normalize(other), Normalize(directory), StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalize(string directory) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));

    private static List<(Type, MethodInfo, IModelTestAttribute)> Scan(Assembly assembly)
    {
        Type?[] types;
        try { types = assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { types = e.Types; }
        var tests = new List<(Type, MethodInfo, IModelTestAttribute)>();
        foreach (var type in types)
        {
            if (type is null || type.ContainsGenericParameters) continue; // an open generic class runs no test
            try
            {
                foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance))
                    foreach (var data in method.CustomAttributes)
                        if (typeof(IModelTestAttribute).IsAssignableFrom(data.AttributeType)
                            && method.GetCustomAttributes(data.AttributeType, inherit: false).FirstOrDefault() is IModelTestAttribute attribute)
                            tests.Add((type, method, attribute));
            }
            catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException or CustomAttributeFormatException or TargetInvocationException)
            {
                // A class whose members or attributes cannot be loaded runs no model test either.
            }
        }
        return tests;
    }
}
