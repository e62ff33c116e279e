namespace Stateright.Distributed.Binary;

/// <summary>
/// Writes one state: values in the order of their declared types, and a type reference wherever the
/// declared type does not fix the runtime type (an <see cref="object"/>, an interface, an abstract or
/// unsealed class). A type is defined inline the first time the state refers to it, then referred to
/// by its number.
/// </summary>
internal sealed class Encoder
{
    /// <summary>Deeper than this, the state is taken to be cyclic (immutable model states are trees or DAGs).</summary>
    public const int MaxDepth = 512;

    private readonly Dictionary<Type, int> _types = [];
    private int _depth;

    public WireWriter Wire { get; } = new();

    /// <summary>A value in a position declared as <paramref name="declared"/>.</summary>
    public void Value(Type declared, object? value)
    {
        if (Shapes.IsTagged(declared))
        {
            TypeRef(value?.GetType());
            if (value is not null) Nested(Shapes.For(value.GetType()), value);
            return;
        }
        if (Nullable.GetUnderlyingType(declared) is { } underlying)
        {
            Wire.Byte(value is null ? (byte)0 : (byte)1);
            if (value is not null) Nested(Shapes.For(underlying), value);
            return;
        }
        if (!declared.IsValueType)
        {
            Wire.Byte(value is null ? (byte)0 : (byte)1);
            if (value is null) return;
            if (value.GetType() != declared && !Shapes.IsNetwork(declared))
                throw new NotSupportedException($"A position typed {TypeNames.Readable(declared)} holds a {TypeNames.Readable(value.GetType())} (array covariance), which the binary codec does not carry.");
        }
        Nested(Shapes.For(declared), value!);
    }

    private void Nested(Shape shape, object value)
    {
        if (++_depth > MaxDepth) throw new NotSupportedException($"The state is nested more than {MaxDepth} deep (a cycle?): the binary codec carries trees of values.");
        shape.Write(this, value);
        _depth--;
    }

    /// <summary>A reference to a runtime type (0 for null), defining it if this state has not referred to it yet.</summary>
    public void TypeRef(Type? type)
    {
        if (type is null)
        {
            Wire.VarUInt(0);
            return;
        }
        if (_types.TryGetValue(type, out var known))
        {
            Wire.VarUInt((ulong)known + 1);
            return;
        }
        var id = _types.Count;
        _types.Add(type, id);
        Wire.VarUInt((ulong)id + 1);
        if (type.IsArray)
        {
            if (type.GetArrayRank() != 1) throw new NotSupportedException($"Multi-dimensional arrays ({TypeNames.Readable(type)}) are not carried by the binary codec.");
            Wire.Byte(TypeKinds.Array);
            TypeRef(type.GetElementType());
        }
        else if (type.IsConstructedGenericType)
        {
            Wire.Byte(TypeKinds.Generic);
            Wire.String(WireTypeNames.NameOf(type.GetGenericTypeDefinition()));
            var arguments = type.GetGenericArguments();
            Wire.VarUInt((ulong)arguments.Length);
            foreach (var argument in arguments) TypeRef(argument);
        }
        else
        {
            Wire.Byte(TypeKinds.Named);
            Wire.String(WireTypeNames.NameOf(type));
        }
    }
}

/// <summary>The kinds of type definition in a state's bytes.</summary>
internal static class TypeKinds
{
    public const byte Named = 0;
    public const byte Generic = 1;
    public const byte Array = 2;
}
