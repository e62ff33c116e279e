namespace Stateright.Distributed;

/// <summary>
/// The round-trip check: a state encoded and decoded again must have the same fingerprint. A model
/// whose states do not survive it is rejected, naming the state type and the codec, before its
/// states are sent anywhere.
/// </summary>
internal static class CodecCheck
{
    /// <summary>Round-trips each state; throws <see cref="InvalidModelException"/> at the first that does not survive.</summary>
    public static void Verify<TState>(IStateCodec<TState> codec, IEnumerable<TState> sample, Func<TState, ulong> keyOf)
    {
        foreach (var state in sample) Verify(codec, state, keyOf);
    }

    /// <summary>Round-trips one state; throws <see cref="InvalidModelException"/> if it does not survive.</summary>
    public static void Verify<TState>(IStateCodec<TState> codec, TState state, Func<TState, ulong> keyOf)
    {
        TState back;
        try
        {
            back = codec.Decode(codec.Encode(state));
        }
        catch (Exception e)
        {
            throw Rejected(codec, state, $"the codec threw {e.GetType().Name}: {e.Message}", e);
        }
        if (keyOf(back) != keyOf(state)) throw Rejected(codec, state, "the decoded state has a different fingerprint (a part was lost or changed on the way)", null);
    }

    private static InvalidModelException Rejected<TState>(IStateCodec<TState> codec, TState state, string why, Exception? inner)
    {
        var message =
            $"States of type {TypeNames.Readable(typeof(TState))} do not survive the trip through the state codec {TypeNames.Readable(codec.GetType())}: " +
            $"{why}. The state was: {Describe(state)}. Distributed checking sends states between silos, so each must decode to a state with the same fingerprint: " +
            "use records, record structs, enums, primitives and immutable collections with public constructors, or register an IStateCodec of your own for this model.";
        return inner is null ? new InvalidModelException(message) : new InvalidModelException(message + $" ({inner.GetType().FullName})");
    }

    private static string Describe<TState>(TState state)
    {
        try { return state?.ToString() ?? "null"; }
        catch (Exception e) { return $"(ToString threw {e.GetType().Name})"; }
    }
}
