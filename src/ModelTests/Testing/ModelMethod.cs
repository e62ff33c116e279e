using System.Reflection;

namespace Stateright.Testing;

/// <summary>
/// A test method that returns a model (static, or instance on a class with a parameterless
/// constructor), with its source location for snapshots and navigation.
/// </summary>
/// <param name="Method">The method.</param>
/// <param name="SourceFilePath">The source file of the method (from <c>[CallerFilePath]</c>); snapshots go beside it.</param>
/// <param name="SourceLine">The line of the attribute.</param>
public sealed record ModelMethod(MethodInfo Method, string SourceFilePath, int SourceLine)
{
    /// <summary>The type that declares the method (the test class).</summary>
    public Type TestClass => Method.ReflectedType ?? Method.DeclaringType!;

    /// <summary>A key for caching one run per method (and options).</summary>
    internal string Key => $"{TestClass.Assembly.FullName}|{TestClass.FullName}|{Method.Name}";

    /// <summary>The method's full name, <c>Namespace.Class.Method</c>, for messages.</summary>
    public string FullName => $"{TestClass.FullName}.{Method.Name}";

    /// <summary>True when the source file's directory exists on this machine (snapshots can be compared).</summary>
    internal bool HasSnapshotDirectory => Path.GetDirectoryName(SourceFilePath) is { Length: > 0 } directory && Directory.Exists(directory);

    /// <summary>The directory of the source file, where snapshots live.</summary>
    /// <exception cref="ModelTestConfigurationException">No usable directory (e.g. a deterministic build mapped paths to <c>/_/</c>).</exception>
    public string SnapshotDirectory
    {
        get
        {
            var directory = Path.GetDirectoryName(SourceFilePath);
            if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
                throw new ModelTestConfigurationException(
                    $"The source directory of {TestClass.Name}.{Method.Name} ('{SourceFilePath}') does not exist on this machine, so trace snapshots cannot be compared. " +
                    "Deterministic builds (ContinuousIntegrationBuild=true) rewrite source paths to /_/: set <DeterministicSourcePaths>false</DeterministicSourcePaths> in the test project.");
            return directory;
        }
    }

    /// <summary>
    /// The class's name in snapshot file names: as <see cref="Snapshots.SnapshotPaths.TypeName"/> names it, or with its
    /// namespace when another class of that name has model tests with snapshots in the same folder.
    /// </summary>
    internal string SnapshotClassName => ModelTestIndex.Of(TestClass.Assembly).SnapshotClassName(TestClass, SnapshotDirectory);

    /// <summary>The class's name in the file names of trace artifacts, which share one folder: with its namespace when another class of that name has model tests.</summary>
    internal string ArtifactClassName => ModelTestIndex.Of(TestClass.Assembly).SnapshotClassName(TestClass, null);

    /// <summary>The snapshot paths of the method's properties.</summary>
    internal IReadOnlyDictionary<string, Snapshots.SnapshotPaths> SnapshotPathsFor(IEnumerable<string> properties) =>
        Snapshots.SnapshotPaths.ForProperties(SnapshotDirectory, SnapshotClassName, Method.Name, properties);

    /// <summary>Invokes the method and wraps the model it returns.</summary>
    /// <exception cref="ModelTestConfigurationException">The method has parameters, is generic, returns something other than a model, or its class cannot be constructed.</exception>
    /// <exception cref="TargetInvocationException">The method (or the test class's constructor) threw; see the inner exception.</exception>
    internal IModelHandle CreateModel()
    {
        var result = BuildModel();
        return IModelHandle.TryCreate(result) ?? throw new ModelTestConfigurationException(
            $"{TestClass.Name}.{Method.Name} returned a {result.GetType().Name}, which is not a Stateright.Model<TState, TAction>.");
    }

    /// <summary>
    /// Calls the model method (on a new instance of its class when it is an instance method) and returns
    /// what it returns: the model, a <c>Model&lt;TState, TAction&gt;</c> (what <c>stateright explore</c> serves).
    /// </summary>
    /// <exception cref="ModelTestConfigurationException">The method cannot be a model test (it takes parameters, is generic, returns void, a Task or null).</exception>
    /// <exception cref="System.Reflection.TargetInvocationException">The method threw.</exception>
    public object BuildModel()
    {
        if (Method.GetParameters().Length > 0)
            throw new ModelTestConfigurationException($"{TestClass.Name}.{Method.Name} must take no parameters to be a model test; it takes {Method.GetParameters().Length}.");
        if (TestClass.ContainsGenericParameters)
            throw new ModelTestConfigurationException(
                $"{Method.Name}: the class {GenericName(TestClass)} is an open generic type (its type parameters are not chosen), so its model test cannot run. " +
                $"Derive a closed class from it, e.g. `public sealed class {PlainName(TestClass)}OfInt : {ClosedExample(TestClass)} {{ }}`, and run the test there " +
                "(an instance method is inherited by the derived class; a static one must be declared in it), or move the test to a class that is not generic.");
        if (Method.ContainsGenericParameters)
            throw new ModelTestConfigurationException($"The method {TestClass.Name}.{Method.Name} must not be generic to be a model test (it has type parameters); give it concrete types.");
        object? instance = null;
        if (!Method.IsStatic)
        {
            if (TestClass.IsAbstract || TestClass.GetConstructor(Type.EmptyTypes) is null)
                throw new ModelTestConfigurationException($"{TestClass.Name}.{Method.Name} is an instance method, so {TestClass.Name} needs a public parameterless constructor (or make the method static).");
            instance = Activator.CreateInstance(TestClass);
        }
        if (Method.ReturnType == typeof(void))
            throw new ModelTestConfigurationException($"{TestClass.Name}.{Method.Name} returns void; a model test method returns the model to check (e.g. `public static MyModel {Method.Name}() => new(...);`).");
        var result = Method.Invoke(instance, null);
        if (result is Task)
            throw new ModelTestConfigurationException($"{TestClass.Name}.{Method.Name} returns a Task; a model test method returns the model itself.");
        return result ?? throw new ModelTestConfigurationException($"{TestClass.Name}.{Method.Name} returned null instead of a model.");
    }

    /// <summary>A type's name as C# writes it, with its type parameters: <c>Outer.G&lt;T&gt;</c>.</summary>
    internal static string GenericName(Type type) => GenericName(type, a => a.Name);

    /// <summary>The type closed with <c>int</c> for each type parameter, as an example: <c>Outer.G&lt;int&gt;</c>.</summary>
    private static string ClosedExample(Type type) => GenericName(type, _ => "int");

    private static string GenericName(Type type, Func<Type, string> argument)
    {
        var own = type.GetGenericArguments().Skip(type.DeclaringType?.GetGenericArguments().Length ?? 0).Select(argument).ToArray();
        var outer = type.DeclaringType is { } declaring ? GenericName(declaring, argument) + "." : "";
        return outer + PlainName(type) + (own.Length > 0 ? $"<{string.Join(", ", own)}>" : "");
    }

    private static string PlainName(Type type) => type.Name.IndexOf('`') is var tick and > 0 ? type.Name[..tick] : type.Name;
}
