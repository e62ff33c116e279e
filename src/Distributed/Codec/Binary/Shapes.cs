using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Stateright.Actors;

namespace Stateright.Distributed.Binary;

/// <summary>How values of one runtime type are written and read.</summary>
internal abstract class Shape
{
    public abstract void Write(Encoder encoder, object value);

    public abstract object Read(ref Decoder decoder);
}

/// <summary>Chooses, and caches, the shape of each type.</summary>
internal static class Shapes
{
    private static readonly ConcurrentDictionary<Type, Shape> s_shapes = new();

    private static readonly Dictionary<Type, Type> s_generic = new()
    {
        [typeof(ImmutableArray<>)] = typeof(ImmutableArrayShape<>),
        [typeof(ImmutableList<>)] = typeof(ImmutableListShape<>),
        [typeof(ImmutableHashSet<>)] = typeof(ImmutableHashSetShape<>),
        [typeof(ImmutableSortedSet<>)] = typeof(ImmutableSortedSetShape<>),
        [typeof(ImmutableDictionary<,>)] = typeof(ImmutableDictionaryShape<,>),
        [typeof(ImmutableSortedDictionary<,>)] = typeof(ImmutableSortedDictionaryShape<,>),
        [typeof(List<>)] = typeof(ListShape<>),
        [typeof(HashSet<>)] = typeof(HashSetShape<>),
        [typeof(Dictionary<,>)] = typeof(DictionaryShape<,>),
        [typeof(ActorModelState<,>)] = typeof(ActorModelStateShape<,>),
        [typeof(Network<>)] = typeof(NetworkShape<>),
    };

    /// <summary>Whether a position of this declared type carries a type reference: its value's runtime type may be another.</summary>
    public static bool IsTagged(Type declared) => !declared.IsValueType && !declared.IsSealed && !IsNetwork(declared);

    /// <summary>Whether the type is a network (written by its kind and envelopes, whatever its class).</summary>
    public static bool IsNetwork(Type type) => NetworkMessageType(type) is not null;

    public static Shape For(Type type) => s_shapes.GetOrAdd(type, Create);

    private static Shape Create(Type type)
    {
        if (type.IsEnum) return new EnumShape(type);
        if (PrimitiveShape.Supports(type)) return new PrimitiveShape(type);
        if (type.IsArray) return type.GetArrayRank() == 1 ? new ArrayShape(type.GetElementType()!) : Unsupported(type, "a multi-dimensional array");
        if (NetworkMessageType(type) is { } message) return Instantiate(typeof(NetworkShape<>), [message]);
        if (type.IsConstructedGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (s_generic.TryGetValue(definition, out var shape)) return Instantiate(shape, type.GetGenericArguments());
            // A tester's cache of its verdict: derived data, recomputed on demand, and it holds a sentinel object only its process knows.
            if (definition == typeof(Semantics.Verdicts.Cache<,>)) return new DefaultShape(type);
        }
        if (typeof(Delegate).IsAssignableFrom(type)) return Unsupported(type, "a delegate");
        if (typeof(MemberInfo).IsAssignableFrom(type)) return Unsupported(type, "reflection data");
        if (type.IsPointer || type.IsByRef || type == typeof(IntPtr) || type == typeof(UIntPtr)) return Unsupported(type, "a pointer");
        if (type.IsAbstract || type.IsInterface) return Unsupported(type, "an abstract type");
        return new ObjectShape(type);
    }

    private static Type? NetworkMessageType(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            if (t.IsConstructedGenericType && t.GetGenericTypeDefinition() == typeof(Network<>)) return t.GetGenericArguments()[0];
        return null;
    }

    private static Shape Instantiate(Type shape, Type[] arguments) => (Shape)Activator.CreateInstance(shape.MakeGenericType(arguments))!;

    private static Shape Unsupported(Type type, string what) => new UnsupportedShape(type, what);
}

/// <summary>A type the codec refuses, with the reason; a null value of it still travels.</summary>
internal sealed class UnsupportedShape(Type type, string what) : Shape
{
    public override void Write(Encoder encoder, object value) =>
        throw new NotSupportedException($"The binary codec cannot carry a {TypeNames.Readable(type)} ({what}): keep such values out of model states, or give the model a codec of its own.");

    public override object Read(ref Decoder decoder) => throw new FormatException($"The state's bytes hold a {TypeNames.Readable(type)}, which the binary codec does not carry.");
}

/// <summary>A value that is not written: it reads back as the type's default (a cache recomputed on demand).</summary>
internal sealed class DefaultShape(Type type) : Shape
{
    public override void Write(Encoder encoder, object value) { }

    public override object Read(ref Decoder decoder) => Activator.CreateInstance(type)!;
}
