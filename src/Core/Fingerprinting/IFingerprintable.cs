namespace Stateright;

/// <summary>
/// Implemented by a type that computes its own fingerprint instead of the structural one, for
/// example to leave a cache field out or to be faster than the generic walk over its fields.
/// </summary>
/// <remarks>
/// The result must depend only on the value's logical content and be stable across processes:
/// use <see cref="Fingerprint.Of{T}(T)"/> and <see cref="Fingerprint.Combine(ulong, ulong)"/>, never
/// <see cref="object.GetHashCode"/> (string hash codes are randomized per process).
/// </remarks>
public interface IFingerprintable
{
    /// <summary>Returns this value's fingerprint.</summary>
    ulong GetFingerprint();
}
