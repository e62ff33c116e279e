using Stateright.Semantics;
using Lin = Stateright.Semantics.LinearizabilityTester<int, Stateright.Semantics.Register<char>, Stateright.Semantics.RegisterOp<char>, Stateright.Semantics.RegisterRet<char>>;
using Op = Stateright.Semantics.RegisterOp<char>;
using Ret = Stateright.Semantics.RegisterRet<char>;
using Sc = Stateright.Semantics.SequentialConsistencyTester<int, Stateright.Semantics.Register<char>, Stateright.Semantics.RegisterOp<char>, Stateright.Semantics.RegisterRet<char>>;

namespace Stateright.Tests.Semantics;

/// <summary>
/// The testers inside model states, as the actor layer will use them: two clients each write their own
/// value to a shared register and then read it back. The server either reads the register (correct) or
/// answers from a per-client cache of the client's own last write (stale reads).
/// </summary>
public class ModelCheckingTests
{
    public sealed record State((int, int) Phase, char Value, (char, char) Cache, Lin Linearizability, Sc SequentialConsistency)
    {
        public override string ToString() => $"phases {Phase}, value {Value}, {Linearizability}";
    }

    public sealed class Clients(bool staleReads) : Model<State, int>
    {
        private static readonly char[] s_values = ['B', 'C'];

        public override IEnumerable<State> InitStates() =>
            [new State((0, 0), 'A', ('A', 'A'), new Lin(new Register<char>('A')), new Sc(new Register<char>('A')))];

        public override void Actions(State state, List<int> actions)
        {
            if (state.Phase.Item1 < 5) actions.Add(0);
            if (state.Phase.Item2 < 5) actions.Add(1);
        }

        public override State? NextState(State s, int client)
        {
            var phase = client == 0 ? s.Phase.Item1 : s.Phase.Item2;
            var mine = s_values[client];
            var next = phase switch
            {
                0 => Record(s, t => t.OnInvoke(client, new Op.Write(mine)), t => t.OnInvoke(client, new Op.Write(mine))),
                1 => s with { Value = mine, Cache = client == 0 ? (mine, s.Cache.Item2) : (s.Cache.Item1, mine) },
                2 => Record(s, t => t.OnReturn(client, new Ret.WriteOk()), t => t.OnReturn(client, new Ret.WriteOk())),
                3 => Record(s, t => t.OnInvoke(client, new Op.Read()), t => t.OnInvoke(client, new Op.Read())),
                _ => ReadReturn(s, client, staleReads ? (client == 0 ? s.Cache.Item1 : s.Cache.Item2) : s.Value),
            };
            return next with { Phase = client == 0 ? (phase + 1, s.Phase.Item2) : (s.Phase.Item1, phase + 1) };
        }

        private static State ReadReturn(State s, int client, char value) =>
            Record(s, t => t.OnReturn(client, new Ret.ReadOk(value)), t => t.OnReturn(client, new Ret.ReadOk(value)));

        private static State Record(State s, Func<Lin, Lin> lin, Func<Sc, Sc> sc) =>
            s with { Linearizability = lin(s.Linearizability), SequentialConsistency = sc(s.SequentialConsistency) };

        protected override IEnumerable<Property<State>> DefineProperties() =>
        [
            Property<State>.Always("linearizable", s => s.Linearizability.IsConsistent()),
            Property<State>.Always("sequentially consistent", s => s.SequentialConsistency.IsConsistent()),
            Property<State>.Sometimes("both done", s => s.Phase == (5, 5)),
        ];
    }

    [Fact]
    public void A_correct_register_is_linearizable_in_every_state()
    {
        var checker = new Clients(staleReads: false).Checker().SpawnBfs().Join();
        checker.AssertProperties();
        checker.AssertNoDiscovery("linearizable");
        checker.AssertNoDiscovery("sequentially consistent");
        Assert.NotNull(checker.Discovery("both done"));
    }

    [Fact]
    public void Stale_reads_are_found_to_violate_linearizability_but_not_sequential_consistency()
    {
        var checker = new Clients(staleReads: true).Checker().SpawnBfs().Join();
        checker.AssertNoDiscovery("sequentially consistent");
        var path = checker.AssertAnyDiscovery("linearizable");
        var last = path.LastState;
        Assert.False(last.Linearizability.IsConsistent());
        Assert.True(last.SequentialConsistency.IsConsistent());
        // The shortest counterexample: one client writes, then the other writes, then the first reads its
        // stale cached value: 3 + 3 + 2 steps.
        Assert.Equal(8, path.Length);
        Assert.Equal(
            "LinearizabilityTester {0: [Write('B') → WriteOk, Read → ReadOk('B')], 1: [Write('C') → WriteOk]}",
            last.Linearizability.ToString());
        var trace = TraceText.Discovery(checker.Model, checker.Model.Property("linearizable"), path);
        Assert.Contains("LinearizabilityTester {0: [", trace);
        Assert.Contains("Read → ReadOk(", trace);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fingerprints_identify_exactly_the_structurally_equal_states(bool staleReads)
    {
        var model = new Clients(staleReads);
        // Explore with structural equality (records compare their testers with Equals) ...
        var seen = new HashSet<State>();
        var frontier = new Queue<State>(model.InitStates());
        foreach (var s in frontier) seen.Add(s);
        while (frontier.Count > 0)
        {
            foreach (var (_, next) in model.NextSteps(frontier.Dequeue()))
                if (seen.Add(next)) frontier.Enqueue(next);
        }
        // ... and the checker, which knows states only by fingerprint, must find the same number.
        var checker = model.Checker().SpawnBfs().Join();
        Assert.Equal(seen.Count, checker.UniqueStateCount);
        Assert.Equal(seen.Count, seen.Select(Fingerprint.Of).Distinct().Count());
        // Different interleavings do reach equal states (otherwise the comparison proves nothing).
        Assert.True(checker.StateCount > checker.UniqueStateCount);
    }
}
