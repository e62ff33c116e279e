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

    public static ulong Compute(T value) => s_compute(value);
}

/// <summary>The fingerprint of a value whose runtime type is exactly <typeparamref name="T"/>.</summary>
internal static class ExactFingerprinter<T>
{
    private static readonly Func<T, ulong> s_compute = FingerprintCompiler.CreateExact<T>();

    public static ulong Compute(T value) => s_compute(value);
}

/// <summary>The stable hash of a type's name, mixed into fingerprints of polymorphic values.</summary>
internal static class TypeTag<T>
{
    public static readonly ulong Value = FingerprintMath.OfString(StableTypeName.Of(typeof(T)));
}
