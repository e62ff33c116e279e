namespace Stateright.Actors;

/// <summary>An output of an actor's handler; applied after the handler returns.</summary>
/// <typeparam name="TMsg">The message type.</typeparam>
public abstract record Command<TMsg>
{
    private Command() { }

    /// <summary>Send <c>Msg</c> to <c>Destination</c>.</summary>
    public sealed record Send(Id Destination, TMsg Msg) : Command<TMsg>;

    /// <summary>Set (or reset) a timer to fire after a duration in [<c>Min</c>, <c>Max</c>).</summary>
    public sealed record SetTimer(object Timer, TimeSpan Min, TimeSpan Max) : Command<TMsg>;

    /// <summary>Cancel a timer.</summary>
    public sealed record CancelTimer(object Timer) : Command<TMsg>;

    /// <summary>Ask the environment to choose one of <c>Choices</c> under <c>Key</c> (an empty list removes the key).</summary>
    public sealed record ChooseRandom(string Key, IReadOnlyList<object> Choices) : Command<TMsg>;

    /// <summary>Save durable storage, handed back to <c>OnStart</c> after a crash.</summary>
    public sealed record Save(object Storage) : Command<TMsg>;
}
