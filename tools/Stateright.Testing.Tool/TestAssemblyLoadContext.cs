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
        // The tool's own assemblies (Stateright.Testing, .ModelTests, .Explorer): shared with the tool.
        if (File.Exists(System.IO.Path.Combine(AppContext.BaseDirectory, assemblyName.Name + ".dll"))) return null;
        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
