using System.Collections.Immutable;

namespace Stateright.Distributed.Tests;

/// <summary>
/// A register served by one server to clients that each write their own value, then read, over an
/// unordered network that never loses a message: the abstract (non-actor) form of the seed's register
/// system. "read sees a write" holds; "reads agree" fails (two clients may read different values).
/// </summary>
public sealed class RegisterModel(int clients) : Model<RegisterModel.State, RegisterModel.Action>
{
    /// <summary>A message: a put of a value, a get, or their replies, from or to a client.</summary>
    public readonly record struct Msg(MsgKind Kind, int Client, char Value) : IComparable<Msg>
    {
        public int CompareTo(Msg other) => (Kind, Client, Value).CompareTo((other.Kind, other.Client, other.Value));
    }

    public enum MsgKind : byte { Put, PutOk, Get, GetOk }

    /// <summary>Each client's phase (0 idle, 1 put sent, 2 get sent, 3 done), what each read, the register, the network (sorted).</summary>
    public sealed record State(ImmutableArray<int> Phases, ImmutableArray<char> Reads, char Value, ImmutableArray<Msg> Network);

    /// <summary>A client starts its next request, or the message at a position is delivered.</summary>
    public readonly record struct Action(int Client, Msg? Deliver);

    public override IEnumerable<State> InitStates() =>
        [new State([.. Enumerable.Repeat(0, clients)], [.. Enumerable.Repeat('?', clients)], '?', [])];

    public override void Actions(State state, List<Action> actions)
    {
        for (var c = 0; c < clients; c++)
            if (state.Phases[c] is 0) actions.Add(new Action(c, null));
        foreach (var msg in state.Network) actions.Add(new Action(-1, msg));
    }

    public override State? NextState(State state, Action action)
    {
        if (action.Deliver is not { } msg)
        {
            var c = action.Client;
            return state with { Phases = state.Phases.SetItem(c, 1), Network = Send(state.Network.Remove(default), new Msg(MsgKind.Put, c, (char)('A' + c))) };
        }
        var network = state.Network.Remove(msg);
        return msg.Kind switch
        {
            MsgKind.Put => state with { Value = msg.Value, Network = Send(network, msg with { Kind = MsgKind.PutOk }) },
            MsgKind.PutOk => state with { Phases = state.Phases.SetItem(msg.Client, 2), Network = Send(network, new Msg(MsgKind.Get, msg.Client, ' ')) },
            MsgKind.Get => state with { Network = Send(network, new Msg(MsgKind.GetOk, msg.Client, state.Value)) },
            _ => state with { Phases = state.Phases.SetItem(msg.Client, 3), Reads = state.Reads.SetItem(msg.Client, msg.Value), Network = network },
        };
    }

    private static ImmutableArray<Msg> Send(ImmutableArray<Msg> network, Msg msg)
    {
        var index = network.BinarySearch(msg);
        return index >= 0 ? network : network.Insert(~index, msg);
    }

    protected override IEnumerable<Property<State>> DefineProperties() =>
    [
        Property<State>.Always("read sees a write", s => s.Reads.All(r => r is '?' || (r >= 'A' && r < 'A' + clients))),
        Property<State>.Always("reads agree", s => s.Reads.Where(r => r != '?').Distinct().Count() <= 1),
        Property<State>.Sometimes("all done", s => s.Phases.All(p => p == 3)),
    ];
}

/// <summary>
/// A walk on an n×n grid from the corner: every state but the edges has two parents at the same depth,
/// so the choice among equal-depth parents decides every path. "far corner" is a Sometimes property
/// reached by many shortest paths; "not on the diagonal" fails at depth 1.
/// </summary>
public sealed class Grid(int n) : Model<Grid.Point, int>
{
    public sealed record Point(int X, int Y);

    public override IEnumerable<Point> InitStates() => [new Point(0, 0), new Point(0, 0), new Point(1, 0)];

    public override void Actions(Point state, List<int> actions) => actions.AddRange([0, 1, 2]);

    public override Point? NextState(Point state, int action) => action switch
    {
        0 when state.X < n => state with { X = state.X + 1 },
        1 when state.Y < n => state with { Y = state.Y + 1 },
        2 when state.X > 0 && state.Y < n => new Point(state.X - 1, state.Y + 1),
        _ => null,
    };

    protected override IEnumerable<Property<Point>> DefineProperties() =>
    [
        Property<Point>.Sometimes("far corner", p => p.X == n && p.Y == n),
        Property<Point>.Sometimes("middle of the top", p => p.X == n / 2 && p.Y == n),
        Property<Point>.Always("not on the diagonal past the start", p => p.X != p.Y || p.X < 2),
        Property<Point>.Always("inside the grid", p => p.X <= n && p.Y <= n), // holds: the run checks every state
    ];
}

/// <summary>A state whose <c>Secret</c> JSON cannot set (a private setter): it is lost on the wire.</summary>
public sealed record Lossy(int Visible)
{
    public int Secret { get; private set; }

    public static Lossy With(int visible, int secret) => new(visible) { Secret = secret };
}

/// <summary>A model whose states do not survive the JSON codec.</summary>
public sealed class LossyStates : Model<Lossy, int>
{
    public override IEnumerable<Lossy> InitStates() => [Lossy.With(0, 7)];

    public override void Actions(Lossy state, List<int> actions) { if (state.Visible < 3) actions.Add(0); }

    public override Lossy? NextState(Lossy state, int action) => Lossy.With(state.Visible + 1, 7);
}

/// <summary>A counter that throws when it reaches <c>limit</c>.</summary>
public sealed class ThrowsAtDepth(int limit) : Model<int, int>
{
    public override IEnumerable<int> InitStates() => [0];

    public override void Actions(int state, List<int> actions) => actions.AddRange([1, 2]);

    public override int NextState(int state, int action) =>
        state + action >= limit ? throw new InvalidOperationException($"counter reached {state + action}") : state + action;
}

/// <summary>A user's filter that removed every initial state (issue 28): never a pass.</summary>
public sealed class NoInitialState : Model<int, int>
{
    public override IEnumerable<int> InitStates() => new[] { 1, 2 }.Where(x => x > 5);

    public override void Actions(int state, List<int> actions) => actions.Add(1);

    public override int NextState(int state, int action) => state + action;

    protected override IEnumerable<Property<int>> DefineProperties() => [Property<int>.Always("safe", s => s < 0)];
}

/// <summary>A step size drawn from a counter shared by every call (issue 28): reported as not deterministic, never a counterexample.</summary>
public sealed class DrawingNextState : Model<int, int>
{
    private int _calls;

    public override IEnumerable<int> InitStates() => [0];

    public override void Actions(int state, List<int> actions) { if (state < 40) actions.Add(1); }

    public override int NextState(int state, int action) => state + 1 + (Interlocked.Increment(ref _calls) % 2);

    protected override IEnumerable<Property<int>> DefineProperties() => [Property<int>.Always("never 25", s => s != 25)];
}
