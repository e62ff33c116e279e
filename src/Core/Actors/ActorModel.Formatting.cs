using System.Text;
using Stateright.Semantics;

namespace Stateright.Actors;

public sealed partial class ActorModel<TMsg, THistory>
{
    /// <inheritdoc/>
    public override string FormatAction(ActorModelAction<TMsg> action) => action.ToString();

    /// <inheritdoc/>
    public override string FormatState(ActorModelState<TMsg, THistory> state) => state.Describe();

    /// <summary>What the step does: the acting actor's outputs and its state before and after.</summary>
    public override string? FormatStep(ActorModelState<TMsg, THistory> state, ActorModelAction<TMsg> action)
    {
        Id? actor = action switch
        {
            ActorModelAction<TMsg>.Deliver d => d.Dst,
            ActorModelAction<TMsg>.Timeout t => t.Actor,
            ActorModelAction<TMsg>.SelectRandom r => r.Actor,
            ActorModelAction<TMsg>.Recover r => r.Actor,
            _ => null,
        };
        if (actor is not { } id || id.Index >= _actors.Count) return null;
        var o = new Out<TMsg>();
        object next;
        var changed = true;
        switch (action)
        {
            case ActorModelAction<TMsg>.Deliver d when !state.Crashed[id.Index]:
                next = _actors[id.Index].OnMsg(id, state.ActorStates[id.Index], d.Src, d.Msg, o, out changed);
                break;
            case ActorModelAction<TMsg>.Timeout t:
                next = _actors[id.Index].OnTimeout(id, state.ActorStates[id.Index], t.Timer, o, out changed);
                break;
            case ActorModelAction<TMsg>.SelectRandom r:
                next = _actors[id.Index].OnRandom(id, state.ActorStates[id.Index], r.Random, o, out changed);
                break;
            case ActorModelAction<TMsg>.Recover:
                next = _actors[id.Index].OnStart(id, state.Storages[id.Index], o);
                break;
            default:
                return null;
        }
        var sb = new StringBuilder();
        sb.Append("OUT: ").Append(o).Append('\n');
        sb.Append(changed
            ? $"STATE: {ValueText.Format(state.ActorStates[id.Index])} ⇒ {ValueText.Format(next)}"
            : $"STATE: {ValueText.Format(next)} (unchanged)");
        return sb.ToString();
    }

    /// <summary>
    /// A Mermaid sequence diagram of a path: an arrow per delivery, a note per timeout, crash,
    /// recovery or random choice. Paste it into any Mermaid renderer (GitHub, Azure DevOps, VS Code).
    /// </summary>
    public override string SequenceDiagram(Path<ActorModelState<TMsg, THistory>, ActorModelAction<TMsg>> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sb = new StringBuilder("sequenceDiagram\n");
        for (var i = 0; i < _actors.Count; i++)
        {
            var name = _actors[i].Name;
            sb.Append($"    participant A{i} as Id({i}){(string.IsNullOrEmpty(name) ? "" : " " + name)}\n");
        }
        foreach (var action in path.Actions)
        {
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
        }
        return sb.ToString();
    }

    // Mermaid treats ';' and '#' specially in messages.
    private static string Escape(object? value) => (value?.ToString() ?? "null").Replace(";", "#59;").Replace("\n", " ");
}
