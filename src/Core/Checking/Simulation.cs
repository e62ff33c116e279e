namespace Stateright;

/// <summary>
/// Chooses the initial state and the actions of a simulation walk. Implement it to bias the walks
/// (for example towards rare actions); draw randomness only from the <see cref="SimulationRandom"/>
/// given, so that a seed keeps reproducing the same walks.
/// </summary>
public interface IChooser<TState, TAction>
{
    /// <summary>The index of the initial state to start a walk from.</summary>
    int ChooseInitialState(IReadOnlyList<TState> initStates, SimulationRandom random);

    /// <summary>The index, within <paramref name="actions"/>, of the action to take next.</summary>
    int ChooseAction(TState state, IReadOnlyList<TAction> actions, SimulationRandom random);
}

/// <summary>Chooses uniformly at random.</summary>
public sealed class UniformChooser<TState, TAction> : IChooser<TState, TAction>
{
    /// <inheritdoc/>
    public int ChooseInitialState(IReadOnlyList<TState> initStates, SimulationRandom random) => random.NextInt(initStates.Count);

    /// <inheritdoc/>
    public int ChooseAction(TState state, IReadOnlyList<TAction> actions, SimulationRandom random) => random.NextInt(actions.Count);
}

/// <summary>
/// The random source of one simulation walk: xoshiro256** seeded through SplitMix64 from the run's
/// seed and the walk number. Its sequence is fixed by this library, not by the .NET runtime, so it is
/// the same on every machine and version.
/// </summary>
public sealed class SimulationRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates the source for walk <paramref name="stream"/> of a run seeded with <paramref name="seed"/>.</summary>
    public SimulationRandom(ulong seed, ulong stream = 0)
    {
        var x = FingerprintMath.Combine(seed, stream);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return FingerprintMath.Mix(x);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>), without modulo bias.</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exclusiveMax, 1);
        var bound = (ulong)exclusiveMax;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var r = NextUInt64();
            var product = Math.BigMul(r, bound, out var low);
            if (low >= threshold) return (int)product;
        }
    }
}
