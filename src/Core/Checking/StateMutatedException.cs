namespace Stateright;

/// <summary>
/// Thrown (as the inner exception of a <see cref="ModelCheckingException"/>) when model code changed a
/// state in place: its fingerprint differs from when the checker first saw it. The checker keeps
/// states and relies on them not changing, so such a model's results would be wrong — it could miss
/// violations. The message names the step that changed it.
/// </summary>
/// <remarks>
/// The first <see cref="CheckerBuilder{TState, TAction}.MutationCheckedStates"/> states of a run are
/// checked; <see cref="CheckerBuilder{TState, TAction}.DetectInPlaceMutation"/> checks every state.
/// </remarks>
public sealed class StateMutatedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StateMutatedException(string message) : base(message) { }
}
