using Stateright.Actors;

namespace Stateright.Examples;

/// <summary>
/// A last-writer-wins register, a state-based CRDT: each node sets values with its local clock (which
/// the environment may move forward or back) and broadcasts its register; merging keeps the register
/// with the larger (timestamp, updater). <see cref="Model"/> writes "eventually consistent", as in the
/// Rust example, as an <c>Always</c> property over quiescent states: when no message is in flight, all
/// registers agree. <see cref="ConvergenceModel"/> states it as the <c>Eventually</c> property it is:
/// once the environment stops writing and moving clocks, every behaviour reaches agreement.
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

    /// <summary>
    /// A node: its register (if any value was seen), its clock, the largest clock it used, and how many
    /// more writes or clock moves the environment may make on it (null: no limit).
    /// </summary>
    public sealed record NodeState(Register? Register, ulong LocalClock, ulong MaximumUsedClock, int? StepsLeft = null);

    /// <summary>
    /// A node of the register. <paramref name="steps"/> limits the writes and clock moves the environment
    /// makes on it (null: none); <paramref name="fixFirstWrite"/> makes a node's first write raise its
    /// largest used clock too, which removes the timestamp reuse described in the docs.
    /// </summary>
    public sealed class Node(IReadOnlyList<Id> peers, int? steps = null, bool fixFirstWrite = false) : Actor<Register, NodeState>
    {
        /// <inheritdoc/>
        public override NodeState OnStart(Id id, Out<Register> o)
        {
            var state = new NodeState(null, 1000, 1000, steps);
            OfferChoices(o, state);
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
                        if (fixFirstWrite) next = next with { MaximumUsedClock = Math.Max(current.MaximumUsedClock, current.LocalClock) };
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
            if (state.Value.StepsLeft is { } left) state.Value = state.Value with { StepsLeft = left - 1 };
            OfferChoices(o, state.Value);
        }

        /// <inheritdoc/>
        public override void OnMsg(Id id, ref Cow<NodeState> state, Id src, Register msg, Out<Register> o) =>
            state.Value = state.Value with { Register = state.Value.Register is { } mine ? Register.Merge(mine, msg) : msg };

        private static void OfferChoices(Out<Register> o, NodeState state)
        {
            if (state.StepsLeft is 0) return;
            var time = state.LocalClock;
            o.ChooseRandom<NodeAction>("node_action",
            [
                new NodeAction.SetValue(Value.A), new NodeAction.SetValue(Value.B), new NodeAction.SetValue(Value.C),
                new NodeAction.SetTime(time + 1), new NodeAction.SetTime(time == 0 ? 0 : time - 1),
            ]);
        }
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

    /// <summary>
    /// Eventual consistency as an <c>Eventually</c> property: node i lets the environment make at most
    /// <paramref name="stepsPerNode"/>[i] writes or clock moves, so the environment stops; "converges"
    /// requires that every behaviour then reaches a state where it has stopped, no message is in flight
    /// and all registers agree. Fails as written (a tied timestamp, see the docs); holds with
    /// <paramref name="fixFirstWrite"/>.
    /// </summary>
    public static ActorModel<Register, Unit> ConvergenceModel(int[] stepsPerNode, bool fixFirstWrite = false)
    {
        var everyone = Id.Range(0, stepsPerNode.Length);
        var model = new ActorModel<Register, Unit>(Unit.Value);
        foreach (var steps in stepsPerNode) model.Actor(new Node(everyone, steps, fixFirstWrite));
        return model
            .InitNetwork(NetworkKind.UnorderedNonDuplicating)
            .Property(Expectation.Eventually, "converges", s =>
            {
                var nodes = s.StatesOf<NodeState>().ToArray();
                return s.Network.Count == 0 && nodes.All(n => n.StepsLeft == 0) && nodes.All(n => Equals(n.Register, nodes[0].Register));
            });
    }
}
