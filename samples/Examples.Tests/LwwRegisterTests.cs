namespace Stateright.Examples.Tests;

public class LwwRegisterTests
{
    [Fact]
    [Trait("Category", "Parity")] // a large run: `dotnet test -p:TestSuite=parity`
    public void Quiescent_registers_agree_to_depth_8()
    {
        var checker = LwwRegister.Model(2).Checker().TargetMaxDepth(8).Threads(2).SpawnDfs().Join();
        Assert.Null(checker.Discovery("eventually consistent"));
        Assert.Equal(CheckerStatus.TargetMaxDepthReached, checker.Status);
        Assert.True(checker.UniqueStateCount > 1_000);
    }

    /// <summary>The quick version of the depth-8 run.</summary>
    [Fact]
    public void Quiescent_registers_agree_to_depth_6()
    {
        var checker = LwwRegister.Model(2).Checker().TargetMaxDepth(6).Threads(2).SpawnDfs().Join();
        Assert.Null(checker.Discovery("eventually consistent"));
        Assert.Equal(CheckerStatus.TargetMaxDepthReached, checker.Status);
        Assert.True(checker.UniqueStateCount > 100);
    }

    [Fact]
    public void Eventual_consistency_fails_by_a_tied_timestamp_and_holds_once_fixed()
    {
        var checker = LwwRegister.ConvergenceModel([0, 3]).Checker().Threads(2).SpawnBfs().Join();
        var path = checker.Discovery("converges")!;
        // A finite behaviour: the environment has stopped, nothing is in flight, and the registers differ.
        Assert.Null(path.CycleStart);
        var registers = path.LastState.StatesOf<LwwRegister.NodeState>().Select(n => n.Register).ToArray();
        Assert.Equal(0, path.LastState.Network.Count);
        Assert.NotEqual(registers[0], registers[1]);
        Assert.Equal(registers[0]!.Timestamp, registers[1]!.Timestamp);
        Assert.Equal(registers[0]!.Updater, registers[1]!.Updater);

        var fixedChecker = LwwRegister.ConvergenceModel([0, 3], fixFirstWrite: true).Checker().Threads(2).SpawnBfs().Join();
        Assert.Equal(VerdictKind.Holds, fixedChecker.VerdictOf("converges"));
        Assert.Equal(2_224, fixedChecker.UniqueStateCount);
    }

    [Fact]
    public void Merge_keeps_the_later_write_and_breaks_ties_by_updater()
    {
        var early = new LwwRegister.Register(LwwRegister.Value.A, 1000, 1);
        var late = new LwwRegister.Register(LwwRegister.Value.B, 1001, 0);
        Assert.Equal(late, LwwRegister.Register.Merge(early, late));
        Assert.Equal(late, LwwRegister.Register.Merge(late, early));
        var tie = new LwwRegister.Register(LwwRegister.Value.C, 1000, 0);
        Assert.Equal(early, LwwRegister.Register.Merge(early, tie));
    }
}
