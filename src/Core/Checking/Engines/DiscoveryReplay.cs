namespace Stateright;

/// <summary>
/// Replays each discovery's index path before it is reported, and checks it against what the search
/// found: every step is enabled and moves within the boundary, every state is one the search visited
/// (exhaustive engines), the last state has the key the search found it under (or closes the lasso),
/// and the property is violated or satisfied there as recorded. A discovery that does not replay was
/// found in a model that is not deterministic (or a property that is not a function of the state):
/// reporting its path would show a counterexample that is not one, so the run faults instead.
/// </summary>
internal static class DiscoveryReplay
{
    /// <summary>The verified path of each discovery, by property name.</summary>
    /// <exception cref="NondeterministicModelException">A discovery does not replay; the message names the property and the step.</exception>
    public static SortedDictionary<string, Path<TState, TAction>> Verify<TState, TAction>(Engine<TState, TAction> engine, EngineResult result)
    {
        var paths = new SortedDictionary<string, Path<TState, TAction>>(StringComparer.Ordinal);
        foreach (var (index, indices) in result.Discoveries.OrderBy(d => d.Key))
        {
            var property = engine.Properties[index];
            int? cycleStart = result.CycleStarts.TryGetValue(index, out var k) ? k : null;
            ulong? foundKey = result.DiscoveryKeys.TryGetValue(index, out var key) ? key : null;
            var replay = new Replay<TState, TAction>(engine, indices);
            var problem = replay.Run(foundKey, cycleStart) ?? CheckProperty(engine, property, replay, cycleStart);
            if (problem is not null) throw Diverged(engine, property, indices, problem, replay);
            paths[property.Name] = Path<TState, TAction>.Of([.. replay.States], [.. replay.Actions], [.. indices], cycleStart);
        }
        return paths;
    }

    /// <summary>Why the replayed path is not a discovery of <paramref name="property"/>, or null if it is.</summary>
    private static Divergence? CheckProperty<TState, TAction>(Engine<TState, TAction> engine, Property<TState> property, Replay<TState, TAction> replay, int? cycleStart)
    {
        var states = replay.States;
        var last = states.Count - 1;
        switch (property.Expectation)
        {
            case Expectation.Always when Holds(property, states[last]):
                return new Divergence(last, $"property \"{property.Name}\" holds in the state the path ends in, though the search found it violated there");
            case Expectation.Sometimes when !Holds(property, states[last]):
                return new Divergence(last, $"property \"{property.Name}\" does not hold in the state the path ends in, though the search found it satisfied there");
            case Expectation.Eventually:
                for (var i = 0; i < states.Count; i++)
                    if (Holds(property, states[i]))
                        return new Divergence(i, $"property \"{property.Name}\" holds at step {i} of the path, though the search found a behaviour on which it never holds");
                if (cycleStart is null && replay.HasSuccessor(states[last]))
                    return new Divergence(last, "the path's last state has a successor, though the search found it terminal");
                break;
        }
        return null;

        static bool Holds(Property<TState> property, TState state)
        {
            try { return property.Condition(state); }
            catch (Exception e) { CallbackFault.Annotate(e, $"evaluating property \"{property.Name}\" ({property.Expectation}) while replaying its discovery"); throw; }
        }
    }

    private static NondeterministicModelException Diverged<TState, TAction>(Engine<TState, TAction> engine, Property<TState> property, IReadOnlyList<int> indices, Divergence problem, Replay<TState, TAction> first)
    {
        // A second replay that parts from the first pins the call that is not a function of its input.
        var second = new Replay<TState, TAction>(engine, indices);
        second.Run(foundKey: null, cycleStart: null);
        var parted = first.FirstDifference(second);
        var where = parted is { } step
            ? $"Replayed twice, the path parts at step {step} ({first.StepName(step)}): the same calls gave different results"
            : $"At step {problem.Step} ({first.StepName(problem.Step)}): {problem.Reason}";
        var word = property.Expectation.Classify().ToReportWord();
        var message =
            $"The model is not deterministic: the {word} found for property \"{property.Name}\" ({property.Expectation}) at index path {string.Join('/', indices)} " +
            $"does not replay, so it is not reported. {where}. " +
            "The checker identifies behaviours by the indices of their actions and replays them to report them; " +
            "InitStates, Actions, NextState, WithinBoundary and the properties must give the same result for the same state every time. " +
            PathReconstructionException.NondeterminismHint;
        return new NondeterministicModelException(message) { Step = parted ?? problem.Step };
    }

