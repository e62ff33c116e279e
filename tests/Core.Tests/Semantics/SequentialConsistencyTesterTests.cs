using Stateright.Semantics;
using Op = Stateright.Semantics.RegisterOp<char>;
using Ret = Stateright.Semantics.RegisterRet<char>;
using Sc = Stateright.Semantics.SequentialConsistencyTester<int, Stateright.Semantics.Register<char>, Stateright.Semantics.RegisterOp<char>, Stateright.Semantics.RegisterRet<char>>;
using VecSc = Stateright.Semantics.SequentialConsistencyTester<int, Stateright.Semantics.VecSpec<int>, Stateright.Semantics.VecOp<int>, Stateright.Semantics.VecRet<int>>;
using VOp = Stateright.Semantics.VecOp<int>;
using VRet = Stateright.Semantics.VecRet<int>;
using WOp = Stateright.Semantics.WriteOnceRegisterOp<char>;
using WoSc = Stateright.Semantics.SequentialConsistencyTester<int, Stateright.Semantics.WriteOnceRegister<char>, Stateright.Semantics.WriteOnceRegisterOp<char>, Stateright.Semantics.WriteOnceRegisterRet<char>>;
using WRet = Stateright.Semantics.WriteOnceRegisterRet<char>;

namespace Stateright.Tests.Semantics;

/// <summary>The Rust library's sequential-consistency tests, plus misuse, immutability and fingerprints.</summary>
public class SequentialConsistencyTesterTests
{
    private static Sc Register(char value = 'A') => new(new Register<char>(value));
    private static VecSc Vec() => new(new VecSpec<int>());
    private static WoSc WriteOnce() => new(new WriteOnceRegister<char>());

    // ---- misuse ----

    [Fact]
    public void Invoking_twice_on_a_thread_makes_the_history_invalid_with_a_reason()
    {
        var bad = Register().OnInvoke(99, new Op.Write('B')).OnInvoke(99, new Op.Write('C'));
        Assert.False(bad.IsValidHistory);
        Assert.Equal("Thread 99 invoked Write('C') while its operation Write('B') was still in flight (its history: [Write('B') (in flight)]).", bad.InvalidHistoryReason);
        Assert.False(bad.IsConsistent());
        Assert.Null(bad.SerializedHistory());
        Assert.Equal(1, bad.Count);
    }

    [Fact]
    public void Returning_without_an_invocation_makes_the_history_invalid_with_a_reason()
    {
        var bad = Register()
            .OnInvokeReturn(99, new Op.Write('B'), new Ret.WriteOk())
            .OnInvokeReturn(99, new Op.Write('C'), new Ret.WriteOk())
            .OnReturn(99, new Ret.WriteOk());
        Assert.False(bad.IsValidHistory);
        Assert.Equal("Thread 99 returned WriteOk without an operation in flight (its history: [Write('B') → WriteOk, Write('C') → WriteOk]).", bad.InvalidHistoryReason);
        Assert.False(bad.IsConsistent());
        Assert.Null(bad.SerializedHistory());

        // Permanently: even an operation that would explain everything does not help.
        var later = bad.OnInvoke(1, new Op.Write('C'));
        Assert.False(later.IsConsistent());
        Assert.Equal(bad.InvalidHistoryReason, later.InvalidHistoryReason);
    }

    // ---- register histories (ported) ----

