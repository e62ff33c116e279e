using System.Collections.Immutable;
using Stateright.Semantics;
using ROp = Stateright.Semantics.RegisterOp<char>;
using RRet = Stateright.Semantics.RegisterRet<char>;
using VOp = Stateright.Semantics.VecOp<int>;
using VRet = Stateright.Semantics.VecRet<int>;
using WOp = Stateright.Semantics.WriteOnceRegisterOp<char>;
using WRet = Stateright.Semantics.WriteOnceRegisterRet<char>;

namespace Stateright.Tests.Semantics;

/// <summary>The reference objects: their semantics (ported from the Rust library's tests) and their shape as C# values.</summary>
public class SequentialSpecTests
{
    // ---- Register ----

    [Fact]
    public void Register_models_expected_semantics()
    {
        var r = new Register<char>('A');
        (r, var ret) = r.Invoke(new ROp.Read());
        Assert.Equal(new RRet.ReadOk('A'), ret);
        (r, ret) = r.Invoke(new ROp.Write('B'));
        Assert.Equal(new RRet.WriteOk(), ret);
        (_, ret) = r.Invoke(new ROp.Read());
        Assert.Equal(new RRet.ReadOk('B'), ret);
    }

    [Fact]
    public void Register_invoke_leaves_the_original_unchanged()
    {
        var r = new Register<char>('A');
        var (next, _) = r.Invoke(new ROp.Write('B'));
        Assert.Equal('A', r.Value);
        Assert.Equal('B', next.Value);
    }

    [Fact]
    public void Register_accepts_valid_histories()
    {
        Assert.True(new Register<char>('A').IsValidHistory([]));
        Assert.True(new Register<char>('A').IsValidHistory(
        [
            (new ROp.Read(), new RRet.ReadOk('A')),
            (new ROp.Write('B'), new RRet.WriteOk()),
            (new ROp.Read(), new RRet.ReadOk('B')),
            (new ROp.Write('C'), new RRet.WriteOk()),
            (new ROp.Read(), new RRet.ReadOk('C')),
        ]));
    }

    [Fact]
    public void Register_rejects_invalid_histories()
    {
        Assert.False(new Register<char>('A').IsValidHistory(
        [
            (new ROp.Read(), new RRet.ReadOk('B')),
            (new ROp.Write('B'), new RRet.WriteOk()),
        ]));
        Assert.False(new Register<char>('A').IsValidHistory(
        [
            (new ROp.Write('B'), new RRet.WriteOk()),
            (new ROp.Read(), new RRet.ReadOk('A')),
        ]));
        Assert.False(new Register<char>('A').IsValidHistory([(new ROp.Write('B'), new RRet.ReadOk('B'))]));
        Assert.False(new Register<char>('A').IsValidHistory([(new ROp.Read(), new RRet.WriteOk())]));
    }

    [Fact]
    public void Register_is_valid_step_reports_the_next_state()
    {
        Assert.True(new Register<char>('A').IsValidStep(new ROp.Write('B'), new RRet.WriteOk(), out var next));
        Assert.Equal(new Register<char>('B'), next);
        Assert.True(next.IsValidStep(new ROp.Read(), new RRet.ReadOk('B'), out var same));
        Assert.Equal(next, same);
        Assert.False(next.IsValidStep(new ROp.Read(), new RRet.ReadOk('A'), out _));
    }

    // ---- VecSpec (a stack) ----

    [Fact]
    public void Vec_models_expected_semantics()
    {
        var v = new VecSpec<char>(['A']);
        var expected = new (VecOp<char> Op, VecRet<char> Ret)[]
        {
            (new VecOp<char>.Len(), new VecRet<char>.LenOk(1)),
            (new VecOp<char>.Push('B'), new VecRet<char>.PushOk()),
            (new VecOp<char>.Len(), new VecRet<char>.LenOk(2)),
            (new VecOp<char>.Pop(), new VecRet<char>.PopOk('B')),
            (new VecOp<char>.Len(), new VecRet<char>.LenOk(1)),
            (new VecOp<char>.Pop(), new VecRet<char>.PopOk('A')),
            (new VecOp<char>.Len(), new VecRet<char>.LenOk(0)),
            (new VecOp<char>.Pop(), new VecRet<char>.PopOk(Option<char>.None)),
            (new VecOp<char>.Len(), new VecRet<char>.LenOk(0)),
        };
        foreach (var (op, ret) in expected)
        {
            (v, var actual) = v.Invoke(op);
            Assert.Equal(ret, actual);
        }
    }

