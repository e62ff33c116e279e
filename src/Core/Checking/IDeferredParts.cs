namespace Stateright;

/// <summary>
/// A model whose successors may leave parts to be built when first read: an actor system state made by
/// a delivery is identified by its fingerprint first, and most such successors are dropped as seen
/// before without being built (see <c>ActorModelState.PendingStep</c>). Until built, a successor
/// refers to its parent. An engine that keeps states alive for long (BFS keeps whole levels)
/// completes each state it keeps, so that a level never holds on to the level before it; an engine
/// that drops a successor it alone has seen hands it back, and the model may make its next successor
/// of that thread out of it.
/// </summary>
internal interface IDeferredParts<in TState>
{
    /// <summary>Builds whatever <paramref name="state"/> left to be built.</summary>
    void Complete(TState state);

    /// <summary>
    /// Takes back a successor the engine dropped as seen before. The caller holds no other reference to
    /// it and has handed it to no one but the model's own callbacks; the model may reuse it on this
    /// thread for a later successor if nothing has read its parts.
    /// </summary>
    void Recycle(TState dropped);
}
