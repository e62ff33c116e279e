namespace Stateright.Actors;

/// <summary>The handler an <see cref="Out{TMsg}"/> was handed to, for messages about late writes.</summary>
internal enum ActorHandler
{
    OnStart,
    OnMsg,
    OnTimeout,
    OnRandom,
}