    [Fact]
    public void Identifies_serializable_register_history()
    {
        Assert.Equal(
            [(new Op.Read(), new Ret.ReadOk('A'))],
            Register()
                .OnInvoke(0, new Op.Write('B'))
                .OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('A'))
                .SerializedHistory()!);
        Assert.Equal(
            [(new Op.Write('B'), new Ret.WriteOk()), (new Op.Read(), new Ret.ReadOk('B'))],
            Register()
                .OnInvokeReturn(0, new Op.Read(), new Ret.ReadOk('B'))
                .OnInvoke(1, new Op.Write('B'))
                .SerializedHistory()!);
    }

    [Fact]
    public void Identifies_unserializable_register_history()
    {
        Assert.Null(Register().OnInvokeReturn(0, new Op.Read(), new Ret.ReadOk('B')).SerializedHistory());
    }

    [Fact]
    public void A_read_after_a_completed_write_may_miss_it_but_a_thread_sees_its_own_writes()
    {
        Assert.True(Register()
            .OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk())
            .OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('A'))
            .IsConsistent());
        Assert.False(Register()
            .OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk())
            .OnInvokeReturn(0, new Op.Read(), new Ret.ReadOk('A'))
            .IsConsistent());
        // Threads must still agree on one order: 1 sees B then A, 2 sees A then B, with a single write of each.
        Assert.False(Register('Z')
            .OnInvokeReturn(0, new Op.Write('A'), new Ret.WriteOk())
            .OnInvokeReturn(3, new Op.Write('B'), new Ret.WriteOk())
            .OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('B'))
            .OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('A'))
            .OnInvokeReturn(2, new Op.Read(), new Ret.ReadOk('A'))
            .OnInvokeReturn(2, new Op.Read(), new Ret.ReadOk('B'))
            .IsConsistent());
    }

    [Fact]
    public void An_inconsistent_history_can_become_consistent_when_an_operation_is_invoked()
    {
        var read = Register().OnInvokeReturn(0, new Op.Read(), new Ret.ReadOk('B'));
        Assert.False(read.IsConsistent()); // evaluated first, as a model checker would
        var explained = read.OnInvoke(1, new Op.Write('B'));
        Assert.True(explained.IsConsistent());
    }

    // ---- vec histories (ported) ----

    [Fact]
    public void Identifies_serializable_vec_history()
    {
        Assert.Empty(Vec().OnInvoke(0, new VOp.Push(10)).SerializedHistory()!);
        Assert.Equal(
            [(new VOp.Pop(), new VRet.PopOk(Option<int>.None))],
            Vec()
                .OnInvoke(0, new VOp.Push(10))
                .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(Option<int>.None))
                .SerializedHistory()!);
        Assert.Equal(
            [
                (new VOp.Push(10), new VRet.PushOk()),
                (new VOp.Pop(), new VRet.PopOk(10)),
                (new VOp.Push(20), new VRet.PushOk()),
                (new VOp.Pop(), new VRet.PopOk(20)),
                (new VOp.Pop(), new VRet.PopOk(Option<int>.None)),
            ],
            Vec()
                .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(10))
                .OnInvokeReturn(0, new VOp.Push(10), new VRet.PushOk())
                .OnInvokeReturn(0, new VOp.Pop(), new VRet.PopOk(20))
                .OnInvoke(0, new VOp.Push(30))
                .OnInvokeReturn(1, new VOp.Push(20), new VRet.PushOk())
                .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(Option<int>.None))
                .SerializedHistory()!);
    }

    [Fact]
    public void Identifies_unserializable_vec_history()
    {
        Assert.Null(Vec()
            .OnInvokeReturn(0, new VOp.Push(10), new VRet.PushOk())
            .OnInvoke(0, new VOp.Push(20))
            .OnInvokeReturn(1, new VOp.Len(), new VRet.LenOk(2))
            .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(10))
            .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(20))
            .SerializedHistory());
    }

    [Fact]
    public void Vec_history_that_is_sequentially_consistent_but_not_linearizable()
    {
        var sc = Vec()
            .OnInvokeReturn(0, new VOp.Push(10), new VRet.PushOk())
            .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(Option<int>.None));
        Assert.Equal(
            [(new VOp.Pop(), new VRet.PopOk(Option<int>.None)), (new VOp.Push(10), new VRet.PushOk())],
            sc.SerializedHistory()!);
        var lin = new LinearizabilityTester<int, VecSpec<int>, VOp, VRet>(new VecSpec<int>())
            .OnInvokeReturn(0, new VOp.Push(10), new VRet.PushOk())
            .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(Option<int>.None));
        Assert.False(lin.IsConsistent());
    }

    // ---- write-once register histories ----

    [Fact]
    public void Identifies_serializable_write_once_register_history()
    {
        // A late reader may still see nothing: there is no real-time order across threads.
        Assert.Equal(
            [(new WOp.Read(), new WRet.ReadOk(Option<char>.None)), (new WOp.Write('A'), new WRet.WriteOk())],
            WriteOnce()
                .OnInvokeReturn(0, new WOp.Write('A'), new WRet.WriteOk())
                .OnInvokeReturn(1, new WOp.Read(), new WRet.ReadOk(Option<char>.None))
                .SerializedHistory()!);
        // A write that fails "before" the winning write, in real time, is explained by reordering.
        Assert.True(WriteOnce()
            .OnInvokeReturn(0, new WOp.Write('A'), new WRet.WriteFail())
            .OnInvokeReturn(1, new WOp.Write('B'), new WRet.WriteOk())
            .IsConsistent());
    }

    [Fact]
    public void Identifies_unserializable_write_once_register_history()
    {
        Assert.False(WriteOnce()
            .OnInvokeReturn(0, new WOp.Write('A'), new WRet.WriteOk())
            .OnInvokeReturn(1, new WOp.Write('B'), new WRet.WriteOk())
            .IsConsistent());
        Assert.False(WriteOnce()
            .OnInvokeReturn(0, new WOp.Write('A'), new WRet.WriteOk())
            .OnInvokeReturn(0, new WOp.Read(), new WRet.ReadOk(Option<char>.None))
            .IsConsistent());
        Assert.False(WriteOnce()
            .OnInvokeReturn(0, new WOp.Read(), new WRet.ReadOk('A'))
            .OnInvokeReturn(1, new WOp.Read(), new WRet.ReadOk('B'))
            .OnInvoke(2, new WOp.Write('A'))
            .OnInvoke(3, new WOp.Write('B'))
            .IsConsistent());
    }

    // ---- immutability, fingerprints, printing ----

    [Fact]
    public void Recording_returns_a_new_tester_and_leaves_the_original_unchanged()
    {
        var root = Register().OnInvoke(0, new Op.Write('B'));
        var fingerprint = root.GetFingerprint();
        var left = root.OnReturn(0, new Ret.WriteOk());
        var right = root.OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('C'));
        Assert.Equal(1, root.Count);
        Assert.Equal(fingerprint, root.GetFingerprint());
        Assert.True(root.IsConsistent());
        Assert.True(left.IsConsistent());
        Assert.False(right.IsConsistent());
        Assert.NotEqual(left, right);
        Assert.Equal("SequentialConsistencyTester {0: [Write('B') (in flight)]}", root.ToString());
        Assert.Equal("SequentialConsistencyTester {0: [Write('B') → WriteOk]}", left.ToString());
    }

    [Fact]
    public void Fingerprints_ignore_real_time_order_which_this_model_does_not_use()
    {
        var sequential = Register()
            .OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk())
            .OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('A'));
        var overlapping = Register()
            .OnInvoke(1, new Op.Read())
            .OnInvoke(0, new Op.Write('B'))
            .OnReturn(1, new Ret.ReadOk('A'))
            .OnReturn(0, new Ret.WriteOk());
        Assert.Equal(sequential.GetFingerprint(), overlapping.GetFingerprint());
        Assert.Equal(sequential, overlapping);
        Assert.Equal(sequential.GetHashCode(), overlapping.GetHashCode());

        // The linearizability tester must tell the same two histories apart.
        var linSequential = new LinearizabilityTester<int, Register<char>, Op, Ret>(new Register<char>('A'))
            .OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk())
            .OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('A'));
        var linOverlapping = new LinearizabilityTester<int, Register<char>, Op, Ret>(new Register<char>('A'))
            .OnInvoke(1, new Op.Read())
            .OnInvoke(0, new Op.Write('B'))
            .OnReturn(1, new Ret.ReadOk('A'))
            .OnReturn(0, new Ret.WriteOk());
        Assert.NotEqual(linSequential.GetFingerprint(), linOverlapping.GetFingerprint());
        Assert.NotEqual(linSequential, linOverlapping);
        Assert.False(linSequential.IsConsistent());
        Assert.True(linOverlapping.IsConsistent());

        // And the two kinds of tester never share a fingerprint for the same events.
        Assert.NotEqual(sequential.GetFingerprint(), linSequential.GetFingerprint());
    }

    [Fact]
    public void Different_histories_fingerprint_differently()
    {
        var baseline = Register().OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk()).OnInvoke(1, new Op.Read());
        Sc[] variants =
        [
            Register(),
            Register('B').OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk()).OnInvoke(1, new Op.Read()),
            Register().OnInvokeReturn(0, new Op.Write('C'), new Ret.WriteOk()).OnInvoke(1, new Op.Read()),
            Register().OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk()).OnInvoke(2, new Op.Read()),
            Register().OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk()).OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('B')),
            Register().OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk()).OnInvoke(0, new Op.Read()),
            Register().OnInvoke(0, new Op.Read()).OnReturn(0, new Ret.ReadOk('A')).OnInvoke(0, new Op.Write('B')).OnReturn(0, new Ret.WriteOk()).OnInvoke(1, new Op.Read()),
            Register().OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk()).OnInvoke(1, new Op.Read()).OnReturn(2, new Ret.WriteOk()),
        ];
        var fingerprints = new HashSet<ulong> { baseline.GetFingerprint() };
        foreach (var variant in variants)
        {
            Assert.True(fingerprints.Add(variant.GetFingerprint()), $"fingerprint collision for {variant}");
            Assert.NotEqual(baseline, variant);
        }
    }
}
