using Stateright.Semantics;
using Lin = Stateright.Semantics.LinearizabilityTester<int, Stateright.Semantics.Register<char>, Stateright.Semantics.RegisterOp<char>, Stateright.Semantics.RegisterRet<char>>;
using Op = Stateright.Semantics.RegisterOp<char>;
using Ret = Stateright.Semantics.RegisterRet<char>;
using VecLin = Stateright.Semantics.LinearizabilityTester<int, Stateright.Semantics.VecSpec<int>, Stateright.Semantics.VecOp<int>, Stateright.Semantics.VecRet<int>>;
using VOp = Stateright.Semantics.VecOp<int>;
using VRet = Stateright.Semantics.VecRet<int>;
using WOp = Stateright.Semantics.WriteOnceRegisterOp<char>;
using WoLin = Stateright.Semantics.LinearizabilityTester<int, Stateright.Semantics.WriteOnceRegister<char>, Stateright.Semantics.WriteOnceRegisterOp<char>, Stateright.Semantics.WriteOnceRegisterRet<char>>;
using WRet = Stateright.Semantics.WriteOnceRegisterRet<char>;

namespace Stateright.Tests.Semantics;

/// <summary>The Rust library's linearizability tests, plus misuse, immutability and fingerprints.</summary>
public class LinearizabilityTesterTests
{
    private static Lin Register(char value = 'A') => new(new Register<char>(value));
    private static VecLin Vec() => new(new VecSpec<int>());
    private static WoLin WriteOnce() => new(new WriteOnceRegister<char>());

    // ---- misuse ----

    [Fact]
    public void Invoking_twice_on_a_thread_makes_the_history_invalid_with_a_reason()
    {
        var ok = Register().OnInvoke(99, new Op.Write('B'));
        Assert.True(ok.IsValidHistory);
        Assert.Null(ok.InvalidHistoryReason);

        var bad = ok.OnInvoke(99, new Op.Write('C'));
        Assert.False(bad.IsValidHistory);
        Assert.Equal("Thread 99 invoked Write('C') while its operation Write('B') was still in flight (its history: [Write('B') (in flight)]).", bad.InvalidHistoryReason);
        Assert.False(bad.IsConsistent());
        Assert.Null(bad.SerializedHistory());
        Assert.Equal(1, bad.Count); // the rejected invocation is not recorded
        Assert.True(ok.IsConsistent()); // the tester it came from is unaffected
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

        var unknown = Register().OnReturn(7, new Ret.ReadOk('A'));
        Assert.Equal("Thread 7 returned ReadOk('A') without an operation in flight (its history: []).", unknown.InvalidHistoryReason);
        Assert.False(unknown.IsConsistent());
    }

    [Fact]
    public void An_invalid_history_stays_invalid_and_keeps_its_first_reason()
    {
        var bad = Register().OnReturn(1, new Ret.WriteOk());
        var reason = bad.InvalidHistoryReason;
        var later = bad.OnInvoke(2, new Op.Read()).OnReturn(2, new Ret.ReadOk('A')).OnInvoke(1, new Op.Read());
        Assert.False(later.IsValidHistory);
        Assert.False(later.IsConsistent());
        Assert.Equal(reason, later.InvalidHistoryReason);
        Assert.Equal(0, later.Count);
        Assert.NotEqual(Register().GetFingerprint(), bad.GetFingerprint());
        Assert.NotEqual(Register(), bad);
    }

