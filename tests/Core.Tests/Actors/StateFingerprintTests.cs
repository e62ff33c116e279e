using System.Collections.Immutable;
using Stateright.Actors;

namespace Stateright.Tests.Actors;

/// <summary>
/// An actor-model state's fingerprint is assembled from parts cached along the step that built it;
/// these tests check that it is still exactly the structural fingerprint of its contents, with values
/// pinned from before the caches (so stored paths, snapshots and symmetry choices keep their meaning).
/// </summary>
public class StateFingerprintTests
{
    /// <summary>Touches every part of a state: actor states, timers, random choices, crashes, storage, history and the network.</summary>
    private sealed class Busy(Id peer) : Actor<int, (int Count, int Choice)>
    {
        public override (int Count, int Choice) OnStart(Id id, Out<int> o) => OnStart(id, null, o);

        public override (int Count, int Choice) OnStart(Id id, object? storage, Out<int> o)
        {
            o.SetTimer("tick", ModelHelpers.ModelOnlyTimeout());
            o.Send(peer, 0);
            return (storage is int saved ? saved : 0, 0);
        }

        public override (int Count, int Choice) OnMsg(Id id, (int Count, int Choice) state, Id src, int msg, Out<int> o)
        {
            if (msg >= 2 || state.Count >= 2) return state; // bounded: counts and messages stay small
            o.Send(src, msg + 1);
            o.Save(state.Count + 1);
            return state with { Count = state.Count + 1 };
        }

        public override (int Count, int Choice) OnTimeout(Id id, (int Count, int Choice) state, object timer, Out<int> o)
        {
            o.ChooseRandom("pick", [1, 2]);
            return state;
        }

        public override (int Count, int Choice) OnRandom(Id id, (int Count, int Choice) state, object random, Out<int> o) =>
            state with { Choice = (int)random };
    }

    private static ActorModel<int, ImmutableList<int>> Model(NetworkKind kind) =>
        new ActorModel<int, ImmutableList<int>>([])
            .Actor(new Busy(1))
            .Actor(new Busy(0))
            .InitNetwork(kind)
            .LossyNetwork()
            .MaxCrashes(1)
            .RecordMsgIn((h, e) => h.Count < 3 ? h.Add(e.Msg) : h)
            .Property(Expectation.Always, "unused", _ => true);

    /// <summary>The first 2,000 reachable states in breadth-first order, by a plain walk keyed by fingerprint.</summary>
    private static List<ActorModelState<int, ImmutableList<int>>> Reachable(ActorModel<int, ImmutableList<int>> model)
    {
        var seen = new HashSet<ulong>();
        var states = model.InitStates().Where(s => seen.Add(Fingerprint.Of(s))).ToList();
        var actions = new List<ActorModelAction<int>>();
        for (var i = 0; i < states.Count && states.Count < 2_000; i++)
        {
            actions.Clear();
            model.Actions(states[i], actions);
            foreach (var action in actions)
                if (model.NextState(states[i], action) is { } next && seen.Add(Fingerprint.Of(next))) states.Add(next);
        }
        return states;
    }

    private static ActorModelState<int, ImmutableList<int>> Rebuilt(ActorModelState<int, ImmutableList<int>> s) =>
        new(s.ActorStates, s.Network, s.Timers, s.RandomChoices, s.Crashed, s.Storages, s.History);

    /// <summary>The state's fields under the same names and types: its structural fingerprint, cache-free.</summary>
    private sealed record Mirror(
        ImmutableArray<object> ActorStates,
        Network<int> Network,
        ImmutableArray<ImmutableHashSet<object>> Timers,
        ImmutableArray<ImmutableDictionary<string, ImmutableArray<object>>> RandomChoices,
        ImmutableArray<bool> Crashed,
        ImmutableArray<object?> Storages,
        ImmutableList<int> History);

