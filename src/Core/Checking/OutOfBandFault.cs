namespace Stateright;

/// <summary>
/// A model's fault that did not happen in the step that reports it — e.g. an actor's write after its
/// handler returned, from a thread the checker does not own. The engine records the inner exception
/// with this activity and without the path of the step that happened to report it.
/// </summary>
internal sealed class OutOfBandFault(string activity, Exception inner) : Exception(inner.Message, inner)
{
    /// <summary>What the model was doing, for "The model threw … while …".</summary>
    public string Activity { get; } = activity;
}

/// <summary>A model that can fault outside the callbacks the engine makes: the engine asks when the run ends.</summary>
internal interface IOutOfBandFaults
{
    /// <summary>The fault, if one happened; null otherwise.</summary>
    OutOfBandFault? Fault();
}
