// docs/actors.md "Symmetry": the two-phase commit actors of samples/Examples.
using Stateright;
using Stateright.Actors;
using static Stateright.Examples.TwoPhaseCommitActors;

namespace Docs.Actors;

public static class SymmetryPage
{
    public static void Check()
    {
        #region actors-symmetry
        var rms = Id.Range(1, 3);                                     // Id(1), Id(2), Id(3)
        var model = ActorModel.Create<Msg>()
            .Actor(new TransactionManager(rms))                       // Id(0): not interchangeable
            .Actors(rms.Select(_ => new ResourceManager()))
            .Symmetric(rms);                                          // once per group; groups are disjoint

        var checker = model.Checker().Threads(4).Symmetry().SpawnDfs().Join();
        #endregion
        checker.AssertProperties();
    }
}
