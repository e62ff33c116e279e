namespace Stateright;

/// <summary>
/// A model whose states can share equal parts built along different paths (see
/// <see cref="Actors.ValuePool{T}"/>). Sharing costs a lookup per step and pays only where many states
/// are alive at once, so an engine that keeps whole levels (BFS) turns it on; DFS, whose states die
/// young, leaves it off.
/// </summary>
internal interface IPartSharing
{
    /// <summary>From now on, states built by this model share equal parts.</summary>
    void ShareParts();
}
