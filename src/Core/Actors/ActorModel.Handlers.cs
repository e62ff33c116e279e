namespace Stateright.Actors;

public sealed partial class ActorModel<TMsg, THistory> : IOutOfBandFaults
{
    private CheckerOutOwner? _outOwner;

    /// <summary>The model's side of late writes to its handlers' collectors (made on first use: the actors are known by then).</summary>
    private CheckerOutOwner OutOwner => _outOwner ?? Interlocked.CompareExchange(ref _outOwner, new CheckerOutOwner(DescribeActor), null) ?? _outOwner;

    /// <summary>An actor as fault messages name it: "actor 1 (Client)".</summary>
    private string DescribeActor(int index) => $"actor {index} ({_actors[index].GetType().Name})";

    OutOfBandFault? IOutOfBandFaults.Fault() => _outOwner?.LateWriteFault();

    /// <summary>Faults the step if an actor wrote to a collector after its handler returned, on a thread the checker does not own.</summary>
    private void ThrowIfLateWrite()
    {
        if (_outOwner is { HasLateWrite: true } owner) throw owner.LateWriteFault()!;
    }

    /// <summary>The thread's collector for the next call of <paramref name="handler"/> of actor <paramref name="index"/>.</summary>
    private Out<TMsg> NextOut(int index, ActorHandler handler) => HandlerOuts<TMsg>.For(OutOwner, _actors.Count).Next(index, handler);

    private object CallOnStart(int index, object? storage, Out<TMsg> o)
    {
        object next;
        var previous = o.Open(OutOwner, index, ActorHandler.OnStart);
        try { next = OnStart(index, storage, o); }
        finally { o.Close(previous); }
        Returned(index, ActorHandler.OnStart, o);
        return next;
    }

    private object CallOnMsg(int index, object state, Id src, TMsg msg, Out<TMsg> o, out bool changed)
    {
        object next;
        var previous = o.Open(OutOwner, index, ActorHandler.OnMsg);
        try { next = _actors[index].OnMsg(Id.From(index), state, src, msg, o, out changed); }
        finally { o.Close(previous); }
        Returned(index, ActorHandler.OnMsg, o);
        return next;
    }

    private object CallOnTimeout(int index, object state, object timer, Out<TMsg> o, out bool changed)
    {
        object next;
        var previous = o.Open(OutOwner, index, ActorHandler.OnTimeout);
        try { next = _actors[index].OnTimeout(Id.From(index), state, timer, o, out changed); }
        finally { o.Close(previous); }
        Returned(index, ActorHandler.OnTimeout, o);
        return next;
    }

    private object CallOnRandom(int index, object state, object random, Out<TMsg> o, out bool changed)
    {
        object next;
        var previous = o.Open(OutOwner, index, ActorHandler.OnRandom);
        try { next = _actors[index].OnRandom(Id.From(index), state, random, o, out changed); }
        finally { o.Close(previous); }
        Returned(index, ActorHandler.OnRandom, o);
        return next;
    }

    /// <summary>
    /// After a handler returned: rethrows a refused write it caught, and rejects a send to an id that
    /// is no actor of the model (the message would stay in flight forever, undeliverable).
    /// </summary>
    private void Returned(int index, ActorHandler handler, Out<TMsg> o)
    {
        if (o.TakeRefusal() is { } refusal) throw refusal;
        var actors = (ulong)_actors.Count;
        foreach (ref readonly var entry in o.Entries)
            if (entry.Other is null && entry.Destination.Value >= actors) throw UnknownDestination(index, handler, entry.Destination, entry.Msg);
    }

    private InvalidOperationException UnknownDestination(int index, ActorHandler handler, Id destination, TMsg msg)
    {
        string shown;
        try { shown = msg?.ToString() ?? "null"; }
        catch (Exception e) { shown = $"<ToString threw {e.GetType().Name}>"; }
        var count = _actors.Count;
        return new InvalidOperationException(
            $"{char.ToUpperInvariant(DescribeActor(index)[0])}{DescribeActor(index)[1..]} sent {shown} to {destination} in {handler}, but no actor has that id: " +
            $"the model has {count} actor{(count == 1 ? "" : "s")} (valid ids {(count == 0 ? "none" : $"Id(0) to Id({count - 1})")}). " +
            "A message to an id outside the model could never be delivered. Add the actor it is meant for, or fix the id.");
    }
}
