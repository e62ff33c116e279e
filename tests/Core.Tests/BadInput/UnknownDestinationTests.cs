using Stateright.Actors;

namespace Stateright.Tests.BadInput;

/// <summary>Issue 28: a send to an id that no actor of the model has faults the step, instead of staying in flight forever.</summary>
public class UnknownDestinationTests
{
    /// <summary>Actor 0 pings actor 1; actor 1 answers to Id(7) (from OnStart too, if asked).</summary>
    private sealed class Stray(bool atStart) : Actor<string, int>
    {
        public override int OnStart(Id id, Out<string> o)
        {
            if (id == Id.From(0)) o.Send(1, "ping");
            if (atStart && id == Id.From(2)) o.Send(7, "hello");
            return 0;
        }

        public override void OnMsg(Id id, ref Cow<int> state, Id src, string msg, Out<string> o) => o.Send(7, "pong");
    }

    private sealed class Quiet : Actor<string, int>
    {
        public override int OnStart(Id id, Out<string> o) => 0;
    }

    [Theory]
    [InlineData("BFS", 1)]
    [InlineData("BFS", 2)]
    [InlineData("DFS", 1)]
    [InlineData("DFS", 2)]
    [InlineData("Simulation", 1)]
    [InlineData("Simulation", 2)]
    public void A_send_to_an_id_no_actor_has_faults_naming_the_sender_handler_destination_and_actor_count(string engine, int threads)
    {
        var model = ActorModel.Create<string>().Actors([new Stray(false), new Stray(false), new Stray(false)]).Property(Expectation.Always, "fine", _ => true);
        var builder = model.Checker().Threads(threads);
        var e = Assert.Throws<ModelCheckingException>(() => (engine switch { "BFS" => builder.SpawnBfs(), "DFS" => builder.SpawnDfs(), _ => builder.TargetStateCount(500).SpawnSimulation(28) }).Join());
        Assert.Contains("Actor 1 (Stray) sent pong to Id(7) in OnMsg, but no actor has that id: the model has 3 actors (valid ids Id(0) to Id(2)).", e.Message);
        Assert.Contains("while computing the next state for action #0 (", e.Message);
        Assert.Matches(@"\(NextState\)(,| in simulation walk \d+,) in the state reached by index path", e.Message);
    }

    [Fact]
    public void A_send_to_an_id_no_actor_has_from_OnStart_faults_the_initial_states()
    {
        var model = ActorModel.Create<string>().Actors([new Stray(true), new Stray(true), new Stray(true)]).Property(Expectation.Always, "fine", _ => true);
        var e = Assert.Throws<ModelCheckingException>(() => model.Checker().SpawnBfs().Join());
        Assert.Contains("Actor 2 (Stray) sent hello to Id(7) in OnStart, but no actor has that id: the model has 3 actors (valid ids Id(0) to Id(2)).", e.Message);
        Assert.Contains("evaluating the initial states (InitStates)", e.Message);
    }

    [Fact]
    public void A_message_to_an_id_outside_the_model_in_the_initial_network_is_still_allowed()
    {
        // The Rust library's undeliverable-message test: such an envelope simply never gets delivered.
        var model = ActorModel.Create<string>()
            .Actor(new Quiet())
            .InitNetwork(Network<string>.UnorderedDuplicating(new Envelope<string>(0, 99, "x")))
            .Property(Expectation.Always, "fine", _ => true);
        Assert.Equal(1, model.Checker().SpawnBfs().Join().UniqueStateCount);
    }
}
