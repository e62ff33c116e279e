using System.Reflection;
using System.Runtime.Loader;

namespace Stateright.Testing.Tool;

/// <summary>
/// Loads a built test assembly with its dependencies (from its .deps.json and folder), except the
/// Stateright.Testing assemblies the tool itself ships: those come from the tool, so the test's model and
/// attributes are the types the tool's discovery and Explorer know.
/// </summary>
internal sealed class TestAssemblyLoadContext(string assemblyPath) : AssemblyLoadContext("stateright explore", isCollectible: false)
{
    private readonly AssemblyDependencyResolver _resolver = new(assemblyPath);

    /// <summary>Loads the test assembly.</summary>
    /// <exception cref="UsageException">No such file, or not a .NET assembly.</exception>
    public static Assembly LoadTestAssembly(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new UsageException($"No such assembly: {path}");
        try
        {
            return new TestAssemblyLoadContext(full).LoadFromAssemblyPath(full);
        }
        catch (BadImageFormatException e)
        {
            throw new UsageException($"Not a .NET assembly: {path} ({e.Message})");
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // The tool's own assemblies (Stateright.Testing, .ModelTests, .Explorer, and the framework): shared with the tool.
        if (assemblyName.Name is { } name && s_toolAssemblies.Contains(name)) return null;
        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    // What the tool's own context loads: the trusted platform assemblies (the framework and the tool's
    // .deps.json), by simple name. Not "whatever lies in the tool's folder": a folder that holds both the
    // tool and a test assembly's dependencies would hide those dependencies from the test.
    private static readonly HashSet<string> s_toolAssemblies = new(
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(System.IO.Path.GetFileNameWithoutExtension)
            .OfType<string>(),
        StringComparer.OrdinalIgnoreCase);

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
