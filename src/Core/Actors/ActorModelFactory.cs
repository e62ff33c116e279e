namespace Stateright.Actors;

/// <summary>Creates actor models without spelling a history type when there is none.</summary>
public static class ActorModel
{
    /// <summary>An empty actor model that records no history (its history type is <see cref="Unit"/>).</summary>
    /// <example><code>var model = ActorModel.Create&lt;LockMsg&gt;().Actor(new Server()).Actor(new Client());</code></example>
    public static ActorModel<TMsg, Unit> Create<TMsg>() => new(Unit.Value);

    /// <summary>An empty actor model whose history starts as <paramref name="initialHistory"/>.</summary>
    public static ActorModel<TMsg, THistory> Create<TMsg, THistory>(THistory initialHistory) => new(initialHistory);
}