    [Theory]
    [InlineData(NetworkKind.UnorderedDuplicating, 2_002, 9791963054081867558UL)]
    [InlineData(NetworkKind.UnorderedNonDuplicating, 2_000, 13091685381334687540UL)]
    [InlineData(NetworkKind.Ordered, 2_003, 346009978547431516UL)]
    public void Fingerprints_are_the_structural_ones_of_the_contents(NetworkKind kind, int count, ulong sum)
    {
        var states = Reachable(Model(kind));
        foreach (var state in states)
        {
            var fingerprint = Fingerprint.Of(state);
            Assert.Equal(Fingerprint.Of(Rebuilt(state)), fingerprint); // no cache: computed from scratch
            Assert.Equal(Fingerprint.Of(new Mirror(state.ActorStates, state.Network, state.Timers, state.RandomChoices, state.Crashed, state.Storages, state.History)), fingerprint);
        }
        // Pinned: the count and the sum of every state's fingerprint, as computed before parts were cached.
        Assert.Equal((count, sum), (states.Count, states.Aggregate(0UL, (total, s) => total + Fingerprint.Of(s))));
    }

    [Fact]
    public void With_leaves_the_cached_fingerprint_behind()
    {
        var state = Reachable(Model(NetworkKind.UnorderedDuplicating))[5];
        var before = Fingerprint.Of(state);
        var crashed = state with { Crashed = state.Crashed.SetItem(0, !state.Crashed[0]) };
        Assert.NotEqual(before, Fingerprint.Of(crashed));
        Assert.Equal(Fingerprint.Of(Rebuilt(crashed)), Fingerprint.Of(crashed));
        Assert.Equal(before, Fingerprint.Of(crashed with { Crashed = state.Crashed }));
    }

    [Fact]
    public void Equality_ignores_the_caches()
    {
        var state = Reachable(Model(NetworkKind.Ordered))[3];
        var copy = Rebuilt(state);
        Assert.Equal(state, copy); // the same part instances, one copy fingerprinted and the other not
        Assert.Equal(state.GetHashCode(), copy.GetHashCode());
        Fingerprint.Of(state);
        Assert.Equal(state, copy);
        Assert.NotEqual(state, copy with { History = copy.History.Add(9) });
    }

    /// <summary>
    /// Deliveries that change the receiver and send, send without changing it, send the delivered message
    /// back, or send one message twice: the steps whose successors are identified before they are built.
    /// </summary>
    private sealed class Relay(Id peer) : Actor<int, int>
    {
        public override int OnStart(Id id, Out<int> o)
        {
            o.Send(peer, 0);
            o.Send(peer, 0);
            return 0;
        }

        public override int OnMsg(Id id, int state, Id src, int msg, Out<int> o)
        {
            if (msg >= 3 || state >= 4) return state;
            switch (msg)
            {
                case 0:
                    o.Send(src, 1);
                    return state + 1;
                case 1:
                    o.Send(id, 2); // a send without a change (to itself)
                    return state;
                default:
                    o.Send(id, 2); // the delivered envelope again (it came from this actor itself)
                    o.Send(peer, 3);
                    o.Send(peer, 3); // twice in one step
                    return state + 2;
            }
        }
    }

    private static ActorModel<int, ImmutableList<int>> RelayModel(NetworkKind kind) =>
        new ActorModel<int, ImmutableList<int>>([])
            .Actor(new Relay(1))
            .Actor(new Relay(0))
            .InitNetwork(kind)
            .RecordMsgIn((h, e) => h.Count < 2 ? h.Add(e.Msg) : h)
            .Property(Expectation.Always, "unused", _ => true);

