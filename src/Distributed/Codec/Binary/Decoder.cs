namespace Stateright.Distributed.Binary;

/// <summary>Reads one state as <see cref="Encoder"/> wrote it.</summary>
internal ref struct Decoder(ReadOnlySpan<byte> bytes)
{
    private readonly List<Type?> _types = [];
    private int _depth;

    public WireReader Wire = new(bytes);

    /// <summary>A value in a position declared as <paramref name="declared"/>.</summary>
    public object? Value(Type declared)
    {
        if (Shapes.IsTagged(declared))
        {
            var type = TypeRef();
            if (type is null) return null;
            if (!declared.IsAssignableFrom(type)) throw new FormatException($"The state's bytes hold a {TypeNames.Readable(type)} where a {TypeNames.Readable(declared)} is expected.");
            return Nested(Shapes.For(type));
        }
        if (Nullable.GetUnderlyingType(declared) is { } underlying)
            return Wire.Byte() == 0 ? null : Nested(Shapes.For(underlying));
        if (!declared.IsValueType && Wire.Byte() == 0) return null;
        return Nested(Shapes.For(declared));
    }

    private object? Nested(Shape shape)
    {
        if (++_depth > Encoder.MaxDepth) throw new FormatException($"The state's bytes nest more than {Encoder.MaxDepth} deep.");
        var value = shape.Read(ref this);
        _depth--;
        return value;
    }

    /// <summary>A type reference (null for 0), reading its definition the first time.</summary>
    public Type? TypeRef()
    {
        var id = Wire.VarUInt();
        if (id == 0) return null;
        var index = (int)(id - 1);
        if (index < _types.Count) return _types[index] ?? throw new FormatException("The state's bytes refer to a type inside its own definition.");
        if (index != _types.Count) throw new FormatException("The state's bytes refer to a type they have not defined.");
        _types.Add(null);
        Type type;
        switch (Wire.Byte())
        {
            case TypeKinds.Array:
                type = (TypeRef() ?? throw new FormatException("An array type without an element type.")).MakeArrayType();
                break;
            case TypeKinds.Generic:
                var definition = WireTypeNames.Resolve(Wire.String());
                var arguments = new Type[Wire.Count()];
                for (var i = 0; i < arguments.Length; i++) arguments[i] = TypeRef() ?? throw new FormatException("A generic type without an argument.");
                type = definition.MakeGenericType(arguments);
                break;
            case TypeKinds.Named:
                type = WireTypeNames.Resolve(Wire.String());
                break;
            default:
                throw new FormatException("The state's bytes hold an unknown kind of type definition.");
        }
        _types[index] = type;
        return type;
    }
}
