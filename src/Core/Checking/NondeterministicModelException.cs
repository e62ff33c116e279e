namespace Stateright;

/// <summary>
/// Thrown (as the inner exception of a <see cref="ModelCheckingException"/>) when the model is found not
/// to be deterministic: the same call gave different results, or a discovery's path, replayed, does
/// not reach the state the search found. The checker identifies behaviours by their action indices, so
/// such a model's discoveries cannot be trusted; none is reported. The message names the step.
/// </summary>
/// <remarks>
/// The first <see cref="CheckerBuilder{TState, TAction}.MutationCheckedStates"/> states of a run are
/// expanded twice and compared; every discovery is replayed and compared with what the search found.
/// </remarks>
public sealed class NondeterministicModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NondeterministicModelException(string message) : base(message) { }

    /// <summary>The step at which the model was seen to diverge (0 for the initial state), when known.</summary>
    public int? Step { get; init; }
}
