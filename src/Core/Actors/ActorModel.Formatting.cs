using System.Text;
using Stateright.Semantics;

namespace Stateright.Actors;

public sealed partial class ActorModel<TMsg, THistory>
{
    /// <summary>How traces name an actor: <c>Name#index</c> (e.g. <c>Server#0</c>), or <c>Id(index)</c> for an actor without a name.</summary>
    public string ActorLabel(Id id) =>
        id.Value < (ulong)_actors.Count && _actors[id.Index].Name is { Length: > 0 } name ? $"{name}#{id.Value}" : id.ToString();

    /// <inheritdoc/>
    public override string FormatAction(ActorModelAction<TMsg> action) => action switch
    {
        ActorModelAction<TMsg>.Deliver d => $"{ActorLabel(d.Src)} → {ValueText.Format(d.Msg)} → {ActorLabel(d.Dst)}",
        ActorModelAction<TMsg>.Drop d => $"Drop({FormatEnvelope(d.Envelope)})",
        ActorModelAction<TMsg>.Timeout t => $"Timeout({ActorLabel(t.Actor)}, {ValueText.Format(t.Timer)})",
        ActorModelAction<TMsg>.Crash c => $"Crash({ActorLabel(c.Actor)})",
        ActorModelAction<TMsg>.Recover r => $"Recover({ActorLabel(r.Actor)})",
        ActorModelAction<TMsg>.SelectRandom r => $"{ActorLabel(r.Actor)} select random {ValueText.Format(r.Random)}",
        _ => action.ToString(),
    };

    /// <inheritdoc/>
    public override string FormatState(ActorModelState<TMsg, THistory> state) => state.Describe(ActorLabel);

    /// <summary>What the step does: the acting actor's outputs and its state before and after.</summary>
    public override string? FormatStep(ActorModelState<TMsg, THistory> state, ActorModelAction<TMsg> action) =>
        Handle(state, action) is var (_, o, next, changed, before)
            ? $"out: {FormatOutputs(o)}\n" + (changed ? $"state: {ValueText.Format(before)} ⇒ {ValueText.Format(next)}" : $"state: {ValueText.Format(next)} (unchanged)")
            : null;

    /// <summary>
    /// Only what a step changed: the acting actor's outputs and state, messages added to and removed
    /// from the network, timers, crashes and the history. Timer durations are left out: the checker
    /// ignores them, so a changed duration changes no trace.
    /// </summary>
    public override string FormatTransition(ActorModelState<TMsg, THistory> before, ActorModelAction<TMsg> action, ActorModelState<TMsg, THistory> after)
    {
        var lines = new List<string>();
        var sent = new List<Envelope<TMsg>>();
        if (Handle(before, action) is var (id, o, next, changed, old))
        {
            lines.Add($"out: {FormatOutputs(o)}");
            lines.Add(changed ? $"state: {ValueText.Format(old)} ⇒ {ValueText.Format(next)}" : "state: unchanged");
            sent.AddRange(o.Commands.OfType<Command<TMsg>.Send>().Select(s => new Envelope<TMsg>(id, s.Destination, s.Msg)));
        }
        // Messages the step's own sends explain are already on the "out" line; the network line shows the rest.
        var added = Subtract(Subtract(after.Network.All, before.Network.All), sent);
        var removed = Subtract(before.Network.All, after.Network.All);
        if (added.Count + removed.Count > 0)
            lines.Add("network: " + string.Join(", ", removed.Select(e => "−" + FormatEnvelope(e)).Concat(added.Select(e => "+" + FormatEnvelope(e)))));
        for (var i = 0; i < after.ActorStates.Length; i++)
        {
            if (!before.Timers[i].SetEquals(after.Timers[i]))
                lines.Add($"timers of {ActorLabel(Id.From(i))}: {FormatSet(before.Timers[i])} ⇒ {FormatSet(after.Timers[i])}");
            if (before.Crashed[i] != after.Crashed[i]) lines.Add($"{ActorLabel(Id.From(i))} {(after.Crashed[i] ? "crashed" : "recovered")}");
        }
        if (!ReferenceEquals(before.History, after.History) && Fingerprint.Of(before.History) != Fingerprint.Of(after.History))
            lines.Add($"history: {ValueText.Format(after.History)}");
        return string.Join("\n", lines);
    }

    /// <summary>Re-runs the acting actor's handler for a step, to show its outputs and state change.</summary>
    private (Id Actor, Out<TMsg> Out, object Next, bool Changed, object Before)? Handle(ActorModelState<TMsg, THistory> state, ActorModelAction<TMsg> action)
    {
        var actor = ActingActor(action);
        if (actor is not { } id || id.Index >= _actors.Count) return null;
        var o = new Out<TMsg>();
        object next;
        var changed = true;
        switch (action)
        {
            case ActorModelAction<TMsg>.Deliver d when !state.Crashed[id.Index]:
                next = CallOnMsg(id.Index, state.ActorStates[id.Index], d.Src, d.Msg, o, out changed);
                break;
            case ActorModelAction<TMsg>.Timeout t:
                next = CallOnTimeout(id.Index, state.ActorStates[id.Index], t.Timer, o, out changed);
                break;
            case ActorModelAction<TMsg>.SelectRandom r:
                next = CallOnRandom(id.Index, state.ActorStates[id.Index], r.Random, o, out changed);
                break;
            case ActorModelAction<TMsg>.Recover:
                next = CallOnStart(id.Index, state.Storages[id.Index], o);
                break;
            default:
                return null;
        }
        return (id, o, next, changed, state.ActorStates[id.Index]);
    }

