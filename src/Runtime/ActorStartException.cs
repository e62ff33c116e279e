using System.Net;

namespace Stateright.Runtime;

/// <summary>
/// Thrown by <see cref="ActorRuntime{TMsg}.Start(IEnumerable{ValueTuple{IPEndPoint, Stateright.Actors.IActor{TMsg}}}, ActorRuntimeOptions{TMsg}?)"/>
/// and <see cref="ActorRuntime{TMsg}.RestartAsync"/> when an actor's <c>OnStart</c> throws: an actor
/// that cannot start is reported to the caller instead of being left dead behind a running runtime.
/// The actor's exception is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class ActorStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorStartException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The endpoint of the actor that could not start.</summary>
    public IPEndPoint? Endpoint { get; init; }
}
