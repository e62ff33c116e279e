namespace Stateright;

/// <summary>
/// The fingerprint function for values seen through static type <typeparamref name="T"/>. Built once
/// per type (on first use) and cached in a static field, so the hot path is a delegate call with no
/// reflection. Non-sealed reference types dispatch on the runtime type, so a field typed as an abstract
/// message record fingerprints whichever case it holds.
/// </summary>
internal static class Fingerprinter<T>
{
    private static readonly Func<T, ulong> s_compute = FingerprintCompiler.CreateEntry<T>();

    /// <summary>
    /// True for integers, chars, bools and enums, which hash inline (<see cref="FingerprintMath.Simple{T}"/>).
    /// A static readonly bool is a constant to the JIT, so the check below costs nothing.
    /// </summary>
    public static readonly bool IsSimple = FingerprintMath.IsSimpleType(typeof(T));

    /// <summary>True if values of <typeparamref name="T"/> need no depth guard (see <see cref="FingerprintCompiler.IsBoundedTree"/>).</summary>
    public static readonly bool IsBoundedTree = FingerprintCompiler.IsBoundedTree(typeof(T));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ulong Compute(T value) => IsSimple ? FingerprintMath.Simple(value) : s_compute(value);
}

/// <summary>The fingerprint of a value whose runtime type is exactly <typeparamref name="T"/>.</summary>
internal static class ExactFingerprinter<T>
{
    public static readonly Func<T, ulong> Function = FingerprintCompiler.CreateExact<T>();

    public static ulong Compute(T value) => Function(value);
}

/// <summary>The stable hash of a type's name, mixed into fingerprints of polymorphic values.</summary>
internal static class TypeTag<T>
{
    public static readonly ulong Value = FingerprintMath.OfString(StableTypeName.Of(typeof(T)));
}
