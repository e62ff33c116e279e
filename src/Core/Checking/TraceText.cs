using System.Text;

namespace Stateright;

/// <summary>
/// Renders paths as text for failure messages, reports and trace snapshots: one renderer, so what a
/// test prints and what a snapshot holds never drift apart. Output uses LF line endings and nothing
/// run-dependent (no fingerprints, timings or paths on disk).
/// </summary>
public static class TraceText
{
    /// <summary>Numbered steps, one per line: <c>  1. action</c>.</summary>
    public static string Steps<TState, TAction>(Model<TState, TAction> model, Path<TState, TAction> path, bool includeStates = false)
    {
        var sb = new StringBuilder();
        var width = path.Length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        if (includeStates) sb.Append("  ").Append("0".PadLeft(width)).Append(". initial state: ").Append(Indent(model.FormatState(path.States[0]))).Append('\n');
        var i = 0;
        foreach (var (before, action, after) in path.Steps())
        {
            i++;
            sb.Append("  ").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width)).Append(". ").Append(model.FormatAction(action)).Append('\n');
            if (!includeStates) continue;
            if (model.FormatTransition(before, action, after) is { } change)
            {
                if (change.Length > 0) sb.Append("     ").Append(Indent(change, 5)).Append('\n');
                continue;
            }
            if (model.FormatStep(before, action) is { } step) sb.Append("     ").Append(Indent(step, 5)).Append('\n');
            sb.Append("     → ").Append(Indent(model.FormatState(after))).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// A discovery, complete on its own: the property, its expectation and classification, the numbered
    /// steps, the last state and the index path.
    /// </summary>
    public static string Discovery<TState, TAction>(Model<TState, TAction> model, Property<TState> property, Path<TState, TAction> path, bool includeStates = false)
    {
        var sb = new StringBuilder();
        var classification = property.Expectation.Classify().ToReportWord();
        sb.Append($"Property \"{property.Name}\" ({property.Expectation}): {classification} in {path.Length} step{(path.Length == 1 ? "" : "s")}:\n");
        sb.Append(Steps(model, path, includeStates));
        sb.Append("Last state: ").Append(Indent(model.FormatState(path.LastState))).Append('\n');
        sb.Append("Index path: ").Append(path.Encode()).Append('\n');
        return sb.ToString();
    }

    private static string Indent(string text, int width = 7) => text.Replace("\r\n", "\n").Replace("\n", "\n" + new string(' ', width));
}
