using Stateright.Actors;

namespace Stateright.Tests.Actors;

/// <summary>Typed timers and random choices: delivered typed, and a value of another type fails clearly.</summary>
public class TypedTimerTests
{
    public abstract record Alarm
    {
        public sealed record Ring(int Times) : Alarm;
        public sealed record Snooze : Alarm;
    }

    /// <summary>Sets two timers of a record hierarchy; each timeout records which one fired.</summary>
    private sealed class Clock : Actor<Unit, string, Alarm>
    {
        public override string Name => "Clock";

        public override string OnStart(Id id, Out<Unit, Alarm> o)
        {
            o.SetTimer(new Alarm.Ring(2), ModelHelpers.ModelOnlyTimeout());
            o.SetTimer(new Alarm.Snooze(), ModelHelpers.ModelOnlyTimeout());
            return "";
        }

        public override string OnTimeout(Id id, string state, Alarm timer, Out<Unit, Alarm> o) => timer switch
        {
            Alarm.Ring(var times) => state + new string('R', times),
            Alarm.Snooze => state + "z",
            _ => throw new ArgumentOutOfRangeException(nameof(timer)),
        };
    }

    [Fact]
    public void Typed_timers_arrive_typed_and_are_explored_in_every_order()
    {
        var checker = ActorModel.Create<Unit>().Actor(new Clock())
            .Property(Expectation.Sometimes, "rang then snoozed", s => s.StateOf<string>(Id.From(0)) == "RRz")
            .Property(Expectation.Sometimes, "snoozed then rang", s => s.StateOf<string>(Id.From(0)) == "zRR")
            .Checker().SpawnBfs().Join();
        // Initial, after Ring, after Snooze, and both orders.
        Assert.Equal(5, checker.UniqueStateCount);
        checker.AssertAnyDiscovery("rang then snoozed");
        checker.AssertAnyDiscovery("snoozed then rang");
    }

    /// <summary>A helper written against the untyped <see cref="Out{TMsg}"/> sets a string timer.</summary>
    private sealed class Confused(bool viaRandom) : Actor<Unit, int, Alarm, bool>
    {
        public override string Name => "Confused";

        public override int OnStart(Id id, Out<Unit, Alarm> o)
        {
            Legacy(o, viaRandom);
            return 0;
        }

        private static void Legacy(Out<Unit> o, bool viaRandom)
        {
            if (viaRandom) o.ChooseRandom("coin", ["heads"]);
            else o.SetTimer("ring", ModelHelpers.ModelOnlyTimeout());
        }
    }

    [Theory]
    [InlineData(false, "a timer of type string (ring)", "its timers are of type TypedTimerTests.Alarm")]
    [InlineData(true, "a random choice of type string (heads)", "its random choices are of type bool")]
    public void A_timer_or_choice_of_another_type_fails_naming_the_actor_and_the_types(bool viaRandom, string received, string expected)
    {
        var checker = ActorModel.Create<Unit>().Actor(new Idle()).Actor(new Confused(viaRandom))
            .Property(Expectation.Always, "true", _ => true).Checker().SpawnBfs();
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        var inner = Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Contains("The actor Confused#1 (TypedTimerTests.Confused)", inner.Message, StringComparison.Ordinal);
        Assert.Contains(received, inner.Message, StringComparison.Ordinal);
        Assert.Contains(expected, inner.Message, StringComparison.Ordinal);
        Assert.Contains("Out<Unit, TypedTimerTests.Alarm>", inner.Message, StringComparison.Ordinal);
    }

    private sealed class Idle : Actor<Unit, Unit>
    {
        public override Unit OnStart(Id id, Out<Unit> o) => Unit.Value;
    }

    [Fact]
    public void The_typed_out_adds_to_the_untyped_one()
    {
        var untyped = new Out<Unit>();
        var typed = new Out<Unit, Alarm>(untyped);
        typed.SetTimer(new Alarm.Snooze(), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        typed.CancelTimer(new Alarm.Ring(1));
        typed.Send(Id.From(3), Unit.Value);
        Assert.Equal(3, untyped.Count);
        Assert.Equal(new Command<Unit>.SetTimer(new Alarm.Snooze(), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)), untyped.Commands[0]);
        Assert.Equal(new Command<Unit>.CancelTimer(new Alarm.Ring(1)), untyped.Commands[1]);
        Assert.Same(untyped, (Out<Unit>)typed);
    }

    [Fact]
    public void The_typed_out_sets_and_cancels_only_timers_of_its_type()
    {
        // What makes a timer of another type a compile error: no overload takes anything but the timer type.
        var methods = typeof(Out<Unit, Alarm>).GetMethods().Where(m => m.Name is "SetTimer" or "CancelTimer").ToList();
        Assert.Equal(3, methods.Count);
        Assert.All(methods, m => Assert.Equal(typeof(Alarm), m.GetParameters()[0].ParameterType));
    }
}
