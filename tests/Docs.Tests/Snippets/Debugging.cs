// docs/debugging.md "Replay it in code": the seed chapter's register model (samples/GettingStarted).
using GettingStarted;
using Stateright;
using Stateright.Actors;
using History = Stateright.Semantics.LinearizabilityTester<Stateright.Actors.Id, Stateright.Semantics.Register<char>,
    Stateright.Semantics.RegisterOp<char>, Stateright.Semantics.RegisterRet<char>>;
using Msg = Stateright.Actors.Register.RegisterMsg<ulong, char, Stateright.Actors.Unit>;

namespace Docs.Debugging;

public static class ReplayPage
{
    public static void Replay()
    {
        #region debugging-replay
        var model = RegisterSystem.Model();

        // From the text the failure printed (or Path.Encode()):
        var path = Path<ActorModelState<Msg, History>, ActorModelAction<Msg>>.Parse(model, "0/0/0/1/0/2/0");

        // Or from the snapshot file that pins it (any trace file with an "Index path:" line):
        var pinned = Path<ActorModelState<Msg, History>, ActorModelAction<Msg>>.FromTraceFile(model,
            "RegisterModelTests.SingleServer.linearizable.verified.txt");

        foreach (var (before, action, after) in pinned.Steps())   // set a breakpoint here
        {
            Console.WriteLine(model.FormatAction(action));
            Console.WriteLine(model.FormatStep(before, action));     // the actor's outputs and state change
            Console.WriteLine(model.Property("linearizable").Condition(after));
        }
        #endregion
        _ = path;
    }
}