    [Fact]
    public void Misuse_is_also_reported_through_the_interface()
    {
        static TTester Misuse<TTester>(TTester tester) where TTester : IConsistencyTester<TTester, int, Op, Ret> =>
            tester.OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('A')).OnReturn(1, new Ret.ReadOk('A'));
        Assert.True(Register().OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('A')).IsConsistent());
        Assert.False(Misuse(Register()).IsConsistent());
    }

    // ---- register histories (ported) ----

    [Fact]
    public void Identifies_linearizable_register_history()
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
                .OnInvoke(0, new Op.Read())
                .OnInvoke(1, new Op.Write('B'))
                .OnReturn(0, new Ret.ReadOk('B'))
                .SerializedHistory()!);
    }

    [Fact]
    public void Identifies_unlinearizable_register_history()
    {
        Assert.Null(Register()
            .OnInvokeReturn(0, new Op.Read(), new Ret.ReadOk('B'))
            .SerializedHistory());
        var scButNotLinearizable = Register()
            .OnInvokeReturn(0, new Op.Read(), new Ret.ReadOk('B'))
            .OnInvoke(1, new Op.Write('B'));
        Assert.Null(scButNotLinearizable.SerializedHistory());
        Assert.False(scButNotLinearizable.IsConsistent());
    }

    [Fact]
    public void A_read_after_a_completed_write_must_see_it()
    {
        var stale = Register()
            .OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk())
            .OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('A'));
        Assert.False(stale.IsConsistent());
        var overlapping = Register()
            .OnInvoke(0, new Op.Write('B'))
            .OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('A'))
            .OnReturn(0, new Ret.WriteOk());
        Assert.True(overlapping.IsConsistent());
        Assert.Equal([(new Op.Read(), new Ret.ReadOk('A')), (new Op.Write('B'), new Ret.WriteOk())], overlapping.SerializedHistory()!);
    }

    [Fact]
    public void Real_time_order_is_transitive_across_threads()
    {
        // Thread 0 writes B; after it returns thread 1 writes C; after that returns thread 2 reads B: stale.
        var tester = Register()
            .OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk())
            .OnInvokeReturn(1, new Op.Write('C'), new Ret.WriteOk())
            .OnInvokeReturn(2, new Op.Read(), new Ret.ReadOk('B'));
        Assert.False(tester.IsConsistent());
        // If the read overlaps the second write, reading B is fine.
        Assert.True(Register()
            .OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk())
            .OnInvoke(1, new Op.Write('C'))
            .OnInvokeReturn(2, new Op.Read(), new Ret.ReadOk('B'))
            .OnReturn(1, new Ret.WriteOk())
            .IsConsistent());
    }

    [Fact]
    public void An_in_flight_operation_may_or_may_not_take_effect()
    {
        var pending = Register().OnInvoke(0, new Op.Write('B'));
        Assert.True(pending.OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('A')).IsConsistent());
        Assert.True(pending.OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('B')).IsConsistent());
        Assert.False(pending.OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('C')).IsConsistent());
        // Once observed, it cannot be "unobserved" by a later read.
        Assert.False(pending
            .OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('B'))
            .OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('A'))
            .IsConsistent());
        // An in-flight operation that takes effect appears with the value the reference object returns.
        Assert.Equal(
            [(new Op.Write('B'), new Ret.WriteOk()), (new Op.Read(), new Ret.ReadOk('B'))],
            pending.OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('B')).SerializedHistory()!);
    }

    [Fact]
    public void Empty_history_is_linearizable_and_count_tracks_operations()
    {
        var tester = Register();
        Assert.True(tester.IsConsistent());
        Assert.Empty(tester.SerializedHistory()!);
        Assert.Equal(0, tester.Count);
        tester = tester.OnInvoke(0, new Op.Read());
        Assert.Equal(1, tester.Count);
        tester = tester.OnReturn(0, new Ret.ReadOk('A'));
        Assert.Equal(1, tester.Count);
        tester = tester.OnInvoke(1, new Op.Write('Z')).OnInvoke(0, new Op.Read());
        Assert.Equal(3, tester.Count);
    }

    // ---- vec histories (ported) ----

    [Fact]
    public void Identifies_linearizable_vec_history()
    {
        Assert.Empty(Vec().OnInvoke(0, new VOp.Push(10)).SerializedHistory()!);
        Assert.Equal(
            [(new VOp.Pop(), new VRet.PopOk(Option<int>.None))],
            Vec()
                .OnInvoke(0, new VOp.Push(10))
                .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(Option<int>.None))
                .SerializedHistory()!);
        Assert.Equal(
            [(new VOp.Push(10), new VRet.PushOk()), (new VOp.Pop(), new VRet.PopOk(10))],
            Vec()
                .OnInvoke(0, new VOp.Push(10))
                .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(10))
                .SerializedHistory()!);
        Assert.Equal(
            [
                (new VOp.Push(10), new VRet.PushOk()),
                (new VOp.Len(), new VRet.LenOk(1)),
                (new VOp.Push(20), new VRet.PushOk()),
                (new VOp.Pop(), new VRet.PopOk(20)),
                (new VOp.Pop(), new VRet.PopOk(10)),
            ],
            Vec()
                .OnInvokeReturn(0, new VOp.Push(10), new VRet.PushOk())
                .OnInvoke(0, new VOp.Push(20))
                .OnInvokeReturn(1, new VOp.Len(), new VRet.LenOk(1))
                .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(20))
                .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(10))
                .SerializedHistory()!);
        Assert.Equal(
            [
                (new VOp.Push(10), new VRet.PushOk()),
                (new VOp.Len(), new VRet.LenOk(1)),
                (new VOp.Pop(), new VRet.PopOk(10)),
                (new VOp.Push(20), new VRet.PushOk()),
                (new VOp.Pop(), new VRet.PopOk(20)),
            ],
            Vec()
                .OnInvokeReturn(0, new VOp.Push(10), new VRet.PushOk())
                .OnInvoke(0, new VOp.Push(20))
                .OnInvokeReturn(1, new VOp.Len(), new VRet.LenOk(1))
                .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(10))
                .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(20))
                .SerializedHistory()!);
        Assert.Equal(
            [
                (new VOp.Push(10), new VRet.PushOk()),
                (new VOp.Push(20), new VRet.PushOk()),
                (new VOp.Len(), new VRet.LenOk(2)),
                (new VOp.Pop(), new VRet.PopOk(20)),
                (new VOp.Pop(), new VRet.PopOk(10)),
            ],
            Vec()
                .OnInvokeReturn(0, new VOp.Push(10), new VRet.PushOk())
                .OnInvoke(0, new VOp.Push(20))
                .OnInvokeReturn(1, new VOp.Len(), new VRet.LenOk(2))
                .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(20))
                .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(10))
                .SerializedHistory()!);
        Assert.Equal(
            [(new VOp.Push(10), new VRet.PushOk()), (new VOp.Len(), new VRet.LenOk(1))],
            Vec()
                .OnInvokeReturn(0, new VOp.Push(10), new VRet.PushOk())
                .OnInvoke(1, new VOp.Len())
                .OnInvoke(0, new VOp.Push(20))
                .OnReturn(1, new VRet.LenOk(1))
                .SerializedHistory()!);
        Assert.Equal(
            [(new VOp.Push(10), new VRet.PushOk()), (new VOp.Push(20), new VRet.PushOk()), (new VOp.Len(), new VRet.LenOk(2))],
            Vec()
                .OnInvokeReturn(0, new VOp.Push(10), new VRet.PushOk())
                .OnInvoke(1, new VOp.Len())
                .OnInvoke(0, new VOp.Push(20))
                .OnReturn(1, new VRet.LenOk(2))
                .SerializedHistory()!);
    }

    [Fact]
    public void Identifies_unlinearizable_vec_history()
    {
        Assert.Null(Vec() // sequentially consistent, but not linearizable
            .OnInvokeReturn(0, new VOp.Push(10), new VRet.PushOk())
            .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(Option<int>.None))
            .SerializedHistory());
        Assert.Null(Vec()
            .OnInvokeReturn(0, new VOp.Push(10), new VRet.PushOk())
            .OnInvoke(1, new VOp.Len())
            .OnInvoke(0, new VOp.Push(20))
            .OnReturn(1, new VRet.LenOk(0))
            .SerializedHistory());
        Assert.Null(Vec()
            .OnInvokeReturn(0, new VOp.Push(10), new VRet.PushOk())
            .OnInvoke(0, new VOp.Push(20))
            .OnInvokeReturn(1, new VOp.Len(), new VRet.LenOk(2))
            .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(10))
            .OnInvokeReturn(1, new VOp.Pop(), new VRet.PopOk(20))
            .SerializedHistory());
    }

    // ---- write-once register histories ----

    [Fact]
    public void Identifies_linearizable_write_once_register_history()
    {
        // Two racing writes: exactly one wins, and the readers agree on which.
        Assert.Equal(
            [
                (new WOp.Write('B'), new WRet.WriteOk()),
                (new WOp.Write('A'), new WRet.WriteFail()),
                (new WOp.Read(), new WRet.ReadOk('B')),
            ],
            WriteOnce()
                .OnInvoke(0, new WOp.Write('A'))
                .OnInvoke(1, new WOp.Write('B'))
                .OnReturn(0, new WRet.WriteFail())
                .OnReturn(1, new WRet.WriteOk())
                .OnInvokeReturn(2, new WOp.Read(), new WRet.ReadOk('B'))
                .SerializedHistory()!);
        // A read concurrent with the first write may see nothing yet.
        Assert.True(WriteOnce()
            .OnInvoke(0, new WOp.Write('A'))
            .OnInvokeReturn(1, new WOp.Read(), new WRet.ReadOk(Option<char>.None))
            .OnReturn(0, new WRet.WriteOk())
            .IsConsistent());
        // An in-flight write explains a read of its value.
        Assert.Equal(
            [(new WOp.Write('A'), new WRet.WriteOk()), (new WOp.Read(), new WRet.ReadOk('A'))],
            WriteOnce()
                .OnInvoke(0, new WOp.Write('A'))
                .OnInvokeReturn(1, new WOp.Read(), new WRet.ReadOk('A'))
                .SerializedHistory()!);
        // Retrying the written value succeeds.
        Assert.True(WriteOnce()
            .OnInvokeReturn(0, new WOp.Write('A'), new WRet.WriteOk())
            .OnInvokeReturn(1, new WOp.Write('A'), new WRet.WriteOk())
            .IsConsistent());
    }

    [Fact]
    public void Identifies_unlinearizable_write_once_register_history()
    {
        // Both racing writes cannot succeed with different values.
        Assert.False(WriteOnce()
            .OnInvoke(0, new WOp.Write('A'))
            .OnInvoke(1, new WOp.Write('B'))
            .OnReturn(0, new WRet.WriteOk())
            .OnReturn(1, new WRet.WriteOk())
            .IsConsistent());
        // A read that starts after a successful write returned must see it.
        Assert.False(WriteOnce()
            .OnInvokeReturn(0, new WOp.Write('A'), new WRet.WriteOk())
            .OnInvokeReturn(1, new WOp.Read(), new WRet.ReadOk(Option<char>.None))
            .IsConsistent());
        // Readers cannot disagree about the winner.
        Assert.False(WriteOnce()
            .OnInvoke(0, new WOp.Write('A'))
            .OnInvoke(1, new WOp.Write('B'))
            .OnInvokeReturn(2, new WOp.Read(), new WRet.ReadOk('A'))
            .OnInvokeReturn(3, new WOp.Read(), new WRet.ReadOk('B'))
            .IsConsistent());
        // A failed write needs a different value to have been written first.
        Assert.False(WriteOnce()
            .OnInvokeReturn(0, new WOp.Write('A'), new WRet.WriteFail())
            .OnInvoke(1, new WOp.Write('A'))
            .IsConsistent());
    }

    // ---- serialized histories are valid ----

    [Fact]
    public void Serialized_history_is_accepted_by_the_reference_object()
    {
        var tester = Vec()
            .OnInvoke(0, new VOp.Push(1))
            .OnInvoke(1, new VOp.Push(2))
            .OnInvokeReturn(2, new VOp.Pop(), new VRet.PopOk(2))
            .OnReturn(1, new VRet.PushOk())
            .OnInvokeReturn(2, new VOp.Pop(), new VRet.PopOk(1))
            .OnInvokeReturn(2, new VOp.Len(), new VRet.LenOk(0));
        var order = tester.SerializedHistory();
        Assert.NotNull(order);
        Assert.True(new VecSpec<int>().IsValidHistory(order));
        Assert.Equal(5, order.Count); // the in-flight Push(1) had to take effect
        Assert.Equal((new VOp.Push(1), new VRet.PushOk()), order[0]);
    }

    // ---- immutability ----

    [Fact]
    public void Recording_returns_a_new_tester_and_leaves_the_original_unchanged()
    {
        var root = Register().OnInvoke(0, new Op.Write('B'));
        var rootFingerprint = root.GetFingerprint();
        var rootText = root.ToString();

        var sawOld = root.OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('A'));
        var sawNew = root.OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('B'));
        var sawBoth = sawNew.OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('A'));

        Assert.Equal(1, root.Count);
        Assert.Equal(rootFingerprint, root.GetFingerprint());
        Assert.Equal(rootText, root.ToString());
        Assert.True(root.IsConsistent());
        Assert.True(sawOld.IsConsistent());
        Assert.True(sawNew.IsConsistent());
        Assert.False(sawBoth.IsConsistent());
        Assert.True(sawNew.IsConsistent()); // unaffected by its inconsistent extension
        Assert.Equal([(new Op.Read(), new Ret.ReadOk('A'))], sawOld.SerializedHistory()!);
        Assert.Equal(2, sawOld.Count);
        Assert.Equal(3, sawBoth.Count);
    }

    // ---- fingerprints and equality ----

    [Fact]
    public void Equal_histories_fingerprint_equally_however_they_were_recorded()
    {
        // The two invocations are concurrent either way; only their recording order differs.
        var a = Register()
            .OnInvoke(0, new Op.Write('B'))
            .OnInvoke(1, new Op.Read())
            .OnReturn(0, new Ret.WriteOk())
            .OnReturn(1, new Ret.ReadOk('B'));
        var b = Register()
            .OnInvoke(1, new Op.Read())
            .OnInvoke(0, new Op.Write('B'))
            .OnReturn(1, new Ret.ReadOk('B'))
            .OnReturn(0, new Ret.WriteOk());
        Assert.Equal(a.GetFingerprint(), b.GetFingerprint());
        Assert.Equal(Fingerprint.Of(a), Fingerprint.Of(b)); // through the IFingerprintable hook
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(a.ToString(), b.ToString());

        // Many threads, recorded in opposite orders (exercises the order-insensitive map).
        var forward = Register();
        var backward = Register();
        for (var t = 0; t < 20; t++) forward = forward.OnInvoke(t, new Op.Write((char)('a' + t)));
        for (var t = 19; t >= 0; t--) backward = backward.OnInvoke(t, new Op.Write((char)('a' + t)));
        Assert.Equal(forward.GetFingerprint(), backward.GetFingerprint());
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Different_histories_fingerprint_differently()
    {
        var baseline = Register().OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk()).OnInvoke(1, new Op.Read());
        Lin[] variants =
        [
            Register(),
            Register('B').OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk()).OnInvoke(1, new Op.Read()), // initial value
            Register().OnInvokeReturn(0, new Op.Write('C'), new Ret.WriteOk()).OnInvoke(1, new Op.Read()), // operation
            Register().OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk()).OnInvoke(2, new Op.Read()), // thread
            Register().OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk()).OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('B')), // completed
            Register().OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk()).OnInvoke(0, new Op.Read()), // same thread
            Register().OnInvoke(1, new Op.Read()).OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk()), // real-time order
            Register().OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk()).OnInvoke(1, new Op.Read()).OnInvoke(1, new Op.Read()), // invalid
        ];
        var fingerprints = new HashSet<ulong> { baseline.GetFingerprint() };
        foreach (var variant in variants)
        {
            Assert.True(fingerprints.Add(variant.GetFingerprint()), $"fingerprint collision for {variant}");
            Assert.NotEqual(baseline, variant);
        }
    }

    [Fact]
    public void Return_values_are_part_of_the_fingerprint()
    {
        var a = Register().OnInvokeReturn(0, new Op.Read(), new Ret.ReadOk('A'));
        var b = Register().OnInvokeReturn(0, new Op.Read(), new Ret.ReadOk('B'));
        Assert.NotEqual(a.GetFingerprint(), b.GetFingerprint());
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Prints_each_threads_history()
    {
        var tester = Register()
            .OnInvokeReturn(1, new Op.Read(), new Ret.ReadOk('A'))
            .OnInvokeReturn(0, new Op.Write('B'), new Ret.WriteOk())
            .OnInvoke(0, new Op.Read());
        Assert.Equal("LinearizabilityTester {0: [Write('B') → WriteOk, Read (in flight)], 1: [Read → ReadOk('A')]}", tester.ToString());
        Assert.Equal("LinearizabilityTester {}", Register().ToString());
        Assert.Equal(
            "LinearizabilityTester {} (invalid: Thread 3 returned WriteOk without an operation in flight (its history: []).)",
            Register().OnReturn(3, new Ret.WriteOk()).ToString());
    }

    [Fact]
    public void Threads_need_not_be_comparable()
    {
        var tester = new LinearizabilityTester<Client, Register<char>, Op, Ret>(new Register<char>('A'))
            .OnInvoke(new Client("x"), new Op.Write('B'))
            .OnInvokeReturn(new Client("y"), new Op.Read(), new Ret.ReadOk('B'))
            .OnInvokeReturn(new Client("z"), new Op.Read(), new Ret.ReadOk('A'));
        Assert.False(tester.IsConsistent()); // z read A after y had read B
        var other = new LinearizabilityTester<Client, Register<char>, Op, Ret>(new Register<char>('A'))
            .OnInvoke(new Client("x"), new Op.Write('B'))
            .OnInvokeReturn(new Client("y"), new Op.Read(), new Ret.ReadOk('B'));
        Assert.True(other.IsConsistent());
        Assert.Equal(other.ToString(), other.ToString());
        Assert.Contains("Client { Name = \"x\" }: [Write('B') (in flight)]", other.ToString()); // record members render through ValueText: strings quoted
    }

    [Fact]
    public void Real_time_order_holds_across_many_threads()
    {
        // Twelve threads write in turn, each after the previous one returned; a later reader must see the last write.
        var tester = Register();
        for (var t = 0; t < 12; t++) tester = tester.OnInvokeReturn(t, new Op.Write((char)('a' + t)), new Ret.WriteOk());
        Assert.True(tester.OnInvokeReturn(12, new Op.Read(), new Ret.ReadOk('l')).IsConsistent());
        Assert.False(tester.OnInvokeReturn(12, new Op.Read(), new Ret.ReadOk('k')).IsConsistent());
        // Overlapping the last write, the reader may see the one before it, but no earlier one.
        var overlapping = Register();
        for (var t = 0; t < 11; t++) overlapping = overlapping.OnInvokeReturn(t, new Op.Write((char)('a' + t)), new Ret.WriteOk());
        overlapping = overlapping.OnInvoke(11, new Op.Write('l'));
        Assert.True(overlapping.OnInvokeReturn(12, new Op.Read(), new Ret.ReadOk('k')).IsConsistent());
        Assert.True(overlapping.OnInvokeReturn(12, new Op.Read(), new Ret.ReadOk('l')).IsConsistent());
        Assert.False(overlapping.OnInvokeReturn(12, new Op.Read(), new Ret.ReadOk('j')).IsConsistent());
        Assert.Equal(
            "LinearizabilityTester {0: [Write('a') → WriteOk], 1: [Write('b') → WriteOk], 2: [Write('c') → WriteOk], 3: [Write('d') → WriteOk], " +
            "4: [Write('e') → WriteOk], 5: [Write('f') → WriteOk], 6: [Write('g') → WriteOk], 7: [Write('h') → WriteOk], 8: [Write('i') → WriteOk], " +
            "9: [Write('j') → WriteOk], 10: [Write('k') → WriteOk], 11: [Write('l') (in flight)]}",
            overlapping.ToString());
    }

    private sealed record Client(string Name);
}
