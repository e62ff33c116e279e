using Stateright.Actors;

namespace Stateright.Examples;

/// <summary>
/// A last-writer-wins register, a state-based CRDT: each node sets values with its local clock (which
/// the environment may move forward or back) and broadcasts its register; merging keeps the register
/// with the larger (timestamp, updater). "Eventually consistent" is written, as in the Rust example,
/// as an <c>Always</c> property over quiescent states: when no message is in flight, all registers agree.
/// </summary>
public static class LwwRegister
{
    /// <summary>The values a node may write.</summary>
    public enum Value { A, B, C }

    /// <summary>A register: the value, when and by whom it was written.</summary>
    public sealed record Register(Value Value, ulong Timestamp, int Updater)
    {
        /// <summary>The register with the larger (timestamp, updater).</summary>
        public static Register Merge(Register a, Register b) =>
            (a.Timestamp, a.Updater).CompareTo((b.Timestamp, b.Updater)) > 0 ? a : b;
    }

    /// <summary>What the environment may do to a node next.</summary>
    public abstract record NodeAction
    {
        /// <summary>Write a value.</summary>
        public sealed record SetValue(Value Value) : NodeAction;

        /// <summary>Move the node's clock.</summary>
        public sealed record SetTime(ulong Time) : NodeAction;
    }

    /// <summary>A node: its register (if any value was seen), its clock, the largest clock it used.</summary>
    public sealed record NodeState(Register? Register, ulong LocalClock, ulong MaximumUsedClock);

    /// <summary>A node of the register.</summary>
    public sealed class Node(IReadOnlyList<Id> peers) : Actor<Register, NodeState>
    {
        /// <inheritdoc/>
        public override NodeState OnStart(Id id, Out<Register> o)
        {
            var state = new NodeState(null, 1000, 1000);
            OfferChoices(o, state.LocalClock);
            return state;
        }

        /// <inheritdoc/>
        public override void OnRandom(Id id, ref Cow<NodeState> state, object random, Out<Register> o)
        {
            var current = state.Value;
            switch ((NodeAction)random)
            {
                case NodeAction.SetValue(var value):
                    NodeState next;
                    if (current.Register is null)
                    {
                        next = current with { Register = new Register(value, current.LocalClock, id.Index) };
                    }
                    else
                    {
                        var clock = Math.Max(current.LocalClock, current.MaximumUsedClock + 1);
                        next = current with { Register = new Register(value, clock, id.Index), MaximumUsedClock = clock };
                    }
                    state.Value = next;
                    o.Broadcast(peers, next.Register!);
                    break;
                case NodeAction.SetTime(var time):
                    state.Value = current with { LocalClock = time };
                    break;
            }
            OfferChoices(o, state.Value.LocalClock);
        }

        /// <inheritdoc/>
        public override void OnMsg(Id id, ref Cow<NodeState> state, Id src, Register msg, Out<Register> o) =>
            state.Value = state.Value with { Register = state.Value.Register is { } mine ? Register.Merge(mine, msg) : msg };

        private static void OfferChoices(Out<Register> o, ulong time) =>
            o.ChooseRandom<NodeAction>("node_action",
            [
                new NodeAction.SetValue(Value.A), new NodeAction.SetValue(Value.B), new NodeAction.SetValue(Value.C),
                new NodeAction.SetTime(time + 1), new NodeAction.SetTime(time == 0 ? 0 : time - 1),
            ]);
    }

    /// <summary><paramref name="nodeCount"/> nodes (each broadcasting to all, itself included) on a non-duplicating network.</summary>
    public static ActorModel<Register, Unit> Model(int nodeCount)
    {
        var everyone = Id.Range(0, nodeCount);
        var model = new ActorModel<Register, Unit>(Unit.Value);
        for (var i = 0; i < nodeCount; i++) model.Actor(new Node(everyone));
        return model
            .InitNetwork(NetworkKind.UnorderedNonDuplicating)
            .Property(Expectation.Always, "eventually consistent", s =>
            {
                if (s.Network.Count != 0) return true;
                var registers = s.StatesOf<NodeState>().Select(n => n.Register).ToArray();
                return registers.All(r => Equals(r, registers[0]));
            });
    }
}