    [Fact]
    public void Vec_accepts_valid_histories()
    {
        Assert.True(new VecSpec<int>().IsValidHistory([]));
        Assert.True(new VecSpec<int>().IsValidHistory(
        [
            (new VOp.Push(10), new VRet.PushOk()),
            (new VOp.Push(20), new VRet.PushOk()),
            (new VOp.Len(), new VRet.LenOk(2)),
            (new VOp.Pop(), new VRet.PopOk(20)),
            (new VOp.Len(), new VRet.LenOk(1)),
            (new VOp.Pop(), new VRet.PopOk(10)),
            (new VOp.Len(), new VRet.LenOk(0)),
            (new VOp.Pop(), new VRet.PopOk(Option<int>.None)),
        ]));
    }

    [Fact]
    public void Vec_rejects_invalid_histories()
    {
        Assert.False(new VecSpec<int>().IsValidHistory(
        [
            (new VOp.Push(10), new VRet.PushOk()),
            (new VOp.Push(20), new VRet.PushOk()),
            (new VOp.Len(), new VRet.LenOk(1)),
            (new VOp.Push(30), new VRet.PushOk()),
        ]));
        Assert.False(new VecSpec<int>().IsValidHistory(
        [
            (new VOp.Push(10), new VRet.PushOk()),
            (new VOp.Push(20), new VRet.PushOk()),
            (new VOp.Pop(), new VRet.PopOk(10)),
        ]));
        Assert.False(new VecSpec<int>().IsValidHistory([(new VOp.Pop(), new VRet.PopOk(0))])); // 0 is not "nothing"
        Assert.False(new VecSpec<int>([0]).IsValidHistory([(new VOp.Pop(), new VRet.PopOk(Option<int>.None))]));
    }

    [Fact]
    public void Vec_compares_and_fingerprints_by_elements()
    {
        var built = new VecSpec<int>().Invoke(new VOp.Push(1)).Next.Invoke(new VOp.Push(2)).Next;
        var direct = new VecSpec<int>([1, 2]);
        Assert.Equal(direct, built);
        Assert.Equal(direct.GetHashCode(), built.GetHashCode());
        Assert.Equal(Fingerprint.Of(direct), Fingerprint.Of(built));
        Assert.NotEqual(direct, new VecSpec<int>([2, 1]));
        Assert.NotEqual(Fingerprint.Of(direct), Fingerprint.Of(new VecSpec<int>([2, 1])));
        Assert.NotEqual(direct, new VecSpec<int>([1]));
        Assert.Equal([1, 2], built.Items);
        Assert.Equal(2, built.Count);
    }

    // ---- WriteOnceRegister ----

    [Fact]
    public void Write_once_register_models_expected_semantics()
    {
        var r = new WriteOnceRegister<char>();
        (r, var ret) = r.Invoke(new WOp.Write('A'));
        Assert.Equal(new WRet.WriteOk(), ret);
        (r, ret) = r.Invoke(new WOp.Read());
        Assert.Equal(new WRet.ReadOk('A'), ret);
        (r, ret) = r.Invoke(new WOp.Write('B'));
        Assert.Equal(new WRet.WriteFail(), ret);
        (r, ret) = r.Invoke(new WOp.Read());
        Assert.Equal(new WRet.ReadOk('A'), ret);
        (_, ret) = r.Invoke(new WOp.Write('A')); // rewriting the same value succeeds
        Assert.Equal(new WRet.WriteOk(), ret);
    }

