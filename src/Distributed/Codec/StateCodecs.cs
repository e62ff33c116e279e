using Stateright.Actors;

namespace Stateright.Distributed;

/// <summary>The codec a model gets when it names none.</summary>
public static class StateCodecs
{
    /// <summary>
    /// <see cref="BinaryStateCodec{TState}"/> for actor system states (<see cref="ActorModelState{TMsg, THistory}"/>),
    /// whose parts are typed as <see cref="object"/>; <see cref="JsonStateCodec{TState}"/> for any other state type.
    /// </summary>
    public static IStateCodec<TState> Default<TState>() =>
        typeof(TState).IsConstructedGenericType && typeof(TState).GetGenericTypeDefinition() == typeof(ActorModelState<,>)
            ? new BinaryStateCodec<TState>()
            : new JsonStateCodec<TState>();
}
