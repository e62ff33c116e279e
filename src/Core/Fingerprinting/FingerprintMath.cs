using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Stateright;

/// <summary>Mixing functions behind fingerprints. Fixed forever: snapshots and stored paths depend on them.</summary>
internal static class FingerprintMath
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>The SplitMix64 finalizer: a full-avalanche bijection on 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> s_simpleTypes = new();

    /// <summary>
    /// True for the types hashed by <see cref="Simple{T}"/> from their raw bits: integers, chars,
    /// bools, enums over them, and structs of 1, 2, 4 or 8 bytes made only of such fields with no
    /// padding (e.g. <c>record struct Message(Kind Kind, int Rm)</c>). Floating-point values are not
    /// simple (0.0 and -0.0 must hash alike), nor is <see cref="DateTime"/> (its Kind is not compared), nor is anything holding references.
    /// </summary>
    public static bool IsSimpleType(Type type) => s_simpleTypes.GetOrAdd(type, ComputeIsSimple);

    private static bool ComputeIsSimple(Type type)
    {
        // Equal values with different bits: Half's 0 and -0 and NaN payloads, DateTime's Kind.
        if (type == typeof(Half) || type == typeof(DateTime)) return false;
        if (type.IsEnum) type = Enum.GetUnderlyingType(type);
        if (type == typeof(bool) || type == typeof(char) || type == typeof(byte) || type == typeof(sbyte)
            || type == typeof(short) || type == typeof(ushort) || type == typeof(int) || type == typeof(uint)
            || type == typeof(long) || type == typeof(ulong))
            return true;
        if (!type.IsValueType || type.IsPrimitive || type.IsGenericTypeDefinition || type.IsByRefLike || Nullable.GetUnderlyingType(type) is not null) return false;
        if (typeof(IFingerprintable).IsAssignableFrom(type) || type.IsExplicitLayout) return false;
        var fields = type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic);
        if (fields.Length == 0 || fields.Any(f => f.IsDefined(typeof(FingerprintIgnoreAttribute), true) || !IsSimpleType(f.FieldType))) return false;
        var size = SizeOf(type);
        return size is 1 or 2 or 4 or 8 && fields.Sum(f => SizeOf(f.FieldType)) == size; // no padding bytes
    }

    private static int SizeOf(Type type) =>
        (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;

    /// <summary>
    /// The hash of a simple value (see <see cref="IsSimpleType"/>): its bits, zero-extended and not
    /// mixed — every use goes through <see cref="Combine"/> or <see cref="Mix"/> (and
    /// <see cref="Fingerprint.Of{T}"/> mixes its result), so mixing here would only cost time.
    /// Only called for simple types; the size switch folds away when the JIT specializes it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Simple<T>(T value) => Unsafe.SizeOf<T>() switch
    {
        1 => Unsafe.As<T, byte>(ref value),
        2 => Unsafe.As<T, ushort>(ref value),
        4 => Unsafe.As<T, uint>(ref value),
        _ => Unsafe.As<T, ulong>(ref value),
    };

    /// <summary>Order-sensitive combination.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong seed, ulong value) =>
        Mix(seed ^ (value + Golden + (seed << 6) + (seed >> 2)));

    /// <summary>Hashes a string's UTF-16 code units; the result is the same in every process.</summary>
    public static ulong OfString(string? s)
    {
        if (s is null) return Fingerprint.Null;
        var h = Mix((ulong)s.Length + 0x5354524953544EUL);
        var span = MemoryMarshal.AsBytes(s.AsSpan());
        while (span.Length >= 8)
        {
            h = Combine(h, MemoryMarshal.Read<ulong>(span));
            span = span[8..];
        }
        ulong tail = 0;
        for (var i = 0; i < span.Length; i++) tail |= (ulong)span[i] << (8 * i);
        return Combine(h, tail);
    }

    /// <summary>Seed for a sequence or composite of the given length/kind.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Seed(ulong kind, long length) => Mix(kind * Golden + (ulong)length);
}
