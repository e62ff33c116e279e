using Stateright.Actors;

namespace Stateright.Tests.BadInput;

/// <summary>Finding 7: a throwing formatter affects only the rendering, never a verdict; faults name the callback that threw.</summary>
public class FormatterAndCallbackTests
{
    /// <summary>Counts 0..3; every formatter throws.</summary>
    private sealed class BadFormatters(bool throwInNextState = false) : Model<int, int>
    {
        public override IEnumerable<int> InitStates() => [0];
        public override void Actions(int state, List<int> actions) { if (state < 3) actions.Add(1); }
        public override bool TryNextState(int state, int action, out int next)
        {
            if (throwInNextState && state == 2) throw new InvalidOperationException("next state broke");
            next = state + action;
            return true;
        }
        public override int NextState(int state, int action) => throw new NotSupportedException();
        public override string FormatState(int state) => throw new FormatException("bad state format");
        public override string FormatAction(int action) => throw new FormatException("bad action format");
        public override string? FormatStep(int state, int action) => throw new FormatException("bad step format");
        protected override IEnumerable<Property<int>> DefineProperties() =>
        [
            Property<int>.Always("holds", s => s <= 3),
            Property<int>.Always("violated", s => s < 2),
        ];
    }

    [Fact]
    public void A_throwing_formatter_leaves_the_holding_property_passing_and_renders_a_placeholder()
    {
        var model = new BadFormatters();
        var checker = model.Checker().SpawnBfs().Join();
        checker.AssertNoDiscovery("holds");
        var message = Assert.Throws<CheckerAssertionException>(() => checker.AssertNoDiscovery("violated")).Message;
        Assert.Contains("<FormatAction threw FormatException: bad action format>", message);
        Assert.Contains("Last state: <FormatState threw FormatException: bad state format>", message);
        var trace = TraceText.Discovery(model, model.Property("violated"), checker.Discovery("violated")!, includeStates: true);
        Assert.Contains("<FormatStep threw FormatException: bad step format>", trace);
        var report = new StringWriter();
        checker.Report(report);
        Assert.Contains("- <FormatAction threw FormatException", report.ToString());
    }

    [Fact]
    public void A_fault_message_with_throwing_formatters_is_whole()
    {
        var e = Assert.Throws<ModelCheckingException>(() => new BadFormatters(throwInNextState: true).Checker().SpawnBfs().Join());
        Assert.Contains("while computing the next state for action #0 (<FormatAction threw FormatException: bad action format>) (NextState), in the state reached by index path 0/0/0:\n", e.Message);
        Assert.Contains("State: <FormatState threw FormatException: bad state format>", e.Message);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(e.Message, "index path"));
        Assert.EndsWith("System.InvalidOperationException: next state broke", e.Message);
    }

    private sealed class ThrowingInits : Model<int, int>
    {
        public override IEnumerable<int> InitStates() => throw new InvalidOperationException("no initial states today");
        public override void Actions(int state, List<int> actions) { }
        public override int NextState(int state, int action) => 0;
    }

    private sealed class BadActor : Actor<int, int>
    {
        public override int OnStart(Id id, Out<int> o) => throw new InvalidOperationException("cannot start");
    }

    [Theory]
    [InlineData("bfs")]
    [InlineData("dfs")]
    [InlineData("simulation")]
    public void InitStates_that_throw_are_named(string engine)
    {
        var builder = new ThrowingInits().Checker().TargetStateCount(10);
        var checker = engine switch { "bfs" => builder.SpawnBfs(), "dfs" => builder.SpawnDfs(), _ => builder.SpawnSimulation(1) };
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.Contains("while evaluating the initial states (InitStates)", e.Message);
        Assert.IsType<InvalidOperationException>(e.InnerException);
    }

    [Fact]
    public void A_throwing_symmetry_representative_is_named()
    {
        var checker = new Stateright.Tests.TestModels.Counter().Checker().Symmetry(s => s == 2 ? throw new ArgumentException("no representative") : s).TargetMaxDepth(5).SpawnBfs();
        var e = Assert.Throws<ModelCheckingException>(() => checker.Join());
        Assert.Contains("while computing the symmetry representative (Symmetry), while fingerprinting the state that action #1 (2) leads to", e.Message);
        Assert.IsType<ArgumentException>(e.InnerException);
    }

    [Fact]
    public void A_throwing_OnStart_names_the_actor()
    {
        var model = new ActorModel<int, Unit>(Unit.Value).Actor(new BadActor());
        var e = Assert.Throws<ModelCheckingException>(() => model.Checker().SpawnBfs().Join());
        Assert.Contains("while running OnStart of actor 0 (BadActor), while evaluating the initial states (InitStates)", e.Message);
        Assert.Equal("cannot start", e.InnerException!.Message);
    }
}