    [Fact]
    public void Write_once_register_accepts_valid_histories()
    {
        Assert.True(new WriteOnceRegister<char>().IsValidHistory([]));
        Assert.True(new WriteOnceRegister<char>().IsValidHistory(
        [
            (new WOp.Read(), new WRet.ReadOk(Option<char>.None)),
            (new WOp.Write('A'), new WRet.WriteOk()),
            (new WOp.Read(), new WRet.ReadOk('A')),
            (new WOp.Write('B'), new WRet.WriteFail()),
            (new WOp.Read(), new WRet.ReadOk('A')),
            (new WOp.Write('C'), new WRet.WriteFail()),
            (new WOp.Read(), new WRet.ReadOk('A')),
            (new WOp.Write('A'), new WRet.WriteOk()),
        ]));
    }

    [Fact]
    public void Write_once_register_rejects_invalid_histories()
    {
        Assert.False(new WriteOnceRegister<char>('A').IsValidHistory(
        [
            (new WOp.Read(), new WRet.ReadOk('A')),
            (new WOp.Write('B'), new WRet.WriteOk()),
        ]));
        Assert.False(new WriteOnceRegister<char>().IsValidHistory(
        [
            (new WOp.Read(), new WRet.ReadOk('A')),
            (new WOp.Write('A'), new WRet.WriteOk()),
        ]));
        Assert.False(new WriteOnceRegister<char>().IsValidHistory(
        [
            (new WOp.Read(), new WRet.ReadOk(Option<char>.None)),
            (new WOp.Write('A'), new WRet.WriteOk()),
            (new WOp.Write('B'), new WRet.WriteOk()),
        ]));
        Assert.False(new WriteOnceRegister<char>().IsValidHistory([(new WOp.Write('A'), new WRet.WriteFail())])); // nothing to conflict with
        Assert.False(new WriteOnceRegister<char>('A').IsValidHistory([(new WOp.Write('A'), new WRet.WriteFail())])); // same value succeeds
    }

    // ---- IsValidStep overrides agree with Invoke ----

    public static TheoryData<string> SpecNames => ["register", "vec", "write-once register"];

    /// <summary>
    /// Each reference object overrides IsValidStep for speed; on every (state, op, ret) in a small
    /// domain, the override must agree with "invoke and compare" and report the same next state.
    /// </summary>
    [Theory]
    [MemberData(nameof(SpecNames))]
    public void Is_valid_step_overrides_agree_with_invoke(string name)
    {
        var checkedValid = 0;
        switch (name)
        {
            case "register":
                char[] values = ['A', 'B'];
                ROp[] rops = [new ROp.Read(), .. values.Select(v => new ROp.Write(v))];
                RRet[] rrets = [new RRet.WriteOk(), .. values.Select(v => new RRet.ReadOk(v))];
                foreach (var v in values)
                    checkedValid += Agree(new Register<char>(v), rops, rrets);
                break;
            case "vec":
                VOp[] vops = [new VOp.Pop(), new VOp.Len(), new VOp.Push(0), new VOp.Push(1)];
                VRet[] vrets = [new VRet.PushOk(), new VRet.PopOk(Option<int>.None), new VRet.PopOk(0), new VRet.PopOk(1), new VRet.LenOk(0), new VRet.LenOk(1), new VRet.LenOk(2)];
                foreach (var items in new[] { Array.Empty<int>(), [0], [1], [0, 1], [1, 0] })
                    checkedValid += Agree(new VecSpec<int>(items), vops, vrets);
                break;
            default:
                WOp[] wops = [new WOp.Read(), new WOp.Write('A'), new WOp.Write('B')];
                WRet[] wrets = [new WRet.WriteOk(), new WRet.WriteFail(), new WRet.ReadOk(Option<char>.None), new WRet.ReadOk('A'), new WRet.ReadOk('B')];
                foreach (var value in new[] { Option<char>.None, 'A', 'B' })
                    checkedValid += Agree(new WriteOnceRegister<char>(value), wops, wrets);
                break;
        }
        Assert.True(checkedValid > 3);
    }

    private static int Agree<TSpec, TOp, TRet>(TSpec spec, TOp[] ops, TRet[] rets)
        where TSpec : ISequentialSpec<TSpec, TOp, TRet>
    {
        var valid = 0;
        foreach (var op in ops)
        {
            var (expectedNext, expectedRet) = spec.Invoke(op);
            foreach (var ret in rets)
            {
                var expected = EqualityComparer<TRet>.Default.Equals(expectedRet, ret);
                var actual = spec.IsValidStep(op, ret, out var next);
                Assert.True(expected == actual, $"{spec}: {op} -> {ret}: expected {expected}");
                if (!actual) continue;
                Assert.Equal(expectedNext, next);
                valid++;
            }
        }
        return valid;
    }

