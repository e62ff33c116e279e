using System.Text;

namespace Stateright;

public sealed partial class Checker<TState, TAction>
{
    /// <summary>
    /// Asserts that every <c>Always</c> and <c>Eventually</c> property holds (no counterexample) and
    /// every <c>Sometimes</c> property has an example. Waits for the end of checking. The message
    /// describes every property that failed, each with its numbered steps and last state.
    /// </summary>
    /// <exception cref="CheckerAssertionException">A property failed, or checking was incomplete.</exception>
    public void AssertProperties()
    {
        WaitQuietly();
        if (Properties.Count == 0 && NoPropertiesFailure() is { } none) throw new CheckerAssertionException(none);
        var failures = new List<string>();
        foreach (var property in Properties)
        {
            if (!VerdictOf(property.Name).IsSatisfied()) failures.Add(VerdictMessage(property));
        }
        if (failures.Count == 0) return;
        var sb = new StringBuilder();
        sb.Append($"{failures.Count} of {Properties.Count} propert{(Properties.Count == 1 ? "y" : "ies")} failed ({Summary()}).\n\n");
        sb.AppendJoin("\n", failures);
        throw new CheckerAssertionException(sb.ToString().TrimEnd('\n'));
    }

    /// <summary>Asserts that the named property has a discovery and returns it.</summary>
    /// <exception cref="CheckerAssertionException">No discovery was found (or checking was incomplete).</exception>
    public Path<TState, TAction> AssertAnyDiscovery(string name)
    {
        WaitQuietly();
        var property = Model.Property(name);
        if (AnyDiscoveryFailure(property) is { } failure) throw new CheckerAssertionException(failure.TrimEnd('\n'));
        return _discoveries[name];
    }

    /// <summary>Asserts that the named property has no discovery, and that checking was complete.</summary>
    /// <exception cref="CheckerAssertionException">A discovery was found, or checking was incomplete.</exception>
    public void AssertNoDiscovery(string name)
    {
        WaitQuietly();
        var property = Model.Property(name);
        if (NoDiscoveryFailure(property) is { } failure) throw new CheckerAssertionException(failure.TrimEnd('\n'));
    }

    /// <summary>
    /// Asserts that the named property has a discovery and that <paramref name="actions"/>, taken from
    /// an initial state, is a valid one too: for <c>Always</c> the last state violates the property, for
    /// <c>Sometimes</c> it satisfies it, for <c>Eventually</c> no state on it satisfies the property and
    /// it ends in a terminal state or (with <see cref="LivenessSemantics.AllBehaviours"/>) back at an
    /// earlier state of the path, closing a weakly fair cycle. The checker may have found a different discovery; this
    /// pins a known one, as a regression test.
    /// </summary>
    /// <exception cref="CheckerAssertionException">The actions are not a valid discovery; the message says why and shows the one found.</exception>
    public void AssertDiscovery(string name, IEnumerable<TAction> actions)
    {
        var found = AssertAnyDiscovery(name);
        var property = Model.Property(name);
        var wanted = actions.ToList();
        var problems = new List<string>();
        foreach (var init in Model.InitStates())
        {
            var path = Path<TState, TAction>.FromActions(Model, init, wanted);
            if (path is null) continue;
            switch (property.Expectation)
            {
                case Expectation.Always:
                    if (!property.Condition(path.LastState)) return;
                    problems.Add("the last state satisfies the property");
                    break;
                case Expectation.Sometimes:
                    if (property.Condition(path.LastState)) return;
                    problems.Add("the last state does not satisfy the property");
                    break;
                default:
                    var satisfied = path.States.Any(property.Condition);
                    var terminal = !Model.NextSteps(path.LastState).Any(step => Model.WithinBoundary(step.Next));
                    var cycle = FairCycleStart(path);
                    if (!satisfied && (terminal || cycle is not null)) return;
                    if (satisfied) problems.Add("a state on the path satisfies the eventually property");
                    if (!terminal && cycle is null)
                        problems.Add(Liveness == LivenessSemantics.AllBehaviours
                            ? "the path neither ends in a terminal state nor ends by closing a weakly fair cycle"
                            : "the path does not end in a terminal state");
                    break;
            }
        }
        if (problems.Count == 0) problems.Add(DescribeInvalidSteps(wanted));
        var sb = new StringBuilder();
        sb.Append($"The given actions are not a valid {property.Expectation.Classify().ToReportWord()} for \"{name}\" ({property.Expectation}): {string.Join("; ", problems.Distinct())}.\n");
        sb.Append("Given actions:\n");
        for (var i = 0; i < wanted.Count; i++) sb.Append($"  {i + 1}. {TraceText.Action(Model, wanted[i])}\n");
        sb.Append("The checker found this one instead:\n");
        sb.Append(TraceText.Discovery(Model, property, found));
        throw new CheckerAssertionException(sb.ToString().TrimEnd('\n'));
    }

