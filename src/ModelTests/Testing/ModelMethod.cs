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

    /// <summary>Invokes the method and wraps the model it returns.</summary>
    /// <exception cref="ModelTestConfigurationException">The method has parameters, is generic, returns something other than a model, or its class cannot be constructed.</exception>
    /// <exception cref="TargetInvocationException">The method (or the test class's constructor) threw; see the inner exception.</exception>
    internal IModelHandle CreateModel()
    {
        if (Method.GetParameters().Length > 0)
            throw new ModelTestConfigurationException($"{TestClass.Name}.{Method.Name} must take no parameters to be a model test; it takes {Method.GetParameters().Length}.");
        if (Method.ContainsGenericParameters)
            throw new ModelTestConfigurationException($"{TestClass.Name}.{Method.Name} must not be generic to be a model test.");
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
        return result is null
            ? throw new ModelTestConfigurationException($"{TestClass.Name}.{Method.Name} returned null instead of a model.")
            : IModelHandle.TryCreate(result) ?? throw new ModelTestConfigurationException(
                $"{TestClass.Name}.{Method.Name} returned a {result.GetType().Name}, which is not a Stateright.Model<TState, TAction>.");
    }
}