    // ---- a user-defined spec relies on the default IsValidStep ----

    public abstract record CounterOp
    {
        public sealed record Increment : CounterOp;
        public sealed record Get : CounterOp;
    }

    public sealed record Counter(int N) : ISequentialSpec<Counter, CounterOp, int>
    {
        public (Counter Next, int Result) Invoke(CounterOp op) => op switch
        {
            CounterOp.Increment => (new Counter(N + 1), N + 1),
            _ => (this, N),
        };
    }

    [Fact]
    public void A_spec_without_an_override_uses_invoke_and_equality()
    {
        var counter = new Counter(0);
        Assert.True(counter.IsValidHistory([(new CounterOp.Increment(), 1), (new CounterOp.Get(), 1), (new CounterOp.Increment(), 2)]));
        Assert.False(counter.IsValidHistory([(new CounterOp.Increment(), 1), (new CounterOp.Get(), 2)]));
        Assert.True(counter.IsValidStep(new CounterOp.Increment(), 1, out var next));
        Assert.Equal(new Counter(1), next);
        Assert.False(counter.IsValidStep(new CounterOp.Increment(), 5, out _));
    }

    [Fact]
    public void Unknown_or_null_operations_are_rejected_loudly()
    {
        Assert.Throws<ArgumentNullException>(() => new Register<char>('A').Invoke(null!));
        Assert.Throws<ArgumentNullException>(() => new VecSpec<int>().Invoke(null!));
        Assert.Throws<ArgumentNullException>(() => new WriteOnceRegister<char>().Invoke(null!));
        Assert.False(new Register<char>('A').IsValidStep(null!, new RRet.WriteOk(), out _));
    }

    // ---- printing and equality of operations and returns ----

    [Fact]
    public void Operations_and_returns_print_like_trace_steps()
    {
        Assert.Equal("Write('A')", new ROp.Write('A').ToString());
        Assert.Equal("Read", new ROp.Read().ToString());
        Assert.Equal("WriteOk", new RRet.WriteOk().ToString());
        Assert.Equal("ReadOk('A')", new RRet.ReadOk('A').ToString());
        Assert.Equal("Register('A')", new Register<char>('A').ToString());
        Assert.Equal("Write(\"x\\\"y\")", new RegisterOp<string>.Write("x\"y").ToString());
        Assert.Equal("ReadOk(null)", new RegisterRet<string?>.ReadOk(null).ToString());
        Assert.Equal("Write('\\'')", new ROp.Write('\'').ToString());
        Assert.Equal("Write(1.5)", new RegisterOp<double>.Write(1.5).ToString());

        Assert.Equal("Push(10)", new VOp.Push(10).ToString());
        Assert.Equal("Pop", new VOp.Pop().ToString());
        Assert.Equal("Len", new VOp.Len().ToString());
        Assert.Equal("PushOk", new VRet.PushOk().ToString());
        Assert.Equal("PopOk(Some(10))", new VRet.PopOk(10).ToString());
        Assert.Equal("PopOk(None)", new VRet.PopOk(Option<int>.None).ToString());
        Assert.Equal("LenOk(2)", new VRet.LenOk(2).ToString());
        Assert.Equal("VecSpec([1, 2])", new VecSpec<int>([1, 2]).ToString());
        Assert.Equal("VecSpec([])", new VecSpec<int>().ToString());

        Assert.Equal("Write('A')", new WOp.Write('A').ToString());
        Assert.Equal("Read", new WOp.Read().ToString());
        Assert.Equal("WriteOk", new WRet.WriteOk().ToString());
        Assert.Equal("WriteFail", new WRet.WriteFail().ToString());
        Assert.Equal("ReadOk(Some('A'))", new WRet.ReadOk('A').ToString());
        Assert.Equal("ReadOk(None)", new WRet.ReadOk(Option<char>.None).ToString());
        Assert.Equal("WriteOnceRegister(None)", new WriteOnceRegister<char>().ToString());
        Assert.Equal("WriteOnceRegister(Some('A'))", new WriteOnceRegister<char>('A').ToString());
    }

