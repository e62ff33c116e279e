using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Stateright.Actors;

/// <summary>
/// The symmetry group of an actor model — every permutation of each group of interchangeable actors,
/// combined — and the canonical representative of a system state under it.
/// </summary>
/// <remarks>
/// The representative is exact. Each interchangeable actor gets a key that renaming cannot change
/// (<see cref="ActorInvariants"/>); the candidate renamings of a state are those that sort each group
/// by key — every order among actors with equal keys — and the representative is the candidate image
/// with the smallest fingerprint. Renaming a state renames its candidates along with it, so every
/// state of an orbit has the same candidate images and the same representative (up to fingerprint
/// collisions), whatever the visit order or thread count. When the keys differ, one renaming is tried
/// instead of all of them; the worst case, all keys equal, tries the whole group.
/// </remarks>
internal sealed class ActorSymmetry
{
    /// <summary>The most permutations a model may declare: in the worst case a state is rewritten and fingerprinted under each.</summary>
    public const int MaxPermutations = 720;

    private readonly int[][] _groups; // actor indices, ascending
    private readonly int[] _groupOf;  // per actor: its group, or -1

    private ActorSymmetry(int[][] groups, int actorCount)
    {
        _groups = groups;
        _groupOf = Enumerable.Repeat(-1, actorCount).ToArray();
        for (var g = 0; g < groups.Length; g++)
            foreach (var i in groups[g]) _groupOf[i] = g;
    }

    /// <summary>Checks the declared groups against the model's actors.</summary>
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
                    $"The declared symmetry has at least {size:N0} permutations ({string.Join(" × ", groups.Take(g + 1).Select(gr => $"{gr.Length}!"))}); at most {MaxPermutations} are supported, " +
                    "since every state is rewritten under each of them. Declare smaller groups, or check fewer interchangeable actors.");
        }

        return new ActorSymmetry(groups.Select(g => g.Select(id => id.Index).ToArray()).ToArray(), actors.Count);
    }

    /// <summary>The canonical representative of <paramref name="state"/>: its candidate image with the smallest fingerprint.</summary>
    public ActorModelState<TMsg, THistory> Representative<TMsg, THistory>(ActorModelState<TMsg, THistory> state)
    {
        var keys = ActorInvariants.Keys(state, _groupOf);
        ActorModelState<TMsg, THistory>? best = null;
        var bestFingerprint = 0UL;
        foreach (var permutation in Candidates(keys))
        {
            var image = permutation.IsIdentity ? state : Permute(state, permutation);
            var fingerprint = Fingerprint.Of(image);
            if (best is null || fingerprint < bestFingerprint) (best, bestFingerprint) = (image, fingerprint);
        }
        return best!;
    }

    /// <summary>
    /// The renamings that sort every group by key: the actor with the k-th smallest key moves to the
    /// group's k-th id; actors with equal keys take those places in every order.
    /// </summary>
    private IEnumerable<IdPermutation> Candidates(ulong[] keys)
    {
        // Per group, its actors by key, cut into runs of equal keys.
        var runs = new List<(int[] Targets, int[] Actors)>();
        foreach (var group in _groups)
        {
            var byKey = group.OrderBy(i => keys[i]).ToArray();
            for (var start = 0; start < byKey.Length;)
            {
                var end = start + 1;
                while (end < byKey.Length && keys[byKey[end]] == keys[byKey[start]]) end++;
                runs.Add((group[start..end], byKey[start..end]));
                start = end;
            }
        }
        var mapping = Enumerable.Range(0, keys.Length).ToArray();
        return Expand(0);

        IEnumerable<IdPermutation> Expand(int run)
        {
            if (run == runs.Count)
            {
                yield return IdPermutation.FromMapping(mapping);
                yield break;
            }
            var (targets, actors) = runs[run];
            foreach (var order in Orders(actors.Length))
            {
                for (var i = 0; i < actors.Length; i++) mapping[actors[i]] = targets[order[i]];
                foreach (var permutation in Expand(run + 1)) yield return permutation;
            }
        }
    }

    /// <summary>
    /// The state with the actors renamed: per-actor parts move to the new ids, and every id inside
    /// actor states, timers, random choices, storages, messages and the history is renamed.
    /// </summary>
    public static ActorModelState<TMsg, THistory> Permute<TMsg, THistory>(ActorModelState<TMsg, THistory> state, IdPermutation permutation)
    {
        var n = state.ActorStates.Length;
        if (permutation.Count != n) throw new ArgumentException($"The permutation renames {permutation.Count} actors but the system has {n}.", nameof(permutation));
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
            state.Network.Rewrite(permutation),
            ImmutableCollectionsMarshal.AsImmutableArray(timers),
            ImmutableCollectionsMarshal.AsImmutableArray(randomChoices),
            ImmutableCollectionsMarshal.AsImmutableArray(crashed),
            ImmutableCollectionsMarshal.AsImmutableArray(storages),
            IdRewriter<THistory>.Rewrite(state.History, permutation));
    }

    private static readonly ConcurrentDictionary<int, int[][]> s_orders = new();

    /// <summary>Every ordering of 0..k-1 (k is small), computed once per k.</summary>
    private static int[][] Orders(int k) => s_orders.GetOrAdd(k, static k => Permutations(k).ToArray());

    /// <summary>Every ordering of 0..k-1, by plain recursion.</summary>
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
