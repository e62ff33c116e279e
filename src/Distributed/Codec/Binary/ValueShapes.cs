using System.Reflection;
using System.Runtime.CompilerServices;

namespace Stateright.Distributed.Binary;

/// <summary>The built-in scalars and strings.</summary>
internal sealed class PrimitiveShape(Type type) : Shape
{
    private readonly TypeCode _code = Type.GetTypeCode(type);

    public static bool Supports(Type type) => !type.IsEnum && Type.GetTypeCode(type) is not (TypeCode.Object or TypeCode.Empty or TypeCode.DBNull);

    public override void Write(Encoder encoder, object value)
    {
        var wire = encoder.Wire;
        switch (_code)
        {
            case TypeCode.Boolean: wire.Byte((bool)value ? (byte)1 : (byte)0); break;
            case TypeCode.Char: wire.VarUInt((char)value); break;
            case TypeCode.SByte: wire.VarInt((sbyte)value); break;
            case TypeCode.Byte: wire.Byte((byte)value); break;
            case TypeCode.Int16: wire.VarInt((short)value); break;
            case TypeCode.UInt16: wire.VarUInt((ushort)value); break;
            case TypeCode.Int32: wire.VarInt((int)value); break;
            case TypeCode.UInt32: wire.VarUInt((uint)value); break;
            case TypeCode.Int64: wire.VarInt((long)value); break;
            case TypeCode.UInt64: wire.VarUInt((ulong)value); break;
            case TypeCode.Single: wire.UInt64(BitConverter.SingleToUInt32Bits((float)value)); break;
            case TypeCode.Double: wire.UInt64(BitConverter.DoubleToUInt64Bits((double)value)); break;
            case TypeCode.Decimal:
                foreach (var part in decimal.GetBits((decimal)value)) wire.VarInt(part);
                break;
            case TypeCode.DateTime: wire.UInt64((ulong)((DateTime)value).ToBinary()); break;
            case TypeCode.String: wire.String((string)value); break;
            default: throw new NotSupportedException($"Type code {_code}.");
        }
    }

    public override object Read(ref Decoder decoder) => _code switch
    {
        TypeCode.Boolean => decoder.Wire.Byte() != 0,
        TypeCode.Char => checked((char)decoder.Wire.VarUInt()),
        TypeCode.SByte => checked((sbyte)decoder.Wire.VarInt()),
        TypeCode.Byte => decoder.Wire.Byte(),
        TypeCode.Int16 => checked((short)decoder.Wire.VarInt()),
        TypeCode.UInt16 => checked((ushort)decoder.Wire.VarUInt()),
        TypeCode.Int32 => checked((int)decoder.Wire.VarInt()),
        TypeCode.UInt32 => checked((uint)decoder.Wire.VarUInt()),
        TypeCode.Int64 => decoder.Wire.VarInt(),
        TypeCode.UInt64 => decoder.Wire.VarUInt(),
        TypeCode.Single => BitConverter.UInt32BitsToSingle(checked((uint)decoder.Wire.UInt64())),
        TypeCode.Double => BitConverter.UInt64BitsToDouble(decoder.Wire.UInt64()),
        TypeCode.Decimal => new decimal([checked((int)decoder.Wire.VarInt()), checked((int)decoder.Wire.VarInt()), checked((int)decoder.Wire.VarInt()), checked((int)decoder.Wire.VarInt())]),
        TypeCode.DateTime => DateTime.FromBinary((long)decoder.Wire.UInt64()),
        TypeCode.String => decoder.Wire.String(),
        _ => throw new FormatException($"Type code {_code}."),
    };
}

/// <summary>An enum, as its underlying integer.</summary>
internal sealed class EnumShape(Type type) : Shape
{
    private readonly bool _unsigned = Enum.GetUnderlyingType(type) == typeof(ulong);

    public override void Write(Encoder encoder, object value)
    {
        if (_unsigned) encoder.Wire.VarUInt(Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture));
        else encoder.Wire.VarInt(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    public override object Read(ref Decoder decoder) => _unsigned ? Enum.ToObject(type, decoder.Wire.VarUInt()) : Enum.ToObject(type, decoder.Wire.VarInt());
}

/// <summary>A one-dimensional array: its length, then its elements.</summary>
internal sealed class ArrayShape(Type element) : Shape
{
    public override void Write(Encoder encoder, object value)
    {
        var array = (Array)value;
        encoder.Wire.VarUInt((ulong)array.Length);
        foreach (var item in array) encoder.Value(element, item);
    }

    public override object Read(ref Decoder decoder)
    {
        var array = Array.CreateInstance(element, decoder.Wire.Count());
        for (var i = 0; i < array.Length; i++) array.SetValue(decoder.Value(element), i);
        return array;
    }
}

/// <summary>
/// Any other class or struct: its instance fields (private ones and those of its base classes included),
/// in a fixed order, each as its declared type; read back into an object made without running a
/// constructor. Records, record structs, tuples and plain classes holding values all travel this way.
/// </summary>
internal sealed class ObjectShape(Type type) : Shape
{
    private readonly FieldInfo[] _fields = FieldsOf(type);

    public override void Write(Encoder encoder, object value)
    {
        foreach (var field in _fields) encoder.Value(field.FieldType, field.GetValue(value));
    }

    public override object Read(ref Decoder decoder)
    {
        var value = RuntimeHelpers.GetUninitializedObject(type); // a struct comes back boxed, and its fields are set in the box
        foreach (var field in _fields) field.SetValue(value, decoder.Value(field.FieldType));
        return value;
    }

    private static FieldInfo[] FieldsOf(Type type)
    {
        var levels = new List<Type>();
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType) levels.Add(t);
        levels.Reverse();
        return [.. levels.SelectMany(t => t
            .GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .OrderBy(f => f.Name, StringComparer.Ordinal))];
    }
}
