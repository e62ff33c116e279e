namespace Stateright.Actors;

/// <summary>
/// Whoever hands <see cref="Out{TMsg}"/> collectors to an actor's handlers (the checker, a UDP host):
/// names the actor and decides what happens to a write made after the handler returned, which the
/// collector refuses.
/// </summary>
internal abstract class OutOwner
{
    /// <summary>The actor at <paramref name="actor"/> as messages name it, e.g. "actor 1 (Client)".</summary>
    public abstract string DescribeActor(int actor);

    /// <summary>
    /// A write was refused and dropped. <paramref name="writerInHandler"/> says whether the writing
    /// thread is running a handler (so an exception reaches that handler and its caller); returns
    /// whether the collector should throw <paramref name="message"/> there. Must not throw itself:
    /// it can be called on a thread nobody watches (an async continuation).
    /// </summary>
    public abstract bool Refused(string message, int actor, ActorHandler handler, string write, bool writerInHandler);
}

/// <summary>The collector whose handler is running on this thread, if any: the only one a write on this thread may go to.</summary>
internal static class OutScope
{
    [ThreadStatic] public static object? Current;
}

/// <summary>The open collector of a running handler, seen without its message type.</summary>
internal interface IRunningOut
{
    /// <summary>The running call, e.g. "OnTimeout of actor 1 (Client)".</summary>
    string DescribeCall();

    /// <summary>Keeps a refusal thrown into the running handler, in case the handler catches it.</summary>
    void RecordRefusal(Exception refusal);
}
