// docs/semantics.md: a sequential specification, and a tester kept in a model state.
using System.Collections.Immutable;
using Stateright;
using Stateright.Semantics;
using History = Stateright.Semantics.LinearizabilityTester<int, Stateright.Semantics.Register<char>,
    Stateright.Semantics.RegisterOp<char>, Stateright.Semantics.RegisterRet<char>>;

namespace Docs.Semantics;

public enum CounterOp { Increment, Read }

#region semantics-spec
public sealed record Counter(int N) : ISequentialSpec<Counter, CounterOp, int>
{
    public (Counter Next, int Result) Invoke(CounterOp op) => op switch
    {
        CounterOp.Increment => (new Counter(N + 1), N + 1),
        _ => (this, N),
    };
}
#endregion

#region semantics-state
public sealed record State(ImmutableArray<char> Values, History Linearizability)
{
    public static readonly Property<State> Linearizable =
        Property<State>.Always("linearizable", s => s.Linearizability.IsConsistent());
}
#endregion
