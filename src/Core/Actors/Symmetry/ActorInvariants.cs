using System.Collections.Concurrent;
using System.Collections.Immutable;
using static Stateright.FingerprintMath;

namespace Stateright.Actors;

/// <summary>
/// Per-actor keys that no renaming of interchangeable actors can change: the fingerprints of the
/// actor's parts that hold no ids (its state, timers, random choices, crash flag, storage; a part that
/// may hold ids counts by its type only), and of the messages in flight from and to it, each with the
/// other end's group (or the other end itself, if it is not interchangeable). Actor <c>i</c> of a
/// state and actor <c>π(i)</c> of its renaming <c>π(s)</c> always get the same key.
/// </summary>
internal static class ActorInvariants
{
    private static readonly ConcurrentDictionary<Type, ulong> s_typeTags = new();

    /// <param name="state">The system state.</param>
    /// <param name="groupOf">For each actor, its group, or -1 if it is not interchangeable.</param>
    public static ulong[] Keys<TMsg, THistory>(ActorModelState<TMsg, THistory> state, int[] groupOf)
    {
        var keys = new ulong[groupOf.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            if (groupOf[i] < 0) continue;
            var h = Combine(Of(state.ActorStates[i]), state.Crashed[i] ? 1UL : 0UL);
            h = Combine(h, OfTimers(state.Timers[i]));
            h = Combine(h, OfRandomChoices(state.RandomChoices[i]));
            keys[i] = Combine(h, Of(state.Storages[i]));
        }
        foreach (var envelope in state.Network.All)
        {
            var message = Of(envelope.Msg);
            var src = envelope.Src.Value < (ulong)groupOf.Length ? envelope.Src.Index : -1;
            var dst = envelope.Dst.Value < (ulong)groupOf.Length ? envelope.Dst.Index : -1;
            if (src >= 0 && groupOf[src] >= 0) keys[src] += Mix(Combine(Combine(0x4F55_54UL, message), EndTag(envelope.Dst, dst, groupOf)));
            if (dst >= 0 && groupOf[dst] >= 0) keys[dst] += Mix(Combine(Combine(0x494EUL, message), EndTag(envelope.Src, src, groupOf)));
        }
        return keys;
    }

    /// <summary>The other end of a message, as far as renaming cannot change it.</summary>
    private static ulong EndTag(Id id, int index, int[] groupOf) =>
        index >= 0 && groupOf[index] >= 0 ? Combine(0x4752_4F55_50UL, (ulong)groupOf[index]) : Mix(id.Value);

    /// <summary>A value's fingerprint if its runtime type holds no id, else its type's tag.</summary>
    private static ulong Of<T>(T value)
    {
        if (value is null) return Fingerprint.Null;
        var type = value.GetType();
        return RewriterCompiler.ExactMayContainId(type)
            ? s_typeTags.GetOrAdd(type, static t => OfString(StableTypeName.Of(t)))
            : Fingerprint.Of<object>(value);
    }

    private static ulong OfTimers(ImmutableHashSet<object> timers)
    {
        ulong sum = (ulong)timers.Count;
        foreach (var timer in timers) sum += Mix(Of(timer));
        return sum;
    }

    private static ulong OfRandomChoices(ImmutableDictionary<string, ImmutableArray<object>> choices)
    {
        ulong sum = (ulong)choices.Count;
        foreach (var (key, options) in choices)
        {
            var h = OfString(key);
            foreach (var option in options) h = Combine(h, Of(option));
            sum += Mix(h);
        }
        return sum;
    }
}
