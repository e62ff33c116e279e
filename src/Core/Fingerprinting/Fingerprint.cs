namespace Stateright;

/// <summary>
/// Structural 64-bit fingerprints of states and actions. Two values with the same structure (the same
/// field values, the same collection contents; set- and map-like collections compared regardless of
/// order) have the same fingerprint in every process, on every machine.
/// </summary>
/// <remarks>
/// The checker stores visited states as fingerprints only, so collisions (two different states with
/// the same fingerprint) are not detected; at 64 bits they are vanishingly rare for state spaces that
/// fit in memory. A fingerprint is never zero: the checker uses zero as "no entry".
/// </remarks>
public static class Fingerprint
{
    /// <summary>The fingerprint of a <see langword="null"/> reference.</summary>
    internal const ulong Null = 0x6E756C6C_5F6E756CUL;

    /// <summary>Computes the structural fingerprint of <paramref name="value"/>.</summary>
    /// <typeparam name="T">The static type through which the value is fingerprinted.</typeparam>
    /// <exception cref="UnfingerprintableTypeException">
    /// The type, or a member of it, cannot be fingerprinted; or the value refers to itself (an object
    /// cycle) or nests more than 1,000 levels deep — the message names the member path.
    /// </exception>
    public static ulong Of<T>(T value)
    {
        if (Fingerprinter<T>.IsBoundedTree)
        {
            // Nothing below T can recurse without bound, so the depth guard has nothing to catch.
            var h = FingerprintMath.Mix(Fingerprinter<T>.Compute(value));
            return h == 0 ? 1 : h;
        }
        return Guarded(value);
    }

    private static ulong Guarded<T>(T value)
    {
        // Guarded: an IFingerprintable may call back in here for its members. The outermost call
        // turns a too-deep value (an object cycle, a very long chain) into a message naming the path.
        var outermost = FingerprintDepth.Current == 0;
        FingerprintDepth.Enter();
        try
        {
            // A final mix, so that a state that is a bare integer still spreads over the visited table.
            var h = FingerprintMath.Mix(Fingerprinter<T>.Compute(value));
            return h == 0 ? 1 : h;
        }
        catch (FingerprintTooDeepException) when (outermost)
        {
            throw FingerprintGraph.Diagnose(value, typeof(T));
        }
        finally
        {
            FingerprintDepth.Exit();
        }
    }

    /// <summary>
    /// Checks that values of <typeparamref name="T"/> can be fingerprinted, throwing a message that
    /// names the offending type and member if not. The checker calls this before it starts.
    /// </summary>
    /// <exception cref="UnfingerprintableTypeException">The type, or a member of it, cannot be fingerprinted.</exception>
    public static void EnsureSupported<T>() => FingerprintCompiler.Validate(typeof(T));

    /// <summary>Combines two fingerprints, order-sensitively. Useful in <see cref="IFingerprintable"/> implementations.</summary>
    public static ulong Combine(ulong seed, ulong value) => FingerprintMath.Combine(seed, value);

    /// <summary>Combines three fingerprints, order-sensitively.</summary>
    public static ulong Combine(ulong a, ulong b, ulong c) => FingerprintMath.Combine(FingerprintMath.Combine(a, b), c);
}