    private string FormatOutputs(Out<TMsg> o) => o.Commands.Count == 0 ? "none" : string.Join("; ", o.Commands.Select(FormatCommand));

    private string FormatCommand(Command<TMsg> command) => command switch
    {
        Command<TMsg>.Send s => $"send {ValueText.Format(s.Msg)} → {ActorLabel(s.Destination)}",
        Command<TMsg>.SetTimer t => $"set timer {ValueText.Format(t.Timer)}",
        Command<TMsg>.CancelTimer t => $"cancel timer {ValueText.Format(t.Timer)}",
        Command<TMsg>.ChooseRandom r => r.Choices.Count == 0 ? $"clear random choice {ValueText.Format(r.Key)}" : $"choose random {ValueText.Format(r.Key)} from [{string.Join(", ", r.Choices.Select(c => ValueText.Format(c)))}]",
        Command<TMsg>.Save s => $"save {ValueText.Format(s.Storage)}",
        _ => command.ToString(),
    };

    private string FormatEnvelope(Envelope<TMsg> e) => $"{ActorLabel(e.Src)} → {ValueText.Format(e.Msg)} → {ActorLabel(e.Dst)}";

    private static string FormatSet(IEnumerable<object> items) => "{" + string.Join(", ", items.Select(i => ValueText.Format(i)).Order(StringComparer.Ordinal)) + "}";

    /// <summary>The envelopes of <paramref name="left"/> not matched in <paramref name="right"/>, as multisets, in a stable order.</summary>
    private List<Envelope<TMsg>> Subtract(IEnumerable<Envelope<TMsg>> left, IEnumerable<Envelope<TMsg>> right)
    {
        var remaining = right.GroupBy(Fingerprint.Of).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<Envelope<TMsg>>();
        foreach (var envelope in left)
        {
            var key = Fingerprint.Of(envelope);
            if (remaining.TryGetValue(key, out var count) && count > 0) remaining[key] = count - 1;
            else result.Add(envelope);
        }
        return result.OrderBy(FormatEnvelope, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A Mermaid sequence diagram of a path: an arrow per delivery, a note per timeout, crash,
    /// recovery or random choice, and after each step that changes the acting actor's state a note with
    /// that state (shortened to 80 characters). Paste it into any Mermaid renderer (GitHub, Azure DevOps, VS Code).
    /// </summary>
    public override string SequenceDiagram(Path<ActorModelState<TMsg, THistory>, ActorModelAction<TMsg>> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sb = new StringBuilder("sequenceDiagram\n");
        for (var i = 0; i < _actors.Count; i++)
        {
            var name = _actors[i].Name;
            sb.Append($"    participant A{i} as {Escape(ActorLabel(Id.From(i)))}\n");
        }
        for (var step = 0; step < path.Length; step++)
        {
            var action = path.Actions[step];
            // A lasso's cycle is drawn as a loop block: those steps repeat forever.
            if (step == path.CycleStart) sb.Append($"    loop steps {step + 1}–{path.Length} repeat forever\n");
            sb.Append(action switch
            {
                ActorModelAction<TMsg>.Deliver d => $"    A{d.Src.Value}->>A{d.Dst.Value}: {Escape(d.Msg)}\n",
                ActorModelAction<TMsg>.Drop d => $"    A{d.Envelope.Src.Value}--xA{d.Envelope.Dst.Value}: {Escape(d.Envelope.Msg)} (lost)\n",
                ActorModelAction<TMsg>.Timeout t => $"    Note over A{t.Actor.Value}: timeout {Escape(t.Timer)}\n",
                ActorModelAction<TMsg>.Crash c => $"    Note over A{c.Actor.Value}: crash\n",
                ActorModelAction<TMsg>.Recover r => $"    Note over A{r.Actor.Value}: recover\n",
                ActorModelAction<TMsg>.SelectRandom r => $"    Note over A{r.Actor.Value}: random {Escape(r.Random)}\n",
                _ => "",
            });
            // The acting actor's state after the step, when the step changed it: the fact that breaks a
            // property ("both clients Holding") is then on the picture.
            if (ActingActor(action) is { } actor && actor.Index < _actors.Count
                && Fingerprint.Of(path.States[step].ActorStates[actor.Index]) != Fingerprint.Of(path.States[step + 1].ActorStates[actor.Index]))
                sb.Append($"    Note over A{actor.Value}: {Escape(Shorten(ValueText.Format(path.States[step + 1].ActorStates[actor.Index])))}\n");
        }
        if (path.CycleStart is not null) sb.Append("    end\n");
        return sb.ToString();
    }

    /// <summary>The actor whose handler a step runs, if any.</summary>
    private static Id? ActingActor(ActorModelAction<TMsg> action) => action switch
    {
        ActorModelAction<TMsg>.Deliver d => d.Dst,
        ActorModelAction<TMsg>.Timeout t => t.Actor,
        ActorModelAction<TMsg>.SelectRandom r => r.Actor,
        ActorModelAction<TMsg>.Recover r => r.Actor,
        _ => null,
    };

    /// <summary>A state short enough for a diagram note.</summary>
    private static string Shorten(string text) => text.Length <= MaxNoteLength ? text : text[..(MaxNoteLength - 1)] + "…";

    private const int MaxNoteLength = 80;

    // Mermaid treats ';' and '#' specially in messages.
    private static string Escape(object? value) => (value?.ToString() ?? "null").Replace(";", "#59;").Replace("\n", " ");
}
