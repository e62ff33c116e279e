namespace Stateright.Distributed.Tests;

/// <summary>
/// A chain 0 → 1 → … → <c>length</c> whose step into <c>gateAt</c> waits for the test: a run is then
/// certainly under way, mid-level, when the test acts on the cluster. The silos share the test's process,
/// so the gate is the test's own object.
/// </summary>
public sealed class GatedChain(int length, int gateAt, GatedChain.Gate gate) : Model<int, int>
{
    /// <summary>Set when a partition reaches the gate; the step goes on once <see cref="Open"/> is set.</summary>
    public sealed class Gate : IDisposable
    {
        public ManualResetEventSlim Reached { get; } = new();
        public ManualResetEventSlim Open { get; } = new();

        public void Dispose()
        {
            Open.Set(); // never leave a silo's thread waiting
            Reached.Dispose();
        }
    }

    public override IEnumerable<int> InitStates() => [0];

    public override void Actions(int state, List<int> actions)
    {
        if (state < length) actions.Add(1);
    }

    public override int NextState(int state, int action)
    {
        if (state + 1 == gateAt)
        {
            gate.Reached.Set();
            gate.Open.Wait(TimeSpan.FromMinutes(1));
        }
        return state + action;
    }

    protected override IEnumerable<Property<int>> DefineProperties() =>
        [Property<int>.Always("within the chain", s => s <= length)];
}
