using Stateright.Actors;

namespace Stateright.Tests.BadInput;

/// <summary>Issue 28: an actor's Out refuses writes after its handler returned, and the run faults naming the actor and the handler.</summary>
public class LateOutputTests
{
    /// <summary>Sends "go" to actor 1 when it starts.</summary>
    private sealed class Starter : Actor<string, int>
    {
        public override int OnStart(Id id, Out<string> o)
        {
            o.Send(1, "go");
            return 0;
        }
    }

    /// <summary>On "go", changes its state and answers from an async void helper, after an await: too late.</summary>
    private sealed class LateSender(ManualResetEventSlim written) : Actor<string, int>
    {
        public override int OnStart(Id id, Out<string> o) => 0;

        public override void OnMsg(Id id, ref Cow<int> state, Id src, string msg, Out<string> o)
        {
            state.Value = 1;
            AnswerLater(o, src);
        }

        private async void AnswerLater(Out<string> o, Id dst)
        {
            try
            {
                await Task.Yield();
                o.Send(dst, "late");
            }
            finally
            {
                written.Set();
            }
        }
    }

    /// <summary>
    /// The late write happens on a thread-pool thread while the checker goes on; the property waits for
    /// it in the state the delivery leads to, so it is always made before the run can end.
    /// </summary>
    private static ActorModel<string, Unit> AsyncModel(ManualResetEventSlim written) =>
        ActorModel.Create<string>()
            .Actor(new Starter())
            .Actor(new LateSender(written))
            .Property(Expectation.Always, "fine", s =>
            {
                if (s.StateOf<int>(1) == 1 && !written.Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException("the async helper never wrote");
                return true;
            });

    private static Checker<ActorModelState<string, Unit>, ActorModelAction<string>> Run(ActorModel<string, Unit> model, string engine, int threads)
    {
        // Without the test framework's context, the helper's continuation runs on the thread pool.
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            var builder = model.Checker().Threads(threads);
            return (engine switch { "BFS" => builder.SpawnBfs(), "DFS" => builder.SpawnDfs(), _ => builder.TargetStateCount(500).SpawnSimulation(28) }).Join();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    [Theory]
    [InlineData("BFS", 1)]
    [InlineData("BFS", 2)]
    [InlineData("DFS", 1)]
    [InlineData("DFS", 2)]
    [InlineData("Simulation", 1)]
    [InlineData("Simulation", 2)]
    public void A_write_from_an_async_continuation_after_the_handler_returned_faults_the_run(string engine, int threads)
    {
        using var written = new ManualResetEventSlim();
        var e = Assert.Throws<ModelCheckingException>(() => Run(AsyncModel(written), engine, threads));
        Assert.Contains("while an actor's code ran after its handler had returned.", e.Message);
        Assert.Contains("actor 1 (LateSender) wrote (Send to Id(0): late) to the Out of its OnMsg call after that call had returned; the write was dropped.", e.Message);
        Assert.DoesNotContain("index path", e.Message); // not the fault of whatever step reported it
        Assert.IsType<InvalidOperationException>(e.InnerException);
    }

    /// <summary>Keeps the Out of each OnMsg call; writes the kept one in OnTimeout (or in its next OnMsg call).</summary>
    private sealed class Keeper(bool inNextCall, bool swallow) : Actor<string, int>
    {
        private Out<string>? _kept;

        public override int OnStart(Id id, Out<string> o)
        {
            o.Send(0, "a");
            if (inNextCall) o.Send(0, "b");
            else o.SetTimer("t", TimeSpan.Zero, TimeSpan.Zero);
            return 0;
        }

        public override void OnMsg(Id id, ref Cow<int> state, Id src, string msg, Out<string> o)
        {
            if (inNextCall) WriteKept();
            _kept = o;
            state.Value++;
        }

        public override void OnTimeout(Id id, ref Cow<int> state, object timer, Out<string> o)
        {
            WriteKept();
            state.Value += 10;
        }

        private void WriteKept()
        {
            try { _kept?.Send(0, "stale"); }
            catch (InvalidOperationException) when (swallow) { }
        }
    }

    [Theory]
    [InlineData("BFS", 1, false, false)]
    [InlineData("BFS", 2, false, true)]
    [InlineData("DFS", 1, false, true)]
    [InlineData("DFS", 2, false, false)]
    [InlineData("BFS", 1, true, false)]
    [InlineData("BFS", 2, true, true)]
    [InlineData("DFS", 1, true, false)]
    [InlineData("DFS", 2, true, true)]
    [InlineData("Simulation", 1, false, false)]
    [InlineData("Simulation", 2, true, true)]
    public void A_kept_Out_written_in_a_later_handler_call_faults_that_step(string engine, int threads, bool inNextCall, bool swallow)
    {
        var model = ActorModel.Create<string>()
            .Actor(new Keeper(inNextCall, swallow))
            .WithinBoundary(s => s.StateOf<int>(0) < 4) // finite even if the stale sends were taken
            .Property(Expectation.Always, "fine", _ => true);
        var e = Assert.Throws<ModelCheckingException>(() => Run(model, engine, threads));
        var running = inNextCall ? "OnMsg" : "OnTimeout";
        Assert.Contains($"actor 0 (Keeper) wrote (Send to Id(0): stale) to the Out of an earlier OnMsg call while {running} of actor 0 (Keeper) was running; the write was dropped.", e.Message);
        Assert.Matches(@"\(NextState\)(,| in simulation walk \d+,) in the state reached by index path", e.Message); // the step that wrote it
    }
}
