using System.Collections.Immutable;
using Stateright.Actors;

namespace Stateright.Examples;

/// <summary>
/// Two-phase commit written as actors: a transaction manager (<c>Id(0)</c>) and
/// <c>resourceManagerCount</c> resource managers (<c>Id(1)</c>…), which are interchangeable, so the
/// model declares them symmetric. The same protocol as <see cref="TwoPhaseCommit"/>, with real
/// messages: an RM decides (a random choice) to prepare — telling the TM — or to abort; the TM commits
/// once every RM is prepared, or aborts when its timer fires first.
/// </summary>
public static class TwoPhaseCommitActors
{
    /// <summary>The messages.</summary>
    public abstract record Msg
    {
        private Msg() { }

        /// <summary>An RM tells the TM it is prepared.</summary>
        public sealed record Prepared : Msg
        {
            /// <inheritdoc/>
            public override string ToString() => "Prepared";
        }

        /// <summary>The TM tells the RMs to commit.</summary>
        public sealed record Commit : Msg
        {
            /// <inheritdoc/>
            public override string ToString() => "Commit";
        }

        /// <summary>The TM tells the RMs to abort.</summary>
        public sealed record Abort : Msg
        {
            /// <inheritdoc/>
            public override string ToString() => "Abort";
        }
    }

    /// <summary>A resource manager's state.</summary>
    public enum RmState { Working, Prepared, Committed, Aborted }

    /// <summary>What a working RM decides.</summary>
    public enum RmDecision { Prepare, Abort }

    /// <summary>The transaction manager's phase.</summary>
    public enum TmPhase { Init, Committed, Aborted }

    /// <summary>The transaction manager's state: its phase and the RMs it knows are prepared (their ids).</summary>
    public sealed record TmState(TmPhase Phase, ImmutableSortedSet<Id> Prepared)
    {
        /// <inheritdoc/>
        public override string ToString() => $"TM {{ {Phase}, prepared: [{string.Join(", ", Prepared)}] }}";
    }

    /// <summary>The TM's timer: when it fires before every RM is prepared, the TM aborts.</summary>
    public const string AbortTimer = "abort";

    private const string DecideKey = "decide";

    /// <summary>The transaction manager.</summary>
    public sealed class TransactionManager(IReadOnlyList<Id> resourceManagers) : Actor<Msg, TmState>
    {
        /// <inheritdoc/>
        public override string Name => "TM";

        /// <inheritdoc/>
        public override TmState OnStart(Id id, Out<Msg> o)
        {
            o.SetTimer(AbortTimer, ModelHelpers.ModelOnlyTimeout());
            return new TmState(TmPhase.Init, []);
        }

        /// <inheritdoc/>
        public override void OnMsg(Id id, ref Cow<TmState> state, Id src, Msg msg, Out<Msg> o)
        {
            if (msg is not Msg.Prepared || state.Value.Phase != TmPhase.Init) return;
            var prepared = state.Value.Prepared.Add(src);
            if (prepared.Count < resourceManagers.Count)
            {
                state.Value = state.Value with { Prepared = prepared };
                return;
            }
            state.Value = new TmState(TmPhase.Committed, prepared);
            o.CancelTimer(AbortTimer);
            o.Broadcast(resourceManagers, new Msg.Commit());
        }

        /// <inheritdoc/>
        public override void OnTimeout(Id id, ref Cow<TmState> state, object timer, Out<Msg> o)
        {
            if (state.Value.Phase != TmPhase.Init) return;
            state.Value = state.Value with { Phase = TmPhase.Aborted };
            o.Broadcast(resourceManagers, new Msg.Abort());
        }
    }

    /// <summary>A resource manager; the TM is <c>Id(0)</c>.</summary>
    public sealed class ResourceManager : Actor<Msg, RmState>
    {
        /// <inheritdoc/>
        public override string Name => "RM";

        /// <inheritdoc/>
        public override RmState OnStart(Id id, Out<Msg> o)
        {
            o.ChooseRandom(DecideKey, [RmDecision.Prepare, RmDecision.Abort]);
            return RmState.Working;
        }

        /// <inheritdoc/>
        public override void OnRandom(Id id, ref Cow<RmState> state, object random, Out<Msg> o)
        {
            if (state.Value != RmState.Working) return;
            if (random is RmDecision.Prepare)
            {
                state.Value = RmState.Prepared;
                o.Send(Id.From(0), new Msg.Prepared());
            }
            else
            {
                state.Value = RmState.Aborted;
            }
        }

        /// <inheritdoc/>
        public override void OnMsg(Id id, ref Cow<RmState> state, Id src, Msg msg, Out<Msg> o)
        {
            var next = msg switch { Msg.Commit => RmState.Committed, Msg.Abort => RmState.Aborted, _ => state.Value };
            if (next == state.Value) return;
            state.Value = next;
            o.RemoveRandom(DecideKey); // a decided transaction leaves nothing to choose
        }
    }

    /// <summary>
    /// The TM and <paramref name="resourceManagerCount"/> RMs on a network that neither loses nor
    /// duplicates messages, the RMs declared symmetric; properties "abort agreement" and "commit
    /// agreement" (Sometimes) and "consistent" (Always: no RM commits while another aborts).
    /// </summary>
    public static ActorModel<Msg, Unit> Model(int resourceManagerCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resourceManagerCount, 1);
        var rms = Id.Range(1, resourceManagerCount);
        var model = ActorModel.Create<Msg>()
            .Actor(new TransactionManager(rms))
            .Actors(rms.Select(_ => new ResourceManager()))
            .InitNetwork(NetworkKind.UnorderedNonDuplicating)
            .Property(Expectation.Sometimes, "abort agreement", s => s.StatesOf<RmState>().All(r => r == RmState.Aborted))
            .Property(Expectation.Sometimes, "commit agreement", s => s.StatesOf<RmState>().All(r => r == RmState.Committed))
            .Property(Expectation.Always, "consistent", s => !(s.StatesOf<RmState>().Contains(RmState.Aborted) && s.StatesOf<RmState>().Contains(RmState.Committed)));
        return resourceManagerCount >= 2 ? model.Symmetric(rms) : model;
    }
}