    /// <summary>Under <see cref="LivenessSemantics.AllBehaviours"/>: the step after which the path's last state first occurs, if the cycle from there is weakly fair.</summary>
    private int? FairCycleStart(Path<TState, TAction> path)
    {
        if (Liveness != LivenessSemantics.AllBehaviours) return null;
        var last = Fingerprint.Of(path.LastState);
        for (var k = 0; k < path.Length; k++)
            if (Fingerprint.Of(path.States[k]) == last) return _engine.Fairness.IsFairCycle(path, k) ? k : null;
        return null;
    }

    /// <summary>Says at which step the given actions stop being enabled.</summary>
    private string DescribeInvalidSteps(List<TAction> wanted)
    {
        var best = -1;
        foreach (var init in Model.InitStates())
        {
            for (var n = wanted.Count; n > best; n--)
            {
                if (Path<TState, TAction>.FromActions(Model, init, wanted.Take(n)) is null) continue;
                best = n;
                break;
            }
        }
        if (best < 0) return "no initial state accepts them";
        return $"step {best + 1} ({TraceText.Action(Model, wanted[best])}) is not enabled (or changes nothing) after the first {best} step{(best == 1 ? "" : "s")}";
    }

    /// <summary>A model without properties still fails on a fault or an incomplete run: it checks that the model runs.</summary>
    private string? NoPropertiesFailure()
    {
        if (Error is not null) return $"The model has no properties, and checking failed.\n{Error.Message}";
        if (Status != CheckerStatus.Exhausted) return $"The model has no properties, and model checking is incomplete: {IncompleteReason()} ({Summary()}).";
        return null;
    }

    /// <summary>The verdict on the named property. Final once <see cref="IsDone"/>.</summary>
    /// <exception cref="KeyNotFoundException">The model has no property with that name.</exception>
    public VerdictKind VerdictOf(string name) =>
        Verdicts.Classify(Model.Property(name).Expectation, _discoveries.ContainsKey(name), Status, Error is not null);

    /// <summary>
    /// One sentence on a property's verdict (with the discovery's trace when there is one), the
    /// wording every assertion and every test front end uses.
    /// </summary>
    internal string VerdictMessage(Property<TState> property, bool includeStates = false)
    {
        var word = property.Expectation.Classify().ToReportWord();
        var label = $"\"{property.Name}\" ({property.Expectation})";
        return VerdictOf(property.Name) switch
        {
            VerdictKind.Violated => "Unexpected " + TraceText.Discovery(Model, property, _discoveries[property.Name], includeStates) + Checked(property),
            VerdictKind.ExampleFound => TraceText.Discovery(Model, property, _discoveries[property.Name], includeStates),
            VerdictKind.Holds => $"Property {label} holds{(property.Expectation == Expectation.Eventually ? " " + LivenessDescription : "")} ({Summary()}).\n",
            VerdictKind.Incomplete when property.Expectation == Expectation.Eventually && Status == CheckerStatus.TargetMaxDepthReached =>
                $"No {word} for {label} was found within the depth bound, but model checking is bounded: {IncompleteReason()} ({Summary()}). " +
                "Only behaviours that end or cycle within the bound were checked; an incomplete run is never a pass: raise the bound or bound the model.\n",
            VerdictKind.NoExample => $"No {word} for {label} was found ({Summary()}): every state was checked, so this outcome is unreachable.\n",
            VerdictKind.Error => $"{label} could not be checked: checking failed.\n{Error?.Message}\n",
            _ => $"No {word} for {label} was found, but model checking is incomplete: {IncompleteReason()} ({Summary()}). An incomplete run is never a pass: raise the limits or bound the model.\n",
        };
    }

    /// <summary>For an <c>Eventually</c> counterexample, which behaviours were checked.</summary>
    private string Checked(Property<TState> property) =>
        property.Expectation == Expectation.Eventually ? $"(Eventually checked {LivenessDescription}.)\n" : "";

    private string? AnyDiscoveryFailure(Property<TState> property) => VerdictOf(property.Name) switch
    {
        VerdictKind.ExampleFound or VerdictKind.Violated => null,
        VerdictKind.Holds => $"No {property.Expectation.Classify().ToReportWord()} for \"{property.Name}\" ({property.Expectation}) was found ({Summary()}).\n",
        _ => VerdictMessage(property),
    };

    private string? NoDiscoveryFailure(Property<TState> property) => VerdictOf(property.Name) switch
    {
        VerdictKind.Holds or VerdictKind.NoExample => null,
        VerdictKind.ExampleFound => "Unexpected " + TraceText.Discovery(Model, property, _discoveries[property.Name]),
        _ => VerdictMessage(property),
    };

    private string Summary() => $"{EngineName}, states={StateCount}, unique={UniqueStateCount}, depth={MaxDepth}";
}
