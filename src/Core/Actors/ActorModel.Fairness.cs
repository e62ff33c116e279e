namespace Stateright.Actors;

public sealed partial class ActorModel<TMsg, THistory>
{
    /// <summary>
    /// The default weak fairness of actor models, for <c>Eventually</c> properties: each delivery of a
    /// given envelope (source, destination, message) is its own class, so a message that stays
    /// deliverable is delivered eventually — a network loses a message forever only through the
    /// model's <c>Drop</c> actions (<see cref="LossyNetwork"/>), which, like crashes and recoveries, are
    /// never forced. Each actor's timers and random choices form one class per actor, so an actor
    /// whose timer keeps firing does not starve another actor's timer.
    /// </summary>
    public override object? FairnessClass(ActorModelState<TMsg, THistory> state, ActorModelAction<TMsg> action) => action switch
    {
        ActorModelAction<TMsg>.Deliver deliver => deliver,
        ActorModelAction<TMsg>.Timeout timeout => new LocalEvents(timeout.Actor),
        ActorModelAction<TMsg>.SelectRandom random => new LocalEvents(random.Actor),
        _ => null,
    };

    /// <inheritdoc/>
    public override string FairnessDescription => "with weak fairness on each message delivery and on each actor's timers and random choices";

    /// <summary>The fairness class of an actor's timers and random choices.</summary>
    private sealed record LocalEvents(Id Actor);
}
