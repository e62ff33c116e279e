using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Stateright.Actors;

/// <summary>
/// The symmetry group of an actor model — every permutation of each group of interchangeable actors,
/// combined — and the canonical representative of a system state under it: of the state's images under
/// every permutation, the one with the smallest fingerprint. Every state of an orbit has the same set of
/// images, so all of them get the same representative (up to fingerprint collisions), whatever the
/// visit order or thread count.
/// </summary>
internal sealed class ActorSymmetry
{
    /// <summary>The most permutations a model may declare: every state is rewritten and fingerprinted under each.</summary>
    public const int MaxPermutations = 720;

    private readonly IdPermutation[] _permutations; // the identity left out

    private ActorSymmetry(IdPermutation[] permutations) => _permutations = permutations;

    /// <summary>The number of permutations in the group, identity included.</summary>
    public int GroupSize => _permutations.Length + 1;

    /// <summary>Checks the declared groups against the model's actors and enumerates the group.</summary>
    /// <exception cref="InvalidOperationException">An id is not an actor, in two groups, or of another class than the rest of its group; or the group is too large.</exception>
    public static ActorSymmetry Create<TMsg>(IReadOnlyList<IActor<TMsg>> actors, IReadOnlyList<ImmutableArray<Id>> groups)
    {
        var owner = new Dictionary<Id, int>();
        long size = 1;
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            foreach (var id in group)
            {
                if (id.Value >= (ulong)actors.Count)
                    throw new InvalidOperationException($"Symmetric({Text(group)}): {id} is not an actor of the model, which has {actors.Count} (Id(0) to Id({actors.Count - 1})).");
                if (!owner.TryAdd(id, g))
                    throw new InvalidOperationException($"Symmetric({Text(group)}): {id} is already in another group of interchangeable actors, Symmetric({Text(groups[owner[id]])}); groups must be disjoint.");
                var first = actors[group[0].Index].GetType();
                if (actors[id.Index].GetType() != first)
                    throw new InvalidOperationException(
                        $"Symmetric({Text(group)}): {group[0]} is a {TypeNames.Readable(first)} but {id} is a {TypeNames.Readable(actors[id.Index].GetType())}; only actors of one class can be interchangeable.");
            }
            for (var k = 2; k <= group.Length; k++) size *= k;
            if (size > MaxPermutations)
                throw new InvalidOperationException(
                    $"The declared symmetry has {size:N0}+ permutations ({string.Join(" × ", groups.Take(g + 1).Select(gr => $"{gr.Length}!"))}); at most {MaxPermutations} are supported, " +
                    "since every state is rewritten under each of them. Declare smaller groups, or check fewer interchangeable actors.");
        }

        // The product of the groups' permutation sets, as mappings of all actors.
        var mappings = new List<int[]> { Enumerable.Range(0, actors.Count).ToArray() };
        foreach (var group in groups)
        {
            var indices = group.Select(id => id.Index).ToArray();
            var next = new List<int[]>();
            foreach (var mapping in mappings)
            {
                foreach (var order in Permutations(indices.Length))
                {
                    var combined = (int[])mapping.Clone();
                    for (var i = 0; i < indices.Length; i++) combined[indices[i]] = indices[order[i]];
                    next.Add(combined);
                }
            }
            mappings = next;
        }
        var permutations = mappings.Select(IdPermutation.FromMapping).Where(p => !p.IsIdentity).ToArray();
        return new ActorSymmetry(permutations);
    }

    /// <summary>The canonical representative of <paramref name="state"/>: its image with the smallest fingerprint.</summary>
    public ActorModelState<TMsg, THistory> Representative<TMsg, THistory>(ActorModelState<TMsg, THistory> state)
    {
        var best = state;
        var bestFingerprint = Fingerprint.Of(state);
        foreach (var permutation in _permutations)
        {
            var image = Permute(state, permutation);
            var fingerprint = Fingerprint.Of(image);
            if (fingerprint < bestFingerprint) (best, bestFingerprint) = (image, fingerprint);
        }
        return best;
    }

    /// <summary>
    /// The state with the actors renamed: per-actor parts move to the new ids, and every id inside
    /// actor states, timers, random choices, storages, messages and the history is renamed.
    /// </summary>
    public static ActorModelState<TMsg, THistory> Permute<TMsg, THistory>(ActorModelState<TMsg, THistory> state, IdPermutation permutation)
    {
        var n = state.ActorStates.Length;
        var actorStates = new object[n];
        var timers = new ImmutableHashSet<object>[n];
        var randomChoices = new ImmutableDictionary<string, ImmutableArray<object>>[n];
        var crashed = new bool[n];
        var storages = new object?[n];
        for (var newIndex = 0; newIndex < n; newIndex++)
        {
            var old = permutation.OldIndexAt(newIndex);
            actorStates[newIndex] = IdRewriter<object>.Rewrite(state.ActorStates[old], permutation);
            timers[newIndex] = IdRewriter<ImmutableHashSet<object>>.Rewrite(state.Timers[old], permutation);
            randomChoices[newIndex] = IdRewriter<ImmutableDictionary<string, ImmutableArray<object>>>.Rewrite(state.RandomChoices[old], permutation);
            crashed[newIndex] = state.Crashed[old];
            storages[newIndex] = IdRewriter<object?>.Rewrite(state.Storages[old], permutation);
        }
        return new ActorModelState<TMsg, THistory>(
            ImmutableCollectionsMarshal.AsImmutableArray(actorStates),
            NetworkRewriting.Rewrite(state.Network, permutation),
            ImmutableCollectionsMarshal.AsImmutableArray(timers),
            ImmutableCollectionsMarshal.AsImmutableArray(randomChoices),
            ImmutableCollectionsMarshal.AsImmutableArray(crashed),
            ImmutableCollectionsMarshal.AsImmutableArray(storages),
            IdRewriter<THistory>.Rewrite(state.History, permutation));
    }

    /// <summary>Every ordering of 0..k-1 (Heap's algorithm would do; k is tiny, so plain recursion reads better).</summary>
    private static IEnumerable<int[]> Permutations(int k)
    {
        if (k == 0) { yield return []; yield break; }
        foreach (var rest in Permutations(k - 1))
        {
            for (var position = 0; position <= rest.Length; position++)
            {
                var order = new int[k];
                for (int i = 0, j = 0; i < k; i++) order[i] = i == position ? k - 1 : rest[j++];
                yield return order;
            }
        }
    }

    private static string Text(ImmutableArray<Id> group) => string.Join(", ", group.Select(id => id.Value));
}
