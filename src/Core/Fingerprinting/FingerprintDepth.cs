using System.Runtime.CompilerServices;

namespace Stateright;

/// <summary>
/// The depth guard of fingerprinting. Fingerprints recurse through the value, so an object cycle
/// (<c>a.Next = a</c>) or a very deep chain would overflow the stack and kill the process. Only the
/// places where recursion can repeat are guarded — dynamic dispatch on a runtime type, composites
/// whose type graph loops back to themselves, and <see cref="Fingerprint.Of{T}"/> (which
/// <see cref="IFingerprintable"/> implementations call) — so ordinary states pay nothing.
/// </summary>
internal static class FingerprintDepth
{
    /// <summary>How deeply guarded values may nest. Far beyond any sensible state; well within a thread's stack.</summary>
    public const int Limit = 1000;

    [ThreadStatic] private static int t_depth;

    public static int Current => t_depth;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter()
    {
        // The stack check backs the counter up on threads with small stacks.
        if (++t_depth > Limit || !RuntimeHelpers.TryEnsureSufficientExecutionStack()) Overflow();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit() => t_depth--;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Overflow()
    {
        t_depth--;
        throw new FingerprintTooDeepException();
    }
}

/// <summary>
/// Unwinds a fingerprint computation that went too deep, up to the outermost
/// <see cref="Fingerprint.Of{T}"/>, which then finds the cycle or the deep member path (slow path).
/// </summary>
internal sealed class FingerprintTooDeepException : Exception
{
    public FingerprintTooDeepException() : base("A value nests too deeply to fingerprint.") { }
}
