using System.Diagnostics.CodeAnalysis;
using Stateright.Semantics;

namespace Stateright.Tests.Semantics;

/// <summary>
/// Random concurrent histories checked against an independent oracle that follows the textbook
/// definitions literally, using explicit invocation and return times: an order of the completed
/// operations plus any subset of the in-flight ones, accepted by the reference object, that never puts
/// an operation before one that returned before it was invoked (linearizability) or before an earlier
/// operation of the same thread (sequential consistency).
/// </summary>
/// <remarks>
/// Operations are tagged with unique ids, so the orders the testers return can be matched back to the
/// recorded operations and checked against the same constraints.
/// </remarks>
public class CrossCheckTests
{
    private const int Histories = 300;

    public enum Model { Linearizability, SequentialConsistency }

    public static TheoryData<Model, string> Cases()
    {
        var data = new TheoryData<Model, string>();
        foreach (var model in new[] { Model.Linearizability, Model.SequentialConsistency })
            foreach (var spec in new[] { "register", "vec", "write-once register" })
                data.Add(model, spec);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Testers_agree_with_the_definition_on_random_histories(Model model, string spec)
    {
        var (consistent, inconsistent) = spec switch
        {
            "register" => Run<Register<char>, RegisterOp<char>, RegisterRet<char>>(model, new Register<char>('A'),
                r => r.Next(3) == 0 ? new RegisterOp<char>.Read() : new RegisterOp<char>.Write("BC"[r.Next(2)]),
                (r, op) => op is RegisterOp<char>.Write ? new RegisterRet<char>.WriteOk() : new RegisterRet<char>.ReadOk("ABC"[r.Next(3)])),
            "vec" => Run<VecSpec<int>, VecOp<int>, VecRet<int>>(model, new VecSpec<int>(),
                r => r.Next(3) switch { 0 => new VecOp<int>.Push(1 + r.Next(2)), 1 => new VecOp<int>.Pop(), _ => new VecOp<int>.Len() },
                (r, op) => op switch
                {
                    VecOp<int>.Push => new VecRet<int>.PushOk(),
                    VecOp<int>.Pop => new VecRet<int>.PopOk(r.Next(3) == 0 ? Option<int>.None : 1 + r.Next(2)),
                    _ => new VecRet<int>.LenOk(r.Next(3)),
                }),
            _ => Run<WriteOnceRegister<char>, WriteOnceRegisterOp<char>, WriteOnceRegisterRet<char>>(model, new WriteOnceRegister<char>(),
                r => r.Next(2) == 0 ? new WriteOnceRegisterOp<char>.Read() : new WriteOnceRegisterOp<char>.Write("AB"[r.Next(2)]),
                (r, op) => op is WriteOnceRegisterOp<char>.Write
                    ? (r.Next(2) == 0 ? new WriteOnceRegisterRet<char>.WriteOk() : new WriteOnceRegisterRet<char>.WriteFail())
                    : new WriteOnceRegisterRet<char>.ReadOk(r.Next(3) == 0 ? Option<char>.None : "AB"[r.Next(2)])),
        };
        // The generators must produce plenty of both verdicts, or the comparison proves little.
        Assert.True(consistent > Histories / 10, $"only {consistent} consistent prefixes");
        Assert.True(inconsistent > Histories / 10, $"only {inconsistent} inconsistent prefixes");
    }

    private static (int Consistent, int Inconsistent) Run<TSpec, TOp, TRet>(
        Model model, TSpec initial, Func<Random, TOp> randomOp, Func<Random, TOp, TRet> randomRet)
        where TSpec : ISequentialSpec<TSpec, TOp, TRet>
        where TOp : notnull
    {
        var tagged = new TaggedSpec<TSpec, TOp, TRet>(initial);
        return model == Model.Linearizability
            ? Run(model, tagged, randomOp, randomRet,
                () => new LinearizabilityTester<int, TaggedSpec<TSpec, TOp, TRet>, Tagged<TOp>, TRet>(tagged), t => t.SerializedHistory())
            : Run(model, tagged, randomOp, randomRet,
                () => new SequentialConsistencyTester<int, TaggedSpec<TSpec, TOp, TRet>, Tagged<TOp>, TRet>(tagged), t => t.SerializedHistory());
    }

    private static (int Consistent, int Inconsistent) Run<TTester, TSpec, TOp, TRet>(
        Model model,
        TaggedSpec<TSpec, TOp, TRet> initial,
        Func<Random, TOp> randomOp,
        Func<Random, TOp, TRet> randomRet,
        Func<TTester> create,
        Func<TTester, IReadOnlyList<(Tagged<TOp> Op, TRet Ret)>?> serialize)
        where TTester : IConsistencyTester<TTester, int, Tagged<TOp>, TRet>
        where TSpec : ISequentialSpec<TSpec, TOp, TRet>
        where TOp : notnull
    {
        int consistent = 0, inconsistent = 0;
        for (var seed = 0; seed < Histories; seed++)
        {
            var random = new Random(seed);
            var threads = 2 + random.Next(2);
            var maxOps = 3 + random.Next(5);
            var ops = new List<RecordedOp<TOp, TRet>>();
            var pending = new RecordedOp<TOp, TRet>?[threads];
            var time = 0;
            var incremental = create(); // evaluated after every event, as a model checker would
            var log = new List<(bool Invoke, int Thread, Tagged<TOp> Op, TRet Ret)>();
            while (ops.Count < maxOps || pending.Any(p => p is not null))
            {
                var thread = random.Next(threads);
                time++;
                if (pending[thread] is { } inFlight)
                {
                    var ret = randomRet(random, inFlight.Op.Op);
                    inFlight.Ret = ret;
                    inFlight.Returned = time;
                    pending[thread] = null;
                    incremental = incremental.OnReturn(thread, ret);
                    log.Add((false, thread, inFlight.Op, ret));
                }
                else if (ops.Count < maxOps)
                {
                    var op = new RecordedOp<TOp, TRet>(new Tagged<TOp>(ops.Count, randomOp(random)), thread, time);
                    ops.Add(op);
                    pending[thread] = op;
                    incremental = incremental.OnInvoke(thread, op.Op);
                    log.Add((true, thread, op.Op, default!));
                }
                else continue;

                var expected = Oracle(model, initial, ops);
                var context = $"seed {seed}, {model}, after {string.Join("; ", log.Select(e => e.Invoke ? $"{e.Thread} invokes {e.Op}" : $"{e.Thread} returns {e.Ret}"))}";
                Assert.True(expected == incremental.IsConsistent(), $"expected {(expected ? "consistent" : "inconsistent")}: {context}");
                if (expected) consistent++;
                else inconsistent++;

                // Rebuild the same prefix without evaluating intermediate testers: the pure search.
                var fresh = create();
                foreach (var e in log) fresh = e.Invoke ? fresh.OnInvoke(e.Thread, e.Op) : fresh.OnReturn(e.Thread, e.Ret);
                Assert.Equal(incremental.GetHashCode(), fresh.GetHashCode());
                var order = serialize(fresh);
                Assert.True(expected == order is not null, $"serialization disagrees: {context}");
                if (order is not null) AssertValidOrder(model, initial, ops, order, context);
            }
        }
        return (consistent, inconsistent);
    }

    /// <summary>The definition, searched naively over explicit times (no memo, no encoding of real time as counts).</summary>
    private static bool Oracle<TSpec, TOp, TRet>(Model model, TaggedSpec<TSpec, TOp, TRet> initial, List<RecordedOp<TOp, TRet>> ops)
        where TSpec : ISequentialSpec<TSpec, TOp, TRet>
        where TOp : notnull
    {
        var placed = new bool[ops.Count];
        var completed = ops.Count(o => o.IsComplete);
        return Extend(initial, 0);

        bool Extend(TaggedSpec<TSpec, TOp, TRet> spec, int placedCompleted)
        {
            if (placedCompleted == completed) return true;
            for (var i = 0; i < ops.Count; i++)
            {
                if (placed[i] || !MayGoNext(model, ops, placed, i)) continue;
                var op = ops[i];
                TaggedSpec<TSpec, TOp, TRet> next;
                if (op.IsComplete)
                {
                    var (after, ret) = spec.Invoke(op.Op);
                    if (!EqualityComparer<TRet>.Default.Equals(ret, op.Ret)) continue;
                    next = after;
                }
                else next = spec.Invoke(op.Op).Next;
                placed[i] = true;
                if (Extend(next, placedCompleted + (op.IsComplete ? 1 : 0))) return true;
                placed[i] = false;
            }
            return false;
        }
    }

    /// <summary>Whether every operation that must precede <c>ops[i]</c> has been placed.</summary>
    private static bool MayGoNext<TOp, TRet>(Model model, List<RecordedOp<TOp, TRet>> ops, bool[] placed, int i)
    {
        for (var j = 0; j < ops.Count; j++)
        {
            if (j == i || placed[j]) continue;
            if (MustPrecede(model, ops[j], ops[i])) return false;
        }
        return true;
    }

    private static bool MustPrecede<TOp, TRet>(Model model, RecordedOp<TOp, TRet> a, RecordedOp<TOp, TRet> b) => model switch
    {
        Model.Linearizability => a.IsComplete && a.Returned < b.Invoked,
        _ => a.Thread == b.Thread && a.Invoked < b.Invoked,
    };

    private static void AssertValidOrder<TSpec, TOp, TRet>(
        Model model, TaggedSpec<TSpec, TOp, TRet> initial, List<RecordedOp<TOp, TRet>> ops, IReadOnlyList<(Tagged<TOp> Op, TRet Ret)> order, string context)
        where TSpec : ISequentialSpec<TSpec, TOp, TRet>
        where TOp : notnull
    {
        Assert.True(initial.IsValidHistory(order), $"order rejected by the reference object: {context}");
        var positions = new Dictionary<int, int>();
        for (var k = 0; k < order.Count; k++)
        {
            var (op, ret) = order[k];
            Assert.True(positions.TryAdd(op.Id, k), $"operation {op} placed twice: {context}");
            var recorded = ops[op.Id];
            Assert.Equal(recorded.Op, op);
            if (recorded.IsComplete) Assert.Equal(recorded.Ret, ret);
        }
        foreach (var op in ops)
        {
            if (op.IsComplete) Assert.True(positions.ContainsKey(op.Op.Id), $"completed {op.Op} missing: {context}");
        }
        foreach (var a in ops)
        {
            foreach (var b in ops)
            {
                if (!positions.TryGetValue(b.Op.Id, out var pb) || !MustPrecede(model, a, b)) continue;
                Assert.True(positions.TryGetValue(a.Op.Id, out var pa) && pa < pb, $"{a.Op} must precede {b.Op}: {context}");
            }
        }
    }

    private sealed class RecordedOp<TOp, TRet>(Tagged<TOp> op, int thread, int invoked)
    {
        public Tagged<TOp> Op { get; } = op;
        public int Thread { get; } = thread;
        public int Invoked { get; } = invoked;
        public int Returned { get; set; } = int.MaxValue;
        public TRet Ret { get; set; } = default!;
        public bool IsComplete => Returned != int.MaxValue;
    }
}

/// <summary>An operation with a unique id, so that an order of operations can be traced back to the history.</summary>
public sealed record Tagged<TOp>(int Id, TOp Op)
{
    public override string ToString() => $"#{Id} {Op}";
}

/// <summary>A reference object that ignores the tags of <see cref="Tagged{TOp}"/> operations.</summary>
public sealed record TaggedSpec<TSpec, TOp, TRet>(TSpec Inner) : ISequentialSpec<TaggedSpec<TSpec, TOp, TRet>, Tagged<TOp>, TRet>
    where TSpec : ISequentialSpec<TSpec, TOp, TRet>
{
    public (TaggedSpec<TSpec, TOp, TRet> Next, TRet Result) Invoke(Tagged<TOp> op)
    {
        var (next, ret) = Inner.Invoke(op.Op);
        return (new TaggedSpec<TSpec, TOp, TRet>(next), ret);
    }

    public bool IsValidStep(Tagged<TOp> op, TRet ret, [MaybeNullWhen(false)] out TaggedSpec<TSpec, TOp, TRet> next)
    {
        if (Inner.IsValidStep(op.Op, ret, out var inner))
        {
            next = new TaggedSpec<TSpec, TOp, TRet>(inner);
            return true;
        }
        next = null;
        return false;
    }
}
