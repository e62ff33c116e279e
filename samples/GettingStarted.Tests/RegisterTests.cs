using Stateright;
using Stateright.Actors;
using Stateright.Actors.Register;
using Stateright.Semantics;
using static Stateright.Actors.Register.RegisterMsg<ulong, char, Stateright.Actors.Unit>;
using Deliver = Stateright.Actors.ActorModelAction<Stateright.Actors.Register.RegisterMsg<ulong, char, Stateright.Actors.Unit>>.Deliver;

namespace GettingStarted.Tests;

/// <summary>The seed chapter's test, line for line.</summary>
public class RegisterTests
{
    [Fact]
    public void Is_unfortunately_not_linearizable()
    {
        var checker = RegisterSystem.Model().Checker().SpawnDfs().Join();
        //checker.AssertProperties(); // TRY IT: Uncomment this line, and the test will fail.
        checker.AssertDiscovery("linearizable",
        [
            new Deliver(Src: Id.From(1), Dst: Id.From(0), Msg: new Put(1, 'A')),
            new Deliver(Src: Id.From(0), Dst: Id.From(1), Msg: new PutOk(1)),
            new Deliver(Src: Id.From(1), Dst: Id.From(0), Msg: new Put(2, 'Z')),
            new Deliver(Src: Id.From(0), Dst: Id.From(1), Msg: new PutOk(2)),
            new Deliver(Src: Id.From(1), Dst: Id.From(0), Msg: new Put(1, 'A')),
            new Deliver(Src: Id.From(1), Dst: Id.From(0), Msg: new Get(3)),
            new Deliver(Src: Id.From(0), Dst: Id.From(1), Msg: new GetOk(3, 'A')),
        ]);
    }

    [Fact]
    public void Assert_properties_explains_the_counterexample()
    {
        var checker = RegisterSystem.Model().Checker().SpawnBfs().Join();
        var e = Assert.Throws<CheckerAssertionException>(checker.AssertProperties);
        Assert.Contains("Unexpected Property \"linearizable\" (Always): counterexample in", e.Message);
        var steps = e.Message.Split('\n').Where(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\s+\d+\. ")).ToArray();
        Assert.True(steps.Length >= 3, e.Message);
        Assert.StartsWith("1.", steps[0].TrimStart());
        Assert.Contains("GetOk(3, 'A')", steps[^1]);
        Assert.DoesNotContain("get succeeds", e.Message); // the Sometimes properties hold
    }

    [Fact]
    public void The_shortest_counterexample_is_the_seed_bug()
    {
        var path = RegisterSystem.Model().Checker().SpawnBfs().Join().Discovery("linearizable")!;
        Assert.Equal(
            ["Id(1) → Put(1, 'A') → Id(0)", "Id(0) → PutOk(1) → Id(1)", "Id(1) → Put(2, 'Z') → Id(0)", "Id(0) → PutOk(2) → Id(1)", "Id(1) → Put(1, 'A') → Id(0)", "Id(1) → Get(3) → Id(0)", "Id(0) → GetOk(3, 'A') → Id(1)"],
            path.Actions.Select(a => a.ToString()));
    }

    [Fact]
    public void The_counterexample_replays_from_its_index_path_and_from_its_snapshot()
    {
        var model = RegisterSystem.Model();
        var found = model.Checker().SpawnBfs().Join().Discovery("linearizable")!;
        var fromText = model.ParsePath(found.Encode());
        var fromSnapshot = model.PathFromTraceFile("RegisterModelTests.SingleServer.linearizable.verified.txt"); // beside this file
        Assert.Equal(found.Actions, fromText.Actions);
        Assert.Equal(found.Actions, fromSnapshot.Actions);
        var steps = 0;
        foreach (var (before, action, after) in fromSnapshot.Steps()) // what a user steps through under the debugger
        {
            steps++;
            Assert.NotNull(model.FormatStep(before, action));
            Assert.True(model.Property("linearizable").Condition(before));
            if (steps == fromSnapshot.Length) Assert.False(model.Property("linearizable").Condition(after));
        }
        Assert.Equal(7, steps);
        Assert.Throws<FormatException>(() => model.ParsePath("0/x/1"));
    }

    [Fact]
    public void The_counterexample_draws_as_a_sequence_diagram()
    {
        var model = RegisterSystem.Model();
        var path = model.Checker().SpawnBfs().Join().Discovery("linearizable")!;
        Assert.Equal("""
            sequenceDiagram
                participant A0 as Server#0
                participant A1 as Client#1
                A1->>A0: Put(1, 'A')
                Note over A0: 'A'
                A0->>A1: PutOk(1)
                Note over A1: Client { awaiting: 2, op_count: 2 }
                A1->>A0: Put(2, 'Z')
                Note over A0: 'Z'
                A0->>A1: PutOk(2)
                Note over A1: Client { awaiting: 3, op_count: 3 }
                A1->>A0: Put(1, 'A')
                Note over A0: 'A'
                A1->>A0: Get(3)
                A0->>A1: GetOk(3, 'A')
                Note over A1: Client { awaiting: None, op_count: 4 }

            """.Replace("\r\n", "\n"), model.SequenceDiagram(path));
    }

    [Fact]
    public void The_server_stores_and_answers()
    {
        var server = (IActor<RegisterMsg<ulong, char, Unit>>)new ServerActor();
        var o = new Out<RegisterMsg<ulong, char, Unit>>();
        var state = server.OnStart(0, null, o);
        Assert.Equal('?', state);
        state = server.OnMsg(0, state, 1, new Put(7, 'X'), o, out var changed);
        Assert.True(changed);
        Assert.Equal('X', state);
        server.OnMsg(0, state, 1, new Get(8), o, out changed);
        Assert.False(changed);
        Assert.Equal([new Command<RegisterMsg<ulong, char, Unit>>.Send(1, new PutOk(7)), new Command<RegisterMsg<ulong, char, Unit>>.Send(1, new GetOk(8, 'X'))], o.Commands);
    }
}