    [Fact]
    public void Operations_and_returns_have_value_equality_and_structural_fingerprints()
    {
        Assert.Equal<ROp>(new ROp.Write('A'), new ROp.Write('A'));
        Assert.Equal<ROp>(new ROp.Read(), new ROp.Read());
        Assert.NotEqual<ROp>(new ROp.Write('A'), new ROp.Write('B'));
        Assert.NotEqual<ROp>(new ROp.Write('A'), new ROp.Read());
        Assert.NotEqual<RRet>(new RRet.ReadOk('A'), new RRet.WriteOk());
        Assert.NotEqual<VRet>(new VRet.PopOk(Option<int>.None), new VRet.PopOk(0));
        Assert.NotEqual<WRet>(new WRet.WriteOk(), new WRet.WriteFail());

        Assert.Equal(Fingerprint.Of<ROp>(new ROp.Write('A')), Fingerprint.Of<ROp>(new ROp.Write('A')));
        Assert.NotEqual(Fingerprint.Of<ROp>(new ROp.Write('A')), Fingerprint.Of<ROp>(new ROp.Write('B')));
        Assert.NotEqual(Fingerprint.Of<ROp>(new ROp.Read()), Fingerprint.Of<ROp>(new ROp.Write('A')));
        Assert.NotEqual(Fingerprint.Of<RRet>(new RRet.WriteOk()), Fingerprint.Of<RRet>(new RRet.ReadOk('A')));
        Assert.NotEqual(Fingerprint.Of<VRet>(new VRet.PopOk(Option<int>.None)), Fingerprint.Of<VRet>(new VRet.PopOk(0)));
        Assert.NotEqual(Fingerprint.Of<WRet>(new WRet.WriteOk()), Fingerprint.Of<WRet>(new WRet.WriteFail()));
        Assert.NotEqual(Fingerprint.Of(new Register<char>('A')), Fingerprint.Of(new Register<char>('B')));
        Assert.Equal(Fingerprint.Of(new WriteOnceRegister<char>('A')), Fingerprint.Of(new WriteOnceRegister<char>('A')));
        Assert.NotEqual(Fingerprint.Of(new WriteOnceRegister<char>('A')), Fingerprint.Of(new WriteOnceRegister<char>()));
    }

    // ---- Option ----

    [Fact]
    public void Option_distinguishes_none_from_a_default_value()
    {
        Option<int> none = default;
        Option<int> zero = 0;
        Assert.Equal(Option<int>.None, none);
        Assert.Equal(Option.None<int>(), none);
        Assert.False(none.HasValue);
        Assert.True(zero.HasValue);
        Assert.NotEqual(none, zero);
        Assert.True(none != zero);
        Assert.Equal(Option.Some(0), zero);
        Assert.True(Option.Some(0) == zero);
        Assert.Equal(0, zero.Value);
        Assert.Throws<InvalidOperationException>(() => none.Value);
        Assert.False(none.TryGetValue(out _));
        Assert.True(Option.Some(7).TryGetValue(out var seven));
        Assert.Equal(7, seven);
        Assert.Equal(3, none.GetValueOrDefault(3));
        Assert.Equal(7, Option.Some(7).GetValueOrDefault(3));
        Assert.Equal("None", none.ToString());
        Assert.Equal("Some(0)", zero.ToString());
        Assert.Equal("Some(\"a\")", Option.Some("a").ToString());
        Assert.NotEqual(Fingerprint.Of(none), Fingerprint.Of(zero));
        Assert.Equal(Fingerprint.Of(Option.Some(ImmutableList.Create(1, 2))), Fingerprint.Of(Option.Some(ImmutableList.Create(1, 2))));
        Assert.Equal(none.GetHashCode(), Option<int>.None.GetHashCode());
        Assert.Equal(Option.Some("x").GetHashCode(), Option.Some("x").GetHashCode());
        Assert.True(Option.Some("x").Equals((object)Option.Some("x")));
    }
}
