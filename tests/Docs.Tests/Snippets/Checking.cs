// docs/checking.md "Choose an engine".
using Stateright;

namespace Docs.Checking;

public static class EnginePage
{
    public static Checker<TState, TAction> Check<TState, TAction>(Model<TState, TAction> model) where TState : notnull where TAction : notnull
    {
        #region checking-engine
        var checker = model.Checker()
            .Threads(Environment.ProcessorCount)   // default 1; results never depend on it
            .Timeout(TimeSpan.FromMinutes(1))      // optional: an incomplete run is never a pass
            .SpawnBfs();                           // or SpawnDfs(), or SpawnSimulation(seed)
        checker.Join();                            // or await checker.JoinAsync(ct)
        #endregion
        return checker;
    }
}
