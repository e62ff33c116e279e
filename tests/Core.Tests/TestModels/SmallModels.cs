using System.Collections.Immutable;

namespace Stateright.Tests.TestModels;

/// <summary>A model whose NextState throws at state 5 (the Rust library's panicker).</summary>
public sealed class Panicker : Model<int, int>
{
    public override IEnumerable<int> InitStates() => [0];
    public override void Actions(int state, List<int> actions) => actions.Add(1);
    public override bool TryNextState(int state, int action, out int next)
    {
        if (state == 5) throw new InvalidOperationException("reached panic state");
        next = state + action;
        return true;
    }
    public override int NextState(int state, int action) => throw new NotSupportedException();
    protected override IEnumerable<Property<int>> DefineProperties() => [Property<int>.Always("true", _ => true)];
}

/// <summary>Counts up forever; used for timeouts, cancellation and targets.</summary>
public sealed class Counter(params Property<long>[] properties) : Model<long, int>
{
    public override IEnumerable<long> InitStates() => [0];
    public override void Actions(long state, List<int> actions) { actions.Add(1); actions.Add(2); }
    public override bool TryNextState(long state, int action, out long next) { next = state + action; return true; }
    public override long NextState(long state, int action) => throw new NotSupportedException();
    protected override IEnumerable<Property<long>> DefineProperties() => properties;
}

/// <summary>
/// Two processes that go Loading → Running ⇄ Paused (the Rust library's symmetry test model, which
/// caught a bug where paths were built from representatives instead of the states reached).
/// </summary>
/// <summary>Counts 0, 1, … up to <paramref name="limit"/> in steps of one, then stops.</summary>
public sealed class CountUpTo(int limit, params Property<int>[] properties) : Model<int, int>
{
    public override IEnumerable<int> InitStates() => [0];
    public override void Actions(int state, List<int> actions) { if (state < limit) actions.Add(1); }
    public override bool TryNextState(int state, int action, out int next) { next = state + action; return true; }
    public override int NextState(int state, int action) => throw new NotSupportedException();
    protected override IEnumerable<Property<int>> DefineProperties() => properties;
}

public sealed class Processes : Model<Processes.SysState, int>
{
    public enum ProcState { Paused, Loading, Running }

    public sealed record SysState(ImmutableArray<ProcState> Procs) : IRepresentative<SysState>
    {
        public SysState Representative() => new(RewritePlan.FromValuesToSort(Procs).Reindex(Procs));
        public override string ToString() => $"[{string.Join(", ", Procs)}]";
    }

    public override IEnumerable<SysState> InitStates() => [new SysState([ProcState.Loading, ProcState.Loading])];

    public override void Actions(SysState state, List<int> actions) { actions.Add(0); actions.Add(1); }

    public override SysState NextState(SysState state, int i) => new(state.Procs.SetItem(i, state.Procs[i] switch
    {
        ProcState.Loading => ProcState.Running,
        ProcState.Running => ProcState.Paused,
        _ => ProcState.Running,
    }));

    protected override IEnumerable<Property<SysState>> DefineProperties() =>
    [
        Property<SysState>.Always("visit all states", _ => true),
        Property<SysState>.Sometimes("a process pauses", s => s.Procs.Contains(ProcState.Paused)),
    ];
}

/// <summary>The crate-doc sliding puzzle: a 3x3 board with a blank (0), solved by BFS in four moves.</summary>
public sealed class SlidingPuzzle(params byte[] board) : Model<ImmutableArray<byte>, SlidingPuzzle.Slide>
{
    public enum Slide { Down, Up, Right, Left }

    public override IEnumerable<ImmutableArray<byte>> InitStates() => [[.. board]];

    public override void Actions(ImmutableArray<byte> state, List<Slide> actions)
    {
        actions.Add(Slide.Down);
        actions.Add(Slide.Up);
        actions.Add(Slide.Right);
        actions.Add(Slide.Left);
    }

    public override bool TryNextState(ImmutableArray<byte> state, Slide action, out ImmutableArray<byte> next)
    {
        next = default;
        var empty = state.IndexOf(0);
        var (row, column) = (empty / 3, empty % 3);
        var (fromRow, fromColumn) = action switch
        {
            Slide.Down when row > 0 => (row - 1, column),
            Slide.Up when row < 2 => (row + 1, column),
            Slide.Right when column > 0 => (row, column - 1),
            Slide.Left when column < 2 => (row, column + 1),
            _ => (-1, -1),
        };
        if (fromRow < 0) return false;
        var from = fromRow * 3 + fromColumn;
        next = state.SetItem(empty, state[from]).SetItem(from, 0);
        return true;
    }

    public override ImmutableArray<byte> NextState(ImmutableArray<byte> state, Slide action) => throw new NotSupportedException();

    protected override IEnumerable<Property<ImmutableArray<byte>>> DefineProperties() =>
        [Property<ImmutableArray<byte>>.Sometimes("solved", s => s.SequenceEqual(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8 }))];
}
