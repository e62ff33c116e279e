using System.Text;

namespace Stateright;

/// <summary>
/// Renders paths as text for failure messages, reports and trace snapshots: one renderer, so what a
/// test prints and what a snapshot holds never drift apart. Output uses LF line endings and nothing
/// run-dependent (no fingerprints, timings or paths on disk).
/// </summary>
/// <remarks>
/// A formatter that throws (<see cref="Model{TState, TAction}.FormatState"/>, <c>FormatAction</c>,
/// <c>FormatStep</c>, <c>FormatTransition</c>) does not fail the rendering: its place shows
/// <c>&lt;FormatState threw FormatException: …&gt;</c>. Formatting affects only how a trace reads,
/// never a verdict.
/// </remarks>
public static class TraceText
{
    /// <summary>Numbered steps, one per line: <c>  1. action</c>.</summary>
    public static string Steps<TState, TAction>(Model<TState, TAction> model, Path<TState, TAction> path, bool includeStates = false)
    {
        var sb = new StringBuilder();
        var width = path.Length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        if (includeStates) sb.Append("  ").Append("0".PadLeft(width)).Append(". initial state: ").Append(Indent(State(model, path.States[0]))).Append('\n');
        var i = 0;
        foreach (var (before, action, after) in path.Steps())
        {
            if (i == path.CycleStart) sb.Append("  — the cycle repeats from here (steps ").Append(i + 1).Append('–').Append(path.Length).Append(" forever) —\n");
            i++;
            sb.Append("  ").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width)).Append(". ").Append(Action(model, action)).Append('\n');
            if (!includeStates) continue;
            if (Transition(model, before, action, after) is { } change)
            {
                if (change.Length > 0) sb.Append("     ").Append(Indent(change, 5)).Append('\n');
                continue;
            }
            if (Step(model, before, action) is { } step) sb.Append("     ").Append(Indent(step, 5)).Append('\n');
            sb.Append("     → ").Append(Indent(State(model, after))).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// A discovery, complete on its own: the property, its expectation and classification, the numbered
    /// steps, the last state, for an <c>Eventually</c> counterexample how the behaviour ends (a terminal
    /// state, or the cycle that repeats), and the index path.
    /// </summary>
    public static string Discovery<TState, TAction>(Model<TState, TAction> model, Property<TState> property, Path<TState, TAction> path, bool includeStates = false)
    {
        var sb = new StringBuilder();
        var classification = property.Expectation.Classify().ToReportWord();
        sb.Append($"Property \"{property.Name}\" ({property.Expectation}): {classification} in {path.Length} step{(path.Length == 1 ? "" : "s")}:\n");
        sb.Append(Steps(model, path, includeStates));
        sb.Append("Last state: ").Append(Indent(State(model, path.LastState))).Append('\n');
        if (path.CycleStart is { } k)
            sb.Append(CycleMarker).Append(' ').Append(k).Append($" (the last state is the state after step {k}: steps {k + 1}–{path.Length} repeat forever, and the condition never holds)\n");
        else if (property.Expectation == Expectation.Eventually)
            sb.Append("The behaviour ends here (no action leads to a new state within the boundary), and the condition never held.\n");
        sb.Append("Index path: ").Append(path.Encode()).Append('\n');
        return sb.ToString();
    }

    /// <summary>The line of a lasso's trace that says where its cycle starts; <see cref="Path{TState, TAction}.FromTraceFile"/> reads it back.</summary>
    public const string CycleMarker = "Cycle starts after step:";

    /// <summary>The model's rendering of a state, or a placeholder naming the formatter's exception.</summary>
    internal static string State<TState, TAction>(Model<TState, TAction> model, TState state) =>
        SafeFormat(() => model.FormatState(state), nameof(model.FormatState));

    /// <summary>The model's rendering of an action, or a placeholder naming the formatter's exception.</summary>
    internal static string Action<TState, TAction>(Model<TState, TAction> model, TAction action) =>
        SafeFormat(() => model.FormatAction(action), nameof(model.FormatAction));

    private static string? Step<TState, TAction>(Model<TState, TAction> model, TState before, TAction action)
    {
        try { return model.FormatStep(before, action); }
        catch (Exception e) { return Placeholder(nameof(model.FormatStep), e); }
    }

    private static string? Transition<TState, TAction>(Model<TState, TAction> model, TState before, TAction action, TState after)
    {
        try { return model.FormatTransition(before, action, after); }
        catch (Exception e) { return Placeholder(nameof(model.FormatTransition), e); }
    }

    /// <summary>Calls a user formatter; if it throws, returns <c>&lt;Name threw Exception: message&gt;</c> instead.</summary>
    internal static string SafeFormat(Func<string?> format, string formatter)
    {
        try { return format() ?? "null"; }
        catch (Exception e) { return Placeholder(formatter, e); }
    }

    private static string Placeholder(string formatter, Exception e) => $"<{formatter} threw {e.GetType().Name}: {e.Message}>";

    private static string Indent(string text, int width = 7) => text.Replace("\r\n", "\n").Replace("\n", "\n" + new string(' ', width));
}
