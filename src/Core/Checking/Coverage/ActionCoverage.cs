namespace Stateright;

/// <summary>
/// Which kinds of action a run saw, as TLC's coverage reports: the kinds never enabled in any state the
/// run expanded, and those enabled but never taken (every time, they changed nothing or left the
/// boundary). Kinds are an enum's values, the concrete types of a closed action hierarchy, or, in an
/// actor model, deliveries by receiving actor (named, or by id) and message type. An action kind that
/// is never enabled often points at a handler that cannot run, or a model that is bounded too tightly.
/// </summary>
/// <param name="Kinds">Every kind the model's actions can have, in a fixed order.</param>
/// <param name="NeverEnabled">The kinds no expanded state enabled.</param>
/// <param name="NeverTaken">The kinds some state enabled, but no state took to a new state.</param>
/// <param name="Complete">False when the run did not expand every reachable state: then a kind listed as never enabled may be enabled in a state the run did not reach.</param>
public sealed record ActionCoverage(IReadOnlyList<string> Kinds, IReadOnlyList<string> NeverEnabled, IReadOnlyList<string> NeverTaken, bool Complete)
{
    /// <summary>One line for reports and test output, e.g. <c>Coverage: 5 of 8 action kinds taken; never enabled: Server ← PutOk, …</c>.</summary>
    public string Describe()
    {
        var taken = Kinds.Count - NeverEnabled.Count - NeverTaken.Count;
        var text = $"Coverage: {taken} of {Kinds.Count} action kinds taken";
        if (NeverEnabled.Count > 0) text += $"; never enabled: {string.Join(", ", NeverEnabled)}";
        if (NeverTaken.Count > 0) text += $"; enabled but never taken (each changed nothing): {string.Join(", ", NeverTaken)}";
        if (!Complete) text += " (the run was incomplete: a kind may be enabled in a state it did not reach)";
        return text + ".";
    }
}
