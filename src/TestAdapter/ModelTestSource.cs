using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Stateright.Testing.TestAdapter;

/// <summary>
/// A test source (an assembly path) and the <see cref="ModelTestAttribute"/> methods in it. VSTest and
/// the IDE hand every adapter every source, so an assembly that does not reference
/// <c>Stateright.Testing</c> is recognised from its metadata alone, without loading it.
/// </summary>
internal static class ModelTestSource
{
    /// <summary>The name of the core assembly that declares <see cref="ModelTestAttribute"/>.</summary>
    private static readonly string s_coreAssemblyName = typeof(ModelTestAttribute).Assembly.GetName().Name!;

    /// <summary>True when the assembly at <paramref name="path"/> references the core library (it may then hold model tests).</summary>
    public static bool MayContainModelTests(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) return false;
            var reader = pe.GetMetadataReader();
            foreach (var handle in reader.AssemblyReferences)
                if (reader.StringComparer.Equals(reader.GetAssemblyReference(handle).Name, s_coreAssemblyName)) return true;
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Loads the assembly at <paramref name="path"/> (the test host runs with the test project's dependencies).</summary>
    public static Assembly Load(string path) => Assembly.LoadFrom(Path.GetFullPath(path));

    /// <summary>The model-test methods of the public classes of <paramref name="assembly"/>, in metadata order.</summary>
    public static IEnumerable<(MethodInfo Method, ModelTestAttribute Attribute)> FindMethods(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Type?[] types;
        try { types = assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { types = e.Types; }
        foreach (var type in types)
        {
            if (type is null || !IsTestClass(type)) continue;
            foreach (var found in ModelTestDiscovery.FindMethods<ModelTestAttribute>(type)) yield return found;
        }
    }

    /// <summary>
    /// Test classes are public (as in xUnit and MSTest); abstract bases are listed through their concrete
    /// subclasses (static classes are abstract and sealed). An open generic class is listed, as the other
    /// front ends list it: its cases fail with the core's message asking for a closed derived class,
    /// instead of not running without a word.
    /// </summary>
    internal static bool IsTestClass(Type type) => type.IsClass && type.IsVisible && (!type.IsAbstract || type.IsSealed);

    /// <summary>The core's test cases for every model-test method of the assembly at <paramref name="path"/>; never runs the checker.</summary>
    public static IReadOnlyList<ModelTestCase> Discover(string path)
    {
        if (!MayContainModelTests(path)) return [];
        return FindMethods(Load(path)).SelectMany(m => ModelTestDiscovery.Discover(m.Method, m.Attribute)).ToArray();
    }

    /// <summary>
    /// The core's case for a VSTest case discovered earlier (possibly serialized since, as Test Explorer
    /// does): found from its managed type, method and model property, without rebuilding the model;
    /// null when the method no longer exists.
    /// </summary>
    public static ModelTestCase? Resolve(Assembly assembly, string managedType, string managedMethod, string? property)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var type = assembly.GetType(managedType, throwOnError: false);
        if (type is null) return null;
        foreach (var (method, attribute) in ModelTestDiscovery.FindMethods<ModelTestAttribute>(type))
            if (method.Name == managedMethod) return ModelTestDiscovery.ForProperty(method, attribute, property);
        return null;
    }
}
