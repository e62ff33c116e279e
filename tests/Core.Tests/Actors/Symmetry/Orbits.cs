using System.Collections.Immutable;
using Stateright.Actors;

namespace Stateright.Tests.Actors.Symmetry;

/// <summary>
/// An independent orbit count, to cross-check symmetry reduction: every reachable state is enumerated
/// without symmetry (a plain BFS), then states are joined into orbits (union-find) by renaming the
/// actors with every permutation through a deliberately simple, model-specific renaming written here —
/// not the library's compiled rewriter nor its choice of representative.
/// </summary>
internal static class Orbits
{
    /// <summary>Every state reachable from the initial states, one per fingerprint, in BFS order.</summary>
    public static List<TState> Reachable<TState, TAction>(Model<TState, TAction> model)
    {
        var seen = new HashSet<ulong>();
        var states = new List<TState>();
        foreach (var init in model.InitStates())
            if (seen.Add(Fingerprint.Of(init))) states.Add(init);
        for (var i = 0; i < states.Count; i++)
            foreach (var (_, next) in model.NextSteps(states[i]))
                if (seen.Add(Fingerprint.Of(next))) states.Add(next);
        return states;
    }

    /// <summary>
    /// The number of orbits of <paramref name="states"/> under the renamings <paramref name="mappings"/>
    /// (<c>mapping[i]</c> = the new index of actor i). Fails if a renamed state is not reachable: the
    /// reachable set of a symmetric model is closed under renaming.
    /// </summary>
    public static int Count<TState>(IReadOnlyList<TState> states, IEnumerable<int[]> mappings, Func<TState, int[], TState> rename)
    {
        var index = new Dictionary<ulong, int>();
        for (var i = 0; i < states.Count; i++) index.Add(Fingerprint.Of(states[i]), i);
        var parent = Enumerable.Range(0, states.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var all = mappings.ToArray();
        for (var i = 0; i < states.Count; i++)
        {
            foreach (var mapping in all)
            {
                var image = rename(states[i], mapping);
                Assert.True(index.TryGetValue(Fingerprint.Of(image), out var j), $"Renamed by [{string.Join(", ", mapping)}], reachable state {states[i]} becomes {image}, which is not reachable.");
                parent[Find(i)] = Find(j);
            }
        }
        return Enumerable.Range(0, states.Count).Count(i => Find(i) == i);
    }

    /// <summary>Every mapping of <paramref name="actorCount"/> actors that permutes <paramref name="group"/> and fixes the others.</summary>
    public static IEnumerable<int[]> Mappings(int actorCount, IReadOnlyList<int> group)
    {
        foreach (var order in Orders(group.ToList()))
        {
            var mapping = Enumerable.Range(0, actorCount).ToArray();
            for (var i = 0; i < group.Count; i++) mapping[group[i]] = order[i];
            yield return mapping;
        }
    }

    private static IEnumerable<List<int>> Orders(List<int> items)
    {
        if (items.Count == 0) { yield return []; yield break; }
        foreach (var first in items)
            foreach (var rest in Orders(items.Where(x => x != first).ToList()))
                yield return [first, .. rest];
    }

    /// <summary>
    /// Renames the actors of a system state field by field: per-actor parts move to their new index;
    /// <paramref name="actorState"/>, <paramref name="message"/> and <paramref name="history"/> rename
    /// what the model's own types hold. Timers and random choices are kept (these models put no ids there).
    /// </summary>
    public static ActorModelState<TMsg, THistory> Rename<TMsg, THistory>(
        ActorModelState<TMsg, THistory> state, int[] mapping,
        Func<object, Func<Id, Id>, object> actorState, Func<TMsg, Func<Id, Id>, TMsg> message, Func<THistory, int[], THistory> history)
    {
        Id Map(Id id) => id.Value < (ulong)mapping.Length ? Id.From(mapping[id.Index]) : id;
        var n = mapping.Length;
        var states = new object[n];
        var timers = new ImmutableHashSet<object>[n];
        var randoms = new ImmutableDictionary<string, ImmutableArray<object>>[n];
        var crashed = new bool[n];
        var storages = new object?[n];
        for (var i = 0; i < n; i++)
        {
            states[mapping[i]] = actorState(state.ActorStates[i], Map);
            timers[mapping[i]] = state.Timers[i];
            randoms[mapping[i]] = state.RandomChoices[i];
            crashed[mapping[i]] = state.Crashed[i];
            storages[mapping[i]] = state.Storages[i];
        }
        var envelopes = state.Network.All.Select(e => new Envelope<TMsg>(Map(e.Src), Map(e.Dst), message(e.Msg, Map))).ToList();
        var network = state.Network.KindName switch
        {
            "unordered-nonduplicating" => Network<TMsg>.UnorderedNonDuplicating(envelopes),
            "ordered" => Network<TMsg>.Ordered(envelopes),
            var kind => throw new NotSupportedException($"The orbit count handles no {kind} network."),
        };
        return new ActorModelState<TMsg, THistory>([.. states], network, [.. timers], [.. randoms], [.. crashed], [.. storages], history(state.History, mapping));
    }
}
