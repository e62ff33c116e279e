using System.Globalization;

namespace Stateright.Explorer.Api;

/// <summary>
/// What the API answers for one checker: its status, and any state reached by an index path, expanded on
/// demand by replaying the model (the page never asks for the state space).
/// </summary>
internal sealed class ExplorerSession<TState, TAction>(Checker<TState, TAction> checker, ExplorerOptions options) : IExplorerSession
{
    private readonly Model<TState, TAction> _model = checker.Model;
    private readonly string _modelName = options.ModelName ?? TypeNames.Friendly(checker.Model.GetType());

    public StatusResponse Status()
    {
        var done = checker.IsDone;
        var status = done ? checker.Status : CheckerStatus.Running;
        var properties = _model.Properties.Select(p => PropertyStatusOf(p, done, status)).ToArray();
        return new StatusResponse(1, _modelName, checker.EngineName, checker.Threads, done, status.ToString(),
            Math.Round(checker.Elapsed.TotalSeconds, 3), checker.StateCount, checker.UniqueStateCount, checker.MaxDepth,
            done ? checker.Error?.Message : null, HasSequenceDiagram(), properties);
    }

    private PropertyStatus PropertyStatusOf(Property<TState> property, bool done, CheckerStatus status)
    {
        var classification = property.Expectation.Classify();
        var expectation = property.Expectation.ToString();
        if (!done)
        {
            if (!checker.DiscoveredSoFar.Contains(property.Name)) return new PropertyStatus(property.Name, expectation, "pending", "checking…", null);
            // Found, not yet replayed: the path (and the link) come when the run ends.
            return classification == DiscoveryClassification.Example
                ? new PropertyStatus(property.Name, expectation, "holds", "example found (its path when the run ends)", null)
                : new PropertyStatus(property.Name, expectation, "fails", "counterexample found (its path when the run ends)", null);
        }
        if (checker.Discoveries.TryGetValue(property.Name, out var path))
        {
            var link = new DiscoveryLink(classification.ToReportWord(), path.Encode(), path.Length, path.CycleStart);
            return classification == DiscoveryClassification.Example
                ? new PropertyStatus(property.Name, expectation, "holds", "example found", link)
                : new PropertyStatus(property.Name, expectation, "fails", "counterexample found", link);
        }
        if (status != CheckerStatus.Exhausted)
            return new PropertyStatus(property.Name, expectation, "unknown", $"no {classification.ToReportWord()} in an incomplete run ({status})", null);
        return classification == DiscoveryClassification.Example
            ? new PropertyStatus(property.Name, expectation, "fails", "no example exists", null)
            : new PropertyStatus(property.Name, expectation, "holds", "no counterexample exists", null);
    }

    private bool HasSequenceDiagram()
    {
        // A model draws diagrams when it answers for a path; ask for the shortest path there is.
        try
        {
            return _model.InitStates().Any() && _model.SequenceDiagram(Path<TState, TAction>.FromIndices(_model, [0])) is not null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    public StateResponse State(IReadOnlyList<int> indices, int? cycleStart)
    {
        if (indices.Count == 0) return InitialStates();
        var path = Path<TState, TAction>.FromIndices(_model, indices, cycleStart);
        var steps = new List<PathStep>(path.Length + 1);
        for (var i = 0; i <= path.Length; i++)
            steps.Add(new PathStep(indices[i], Encode(indices, i + 1), i == 0 ? null : _model.FormatAction(path.Actions[i - 1]),
                path.CycleStart is { } k && i > k));
        var current = path.LastState;
        string? step = null, transition = null, previous = null;
        if (path.Length > 0)
        {
            var before = path.States[^2];
            var action = path.Actions[^1];
            previous = _model.FormatState(before);
            step = _model.FormatStep(before, action);
            transition = _model.FormatTransition(before, action, current);
        }
        var state = new StateView(_model.FormatState(current), previous, _model.WithinBoundary(current), step, transition, PropertyValues(current));
        var (next, total) = NextSteps(current, indices);
        return new StateResponse(Encode(indices, indices.Count), steps, path.CycleStart, state, next, total, _model.SequenceDiagram(path));
    }

    private StateResponse InitialStates()
    {
        var next = new List<NextStep>();
        var total = 0;
        foreach (var init in _model.InitStates())
        {
            if (total < options.MaxActionsShown)
                next.Add(new NextStep(total, total.ToString(CultureInfo.InvariantCulture), null, true, _model.WithinBoundary(init), _model.FormatState(init), null, null));
            total++;
        }
        return new StateResponse("", [], null, null, next, total, null);
    }

    private (List<NextStep> Next, int Total) NextSteps(TState state, IReadOnlyList<int> indices)
    {
        var actions = new List<TAction>();
        _model.Actions(state, actions);
        var prefix = Encode(indices, indices.Count) + "/";
        var next = new List<NextStep>(Math.Min(actions.Count, options.MaxActionsShown));
        for (var i = 0; i < actions.Count && i < options.MaxActionsShown; i++)
        {
            var action = actions[i];
            var changes = _model.TryNextState(state, action, out var after);
            next.Add(changes
                ? new NextStep(i, prefix + i.ToString(CultureInfo.InvariantCulture), _model.FormatAction(action), true, _model.WithinBoundary(after),
                    _model.FormatState(after), _model.FormatStep(state, action), _model.FormatTransition(state, action, after))
                : new NextStep(i, prefix + i.ToString(CultureInfo.InvariantCulture), _model.FormatAction(action), false, true, null, _model.FormatStep(state, action), null));
        }
        return (next, actions.Count);
    }

    private IReadOnlyList<PropertyValue> PropertyValues(TState state) =>
        _model.Properties.Select(p =>
        {
            try
            {
                return new PropertyValue(p.Name, p.Expectation.ToString(), p.Condition(state), null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return new PropertyValue(p.Name, p.Expectation.ToString(), null, $"{e.GetType().Name}: {e.Message}");
            }
        }).ToArray();

    private static string Encode(IReadOnlyList<int> indices, int count) =>
        string.Join('/', indices.Take(count).Select(i => i.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>The session without its type arguments, for the endpoints.</summary>
internal interface IExplorerSession
{
    StatusResponse Status();

    StateResponse State(IReadOnlyList<int> indices, int? cycleStart);
}
