using Stateright;

namespace Fixtures;

// Models shared by every front end's fixture project (xUnit v2 and v3, NUnit, the test adapter), so
// that all of them run the same scenarios and produce the same snapshot text. Linked into each fixture.

/// <summary>Counts 0..3 in steps of one; properties with known outcomes.</summary>
public sealed class SmallCounter(params Property<int>[] properties) : Model<int, int>
{
    public override IEnumerable<int> InitStates() => [0];
    public override void Actions(int state, List<int> actions) { if (state < 3) actions.Add(1); }
    public override bool TryNextState(int state, int action, out int next) { next = state + action; return true; }
    public override int NextState(int state, int action) => throw new NotSupportedException();
    protected override IEnumerable<Property<int>> DefineProperties() => properties;
}

/// <summary>Counts forever: only a timeout stops it.</summary>
public sealed class EndlessCounter : Model<long, int>
{
    public override IEnumerable<long> InitStates() => [0];
    public override void Actions(long state, List<int> actions) { actions.Add(1); actions.Add(2); }
    public override bool TryNextState(long state, int action, out long next) { next = state + action; return true; }
    public override long NextState(long state, int action) => throw new NotSupportedException();
    protected override IEnumerable<Property<long>> DefineProperties() => [Property<long>.Always("finite", _ => true)];
}

/// <summary>Counts to <paramref name="limit"/>, a step a millisecond: a long check with few states in memory (for live progress).</summary>
public sealed class SlowCounter(int limit) : Model<int, int>
{
    public override IEnumerable<int> InitStates() => [0];
    public override void Actions(int state, List<int> actions) { if (state < limit) actions.Add(1); }
    public override bool TryNextState(int state, int action, out int next)
    {
        Thread.Sleep(1); // keeps a fixed-duration check small in memory
        next = state + action;
        return true;
    }
    public override int NextState(int state, int action) => throw new NotSupportedException();
    protected override IEnumerable<Property<int>> DefineProperties() => [Property<int>.Always("finite", _ => true)];
}

/// <summary>The scenario models every fixture's test class returns, with the same properties.</summary>
public static class Scenarios
{
    /// <summary>Holding and violated Always, reachable and unreachable Sometimes.</summary>
    public static SmallCounter Mixed() => new(
        Property<int>.Always("holds", s => s <= 3),
        Property<int>.Always("violated", s => s < 2),
        Property<int>.Sometimes("reachable", s => s == 3),
        Property<int>.Sometimes("unreachable", s => s == 4));

    /// <summary>A known bug, expected with [ExpectDiscovery("known bug")].</summary>
    public static SmallCounter KnownBug() => new(Property<int>.Always("known bug", s => s != 2));

    /// <summary>A factory that throws.</summary>
    public static SmallCounter Broken() => throw new InvalidOperationException("the factory is broken");

    /// <summary>A model only a timeout stops.</summary>
    public static EndlessCounter Endless() => new();

    /// <summary>
    /// A model that checks slowly until its timeout, so that its progress shows while it runs, when the
    /// environment variable STATERIGHT_FIXTURE_SLOW is 1 (the live-progress tests set it); otherwise it
    /// has ten states and passes at once, so the fixture's other runs need not leave it out.
    /// </summary>
    public static SlowCounter Slow() => new(Environment.GetEnvironmentVariable("STATERIGHT_FIXTURE_SLOW") == "1" ? int.MaxValue : 9);

    /// <summary>A valid model, used with bad attribute arguments.</summary>
    public static SmallCounter Valid() => new(Property<int>.Always("holds", s => s <= 3));
}