    /// <summary>
    /// A successor by a delivery is fingerprinted from its parent's parts and the step before its actor
    /// array and network are built; that fingerprint must be the structural one of the parts built later,
    /// and a plain walk that identifies states by the from-scratch fingerprint must count what the
    /// checker counts, with either engine and any thread count.
    /// </summary>
    [Theory]
    [InlineData(NetworkKind.UnorderedDuplicating)]
    [InlineData(NetworkKind.UnorderedNonDuplicating)]
    [InlineData(NetworkKind.Ordered)]
    public void A_successor_identified_before_it_is_built_has_the_fingerprint_of_its_built_parts(NetworkKind kind)
    {
        var model = RelayModel(kind);
        var seen = new HashSet<ulong>();
        var states = model.InitStates().Where(s => seen.Add(Fingerprint.Of(Rebuilt(s)))).ToList();
        var actions = new List<ActorModelAction<int>>();
        var identifiedFirst = 0;
        for (var i = 0; i < states.Count; i++)
        {
            actions.Clear();
            model.Actions(states[i], actions);
            foreach (var action in actions)
            {
                if (model.NextState(states[i], action) is not { } next) continue;
                if (next.HasPendingParts) identifiedFirst++;
                var told = Fingerprint.Of(next); // before its parts are read
                var mirror = Fingerprint.Of(new Mirror(next.ActorStates, next.Network, next.Timers, next.RandomChoices, next.Crashed, next.Storages, next.History));
                Assert.False(next.HasPendingParts);
                Assert.Equal(mirror, told);
                Assert.Equal(mirror, Fingerprint.Of(Rebuilt(next)));
                if (seen.Add(told)) states.Add(next);
            }
        }
        if (kind == NetworkKind.Ordered) Assert.Equal(0, identifiedFirst); // ordered channels are built at once
        else Assert.True(identifiedFirst > states.Count, $"{identifiedFirst} successors identified before they were built");
        foreach (var threads in new[] { 1, 2 })
        {
            Assert.Equal(states.Count, model.Checker().Threads(threads).SpawnBfs().Join().UniqueStateCount);
            Assert.Equal(states.Count, model.Checker().Threads(threads).SpawnDfs().Join().UniqueStateCount);
        }
    }

    /// <summary>
    /// DFS hands back each successor it drops as seen before, and the model makes the thread's next
    /// successor by a delivery out of it: the reused object must be that successor in full (fingerprint,
    /// parts, equality), whatever the dropped one was (another actor changed, more or fewer sends), and a
    /// successor whose parts were read is never reused.
    /// </summary>
    [Theory]
    [InlineData(NetworkKind.UnorderedDuplicating)]
    [InlineData(NetworkKind.UnorderedNonDuplicating)]
    public void A_dropped_successor_reused_as_the_next_is_that_successor_in_full(NetworkKind kind)
    {
        var model = RelayModel(kind);
        IDeferredParts<ActorModelState<int, ImmutableList<int>>> recycler = model;
        while (DroppedSuccessors.Take<int, ImmutableList<int>>() is not null) { } // another test's DFS may have left some on this thread
        var seen = new HashSet<ulong>();
        var states = model.InitStates().Where(s => seen.Add(Fingerprint.Of(s))).ToList(); // a fingerprinted state's successors are identified first
        var actions = new List<ActorModelAction<int>>();
        var reused = 0;
        for (var i = 0; i < states.Count; i++)
        {
            actions.Clear();
            model.Actions(states[i], actions);
            foreach (var dropped in actions)
            {
                foreach (var wanted in actions)
                {
                    if (model.NextState(states[i], wanted) is not { HasPendingParts: true } fresh) continue;
                    var freshFingerprint = Fingerprint.Of(fresh);
                    if (model.NextState(states[i], dropped) is not { HasPendingParts: true } first) continue;
                    _ = Fingerprint.Of(first); // identified, as the search does before it drops a state
                    recycler.Recycle(first);
                    var next = model.NextState(states[i], wanted)!;
                    Assert.Same(first, next);
                    reused++;
                    Assert.Equal(freshFingerprint, Fingerprint.Of(next));
                    // Part by part, by content (the state's equality compares the history list and the network by reference); reading builds them.
                    Assert.Equal(fresh.ActorStates.ToArray(), next.ActorStates.ToArray());
                    Assert.Equal(fresh.Network.All, next.Network.All);
                    Assert.Equal(fresh.Describe(), next.Describe()); // the network's kind and last delivery too
                    Assert.Equal(fresh.History, next.History);
                    Assert.Equal(fresh.Timers.ToArray(), next.Timers.ToArray());
                    Assert.Equal(fresh.Crashed.ToArray(), next.Crashed.ToArray());
                    Assert.Equal(Fingerprint.Of(Rebuilt(fresh)), Fingerprint.Of(Rebuilt(next)));
                    if (seen.Add(freshFingerprint)) states.Add(fresh);
                }
            }
            if (model.NextState(states[i], actions[0]) is { HasPendingParts: true } read)
            {
                _ = read.ActorStates;
                recycler.Recycle(read);
                Assert.NotSame(read, model.NextState(states[i], actions[0]));
            }
        }
        Assert.True(reused > states.Count, $"{reused} successors reused over {states.Count} states");
    }
}