    /// <summary>Where and why a replay parted from the search.</summary>
    private sealed record Divergence(int Step, string Reason);

    /// <summary>One replay of an index path: its states, actions and keys, as far as it got.</summary>
    private sealed class Replay<TState, TAction>(Engine<TState, TAction> engine, IReadOnlyList<int> indices)
    {
        private readonly Model<TState, TAction> _model = engine.Model;
        private readonly List<TAction> _enabled = [];

        public List<TState> States { get; } = [];
        public List<TAction> Actions { get; } = [];
        public List<ulong> Keys { get; } = [];

        /// <summary>Replays the path; null if it reached the state the search found, else where it parted.</summary>
        public Divergence? Run(ulong? foundKey, int? cycleStart)
        {
            var inits = Call(() => _model.InitStates().ToList(), "evaluating the initial states (InitStates)");
            var first = indices[0];
            if (first < 0 || first >= inits.Count) return new(0, $"InitStates returned {inits.Count} states, and the search started from initial state #{first}");
            var state = inits[first];
            if (!Call(() => _model.WithinBoundary(state), "checking an initial state against the boundary (WithinBoundary)"))
                return new(0, $"initial state #{first} lies outside the boundary now");
            if (Add(state) is { } initial) return initial;
            for (var step = 1; step < indices.Count; step++)
            {
                var from = state;
                _enabled.Clear();
                Call(() => { _model.Actions(from, _enabled); return 0; }, "listing the enabled actions (Actions)");
                var index = indices[step];
                if (index < 0 || index >= _enabled.Count) return new(step, $"{_enabled.Count} actions are enabled, and the search took action #{index}");
                var action = _enabled[index];
                Actions.Add(action);
                var moved = Call(() => _model.TryNextState(from, action, out var next) ? (true, next) : (false, from), $"computing the next state for action #{index} (NextState)");
                if (!moved.Item1) return new(step, "the action changes nothing now, though the search took it to a new state");
                state = moved.Item2;
                if (!Call(() => _model.WithinBoundary(state), "checking a state against the boundary (WithinBoundary)"))
                    return new(step, "the action leads outside the boundary now");
                if (Add(state) is { } parted) return parted;
            }
            if (cycleStart is { } k && Keys[k] != Keys[^1])
                return new(Keys.Count - 1, $"the lasso's last state is not the state after step {k}, where its cycle starts");
            if (foundKey is { } found && Keys[^1] != found)
                return new(Keys.Count - 1, $"the path ends in a state with fingerprint {Keys[^1]:x16}, but the search found fingerprint {found:x16}");
            return null;
        }

        /// <summary>Keeps a replayed state; a divergence if the search never visited it.</summary>
        private Divergence? Add(TState state)
        {
            States.Add(state);
            var key = Call(() => engine.KeyOf(state), "fingerprinting a state");
            Keys.Add(key);
            return engine.WasVisited(key) is false
                ? new(States.Count - 1, "the replay reached a state the search never visited")
                : null;
        }

        /// <summary>True if some enabled action moves <paramref name="state"/> within the boundary.</summary>
        public bool HasSuccessor(TState state)
        {
            _enabled.Clear();
            Call(() => { _model.Actions(state, _enabled); return 0; }, "listing the enabled actions (Actions)");
            foreach (var action in _enabled)
                if (Call(() => _model.TryNextState(state, action, out var next) && _model.WithinBoundary(next), "computing a next state (NextState)")) return true;
            return false;
        }

        /// <summary>The first step at which the two replays reached different states (or one stopped short), or null.</summary>
        public int? FirstDifference(Replay<TState, TAction> other)
        {
            var common = Math.Min(Keys.Count, other.Keys.Count);
            for (var i = 0; i < common; i++)
                if (Keys[i] != other.Keys[i]) return i;
            return Keys.Count == other.Keys.Count ? null : common;
        }

        /// <summary>"the initial state #0", or "action #1, IncreaseX".</summary>
        public string StepName(int step) =>
            step == 0 ? $"initial state #{indices[0]}"
            : step - 1 < Actions.Count ? $"action #{indices[step]}, {engine.SafeFormatAction(Actions[step - 1])}"
            : $"action #{indices[Math.Min(step, indices.Count - 1)]}";

        private static T Call<T>(Func<T> call, string activity)
        {
            try { return call(); }
            catch (Exception e) { CallbackFault.Annotate(e, $"{activity} while replaying a discovery"); throw; }
        }
    }
}
