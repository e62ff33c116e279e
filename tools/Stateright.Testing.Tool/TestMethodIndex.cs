using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Stateright.Snapshots;

namespace Stateright.Testing.Tool;

/// <summary>
/// The <c>&lt;Class&gt;.&lt;Method&gt;</c> names that snapshots of a built test assembly can start with, read
/// from its metadata (nothing is loaded or run). Classes are named as snapshots name them: declaring
/// types joined by dots, no generic arity, and either without or with the namespace (snapshots of two
/// classes of one name in one folder carry it); a class also has the methods it inherits from base
/// classes in the same assembly.
/// </summary>
internal sealed class TestMethodIndex
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Reads every method of every class in <paramref name="assemblyPaths"/>; throws <see cref="UsageException"/> for a missing file or one that is not a .NET assembly.</summary>
    public static TestMethodIndex Load(IEnumerable<string> assemblyPaths)
    {
        var index = new TestMethodIndex();
        foreach (var path in assemblyPaths)
        {
            if (!File.Exists(path)) throw new UsageException($"No such assembly: {path}");
            try
            {
                using var pe = new PEReader(File.OpenRead(path));
                if (!pe.HasMetadata) throw new BadImageFormatException("no .NET metadata");
                index.Add(pe.GetMetadataReader());
            }
            catch (BadImageFormatException e)
            {
                throw new UsageException($"Not a .NET assembly: {path} ({e.Message})");
            }
        }
        return index;
    }

    /// <summary>True if a snapshot named <paramref name="prefix"/> belongs to a method of the assemblies.</summary>
    public bool Produces(string prefix) =>
        _names.Contains(prefix) || SnapshotFilter.Readings(prefix).Any(r => _names.Contains(r.Class + "." + r.Method));

    private void Add(MetadataReader reader)
    {
        foreach (var handle in reader.TypeDefinitions)
        {
            var name = TypeName(reader, handle);
            // Without the namespace, as usual; with it, as when another class of the name has model tests in the folder.
            var names = new[] { name, Namespace(reader, handle) is { Length: > 0 } ns ? ns + "." + name : name }.Select(SnapshotPaths.FileSafe).Distinct().ToArray();
            for (var current = handle; !current.IsNil; current = BaseInSameAssembly(reader, current))
                foreach (var method in reader.GetTypeDefinition(current).GetMethods())
                    foreach (var type in names)
                        _names.Add(type + "." + SnapshotPaths.FileSafe(reader.GetString(reader.GetMethodDefinition(method).Name)));
        }
    }

    private static string TypeName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = reader.GetString(type.Name);
        if (name.IndexOf('`') is var tick and > 0) name = name[..tick];
        var outer = type.GetDeclaringType();
        return outer.IsNil ? name : TypeName(reader, outer) + "." + name;
    }

    /// <summary>The namespace of the type, or of its outermost declaring type for a nested one.</summary>
    private static string Namespace(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var outer = type.GetDeclaringType();
        return outer.IsNil ? reader.GetString(type.Namespace) : Namespace(reader, outer);
    }

    private static TypeDefinitionHandle BaseInSameAssembly(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var baseType = reader.GetTypeDefinition(handle).BaseType;
        if (baseType.Kind == HandleKind.TypeSpecification)
        {
            // A generic base class, Base<T>: its definition is the generic type instantiated.
            var blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)baseType).Signature);
            if (blob.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance)
            {
                blob.ReadSignatureTypeCode(); // class or value type
                baseType = blob.ReadTypeHandle();
            }
        }
        return baseType.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)baseType : default;
    }
}
