using Stateright;

namespace Stateright.Bench;

/// <summary>States 0, 1, …, <c>length</c> - 1 in a single path: every BFS level holds one state.</summary>
internal sealed class Chain(int length) : Model<int, int>
{
    public override IEnumerable<int> InitStates() => [0];

    public override void Actions(int state, List<int> actions)
    {
        if (state < length - 1) actions.Add(1);
    }

    public override bool TryNextState(int state, int action, out int next)
    {
        next = state + action;
        return true;
    }

    public override int NextState(int state, int action) => throw new NotSupportedException();

    protected override IEnumerable<Property<int>> DefineProperties() => [Property<int>.Always("in range", s => s < length)];
}
