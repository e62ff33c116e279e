using System.Collections.Concurrent;
using System.Reflection;

namespace Stateright.Distributed.Binary;

/// <summary>
/// How a runtime type travels: its full name and its assembly's simple name (a generic type's definition,
/// with its arguments as further type references), resolved against the assemblies the receiving process
/// has loaded. Every silo runs the same binaries, so a name finds the same type.
/// </summary>
internal static class WireTypeNames
{
    private static readonly ConcurrentDictionary<Type, string> s_names = new();
    private static readonly ConcurrentDictionary<string, Type> s_types = new(StringComparer.Ordinal);

    public static string NameOf(Type type) => s_names.GetOrAdd(type, static t => $"{t.FullName}, {t.Assembly.GetName().Name}");

    public static Type Resolve(string name) => s_types.GetOrAdd(name, static n => Find(n) ?? throw new FormatException(
        $"The state's bytes name the type \"{n}\", which no assembly loaded in this process defines: every silo must load the model's assemblies."));

    private static Type? Find(string name)
    {
        var comma = name.LastIndexOf(", ", StringComparison.Ordinal);
        if (comma < 0) return Type.GetType(name, throwOnError: false);
        var fullName = name[..comma];
        var assemblyName = name[(comma + 2)..];
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.GetName().Name == assemblyName && assembly.GetType(fullName, throwOnError: false) is { } found) return found;
        }
        try
        {
            return Assembly.Load(new AssemblyName(assemblyName)).GetType(fullName, throwOnError: false);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException)
        {
            return null;
        }
    }
}
