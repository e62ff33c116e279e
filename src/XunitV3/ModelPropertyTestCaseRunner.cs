using Xunit.Sdk;
using Xunit.v3;

namespace Stateright.Testing.XunitV3;

/// <summary>xUnit's case runner, running the case's one test with <see cref="ModelPropertyTestRunner"/>.</summary>
internal sealed class ModelPropertyTestCaseRunner : XunitTestCaseRunner
{
    public static new ModelPropertyTestCaseRunner Instance { get; } = new();

    protected override ValueTask<RunSummary> RunTest(XunitTestCaseRunnerContext ctxt, IXunitTest test) =>
        ModelPropertyTestRunner.Instance.Run(
            test, ctxt.MessageBus, ctxt.ConstructorArguments, ctxt.ExplicitOption, ctxt.Aggregator.Clone(), ctxt.CancellationTokenSource,
            ctxt.ParallelMode, ctxt.Scheduler, ctxt.BeforeAfterTestAttributes, ctxt.CaseFixtureMappings);
}
