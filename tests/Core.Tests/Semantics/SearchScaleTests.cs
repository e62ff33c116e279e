using Stateright.Semantics;
using Lin = Stateright.Semantics.LinearizabilityTester<int, Stateright.Semantics.Register<char>, Stateright.Semantics.RegisterOp<char>, Stateright.Semantics.RegisterRet<char>>;
using Op = Stateright.Semantics.RegisterOp<char>;
using Ret = Stateright.Semantics.RegisterRet<char>;
using Sc = Stateright.Semantics.SequentialConsistencyTester<int, Stateright.Semantics.Register<char>, Stateright.Semantics.RegisterOp<char>, Stateright.Semantics.RegisterRet<char>>;

namespace Stateright.Tests.Semantics;

/// <summary>
/// Histories whose orders number in the billions but whose distinct search configurations are few:
/// the testers must remember dead ends to answer at all. (Without that, these tests do not finish.)
/// </summary>
public class SearchScaleTests
{
    private const int Threads = 5;
    private const int Rounds = 6;

    [Fact]
    public void Sequential_consistency_rejects_an_impossible_read_among_many_interleavings()
    {
        // Five threads each write A six times (about 10^19 interleavings), then one reads a value nobody wrote.
        var tester = new Sc(new Register<char>('A'));
        for (var round = 0; round < Rounds; round++)
            for (var t = 0; t < Threads; t++)
                tester = tester.OnInvokeReturn(t, new Op.Write('A'), new Ret.WriteOk());
        Assert.True(tester.IsConsistent());
        Assert.Equal(Threads * Rounds, tester.SerializedHistory()!.Count);

        var impossible = tester.OnInvokeReturn(Threads, new Op.Read(), new Ret.ReadOk('Z'));
        Assert.False(impossible.IsConsistent());

        // A read of a value only an in-flight write could produce is fine, wherever that write lands.
        var explained = tester.OnInvoke(Threads + 1, new Op.Write('Z')).OnInvokeReturn(Threads, new Op.Read(), new Ret.ReadOk('Z'));
        Assert.True(explained.IsConsistent());
    }

    [Fact]
    public void Linearizability_rejects_an_impossible_read_among_many_overlapping_operations()
    {
        // A "staircase": every operation overlaps the neighbouring threads' operations of the next round.
        var tester = new Lin(new Register<char>('A'));
        for (var t = 0; t < Threads; t++) tester = tester.OnInvoke(t, new Op.Write('A'));
        for (var round = 1; round < Rounds; round++)
        {
            for (var t = 0; t < Threads; t++)
                tester = tester.OnReturn(t, new Ret.WriteOk()).OnInvoke(t, new Op.Write('A'));
        }
        Assert.True(tester.IsConsistent());

        var withRead = tester.OnInvoke(Threads, new Op.Read());
        for (var t = 0; t < Threads; t++) withRead = withRead.OnReturn(t, new Ret.WriteOk());
        Assert.False(withRead.OnReturn(Threads, new Ret.ReadOk('Z')).IsConsistent());
        Assert.True(withRead.OnReturn(Threads, new Ret.ReadOk('A')).IsConsistent());
    }

    [Fact]
    public void Long_histories_do_not_exhaust_the_stack()
    {
        // The search goes one level deeper per operation placed; it must not recurse on the call stack.
        // 100,000 levels would take over 10 MB of stack even at 100 bytes a frame: more than any default stack.
        const int Length = 100_000;
        var lin = new Lin(new Register<char>('A'));
        var sc = new Sc(new Register<char>('A'));
        for (var i = 0; i < Length; i++)
        {
            var op = new Op.Write((char)('a' + i % 26));
            lin = lin.OnInvokeReturn(i % 2, op, new Ret.WriteOk());
            sc = sc.OnInvokeReturn(i % 2, op, new Ret.WriteOk());
        }
        var read = new Ret.ReadOk((char)('a' + (Length - 1) % 26));
        Assert.True(lin.OnInvokeReturn(0, new Op.Read(), read).IsConsistent());
        Assert.Equal(Length + 1, sc.OnInvokeReturn(0, new Op.Read(), read).SerializedHistory()!.Count);
        Assert.False(lin.OnInvokeReturn(0, new Op.Read(), new Ret.ReadOk('A')).IsConsistent());
    }
}
