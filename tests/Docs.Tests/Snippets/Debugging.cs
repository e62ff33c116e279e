// docs/debugging.md "Replay it in code": the seed chapter's register model (samples/GettingStarted). Run by
// DebuggingPageTests as if this file were a test class in samples/GettingStarted.Tests, beside the snapshot.
using GettingStarted;
using Stateright;

namespace Docs.Debugging;

public static class ReplayPage
{
    public static void Replay()
    {
        #region debugging-replay
        var model = RegisterSystem.Model();

        // From the index path the failure printed (or Path.Encode()):
        var path = model.ParsePath("0/0/0/1/1/3/4/1");

        // Or from the snapshot file that pins it (any trace file with an "Index path:" line). A relative
        // path is looked for beside this source file, then in the current directory (the test's bin/… folder).
        var pinned = model.PathFromTraceFile("RegisterModelTests.SingleServer.linearizable.verified.txt");

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
