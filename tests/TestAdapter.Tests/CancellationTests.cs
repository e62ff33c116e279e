using System.Diagnostics;
using Fixtures;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace Stateright.Testing.TestAdapter.Tests;

/// <summary>Test Explorer's "Cancel" (and <c>dotnet test</c>'s Ctrl+C): the adapter's <see cref="ModelTestAdapter.Cancel"/>.</summary>
[Collection(FixtureCollection.Name)] // no other checker competes for the cores while this one is timed
public sealed class CancellationTests
{
    [Fact]
    public async Task Cancel_ends_a_long_check_within_a_second_and_the_case_is_not_passed()
    {
        var (method, attribute) = ModelTestDiscovery.FindMethods<ModelTestAttribute>(typeof(LongRunning)).Single();
        var testCase = TestCaseFactory.Create(Assert.Single(ModelTestDiscovery.Discover(method, attribute)), typeof(LongRunning).Assembly.Location);
        var handle = new RecordingHandle();
        var adapter = new ModelTestAdapter();

        var run = Task.Run(() => adapter.RunTests([testCase], null, handle));
        await handle.FirstStart.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the checker is well under way (the model never ends)
        Assert.False(run.IsCompleted);

        var clock = Stopwatch.StartNew();
        adapter.Cancel();
        var ended = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10))) == run;
        clock.Stop();

        Assert.True(ended, "the run did not end after Cancel()");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the run took {clock.Elapsed} to end after Cancel()");
        var result = Assert.Single(handle.Results);
        Assert.NotEqual(TestOutcome.Passed, result.Outcome);
        Assert.Contains("cancelled", result.ErrorMessage);
        Assert.Equal(TestOutcome.Failed, Assert.Single(handle.Ended).Outcome);

        // The checker itself stopped: the process no longer burns the cores it was using.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.Delay(TimeSpan.FromSeconds(1));
        var busy = Process.GetCurrentProcess().TotalProcessorTime - before;
        Assert.True(busy < TimeSpan.FromSeconds(0.5), $"the process used {busy} of CPU in a second after Cancel()");
    }

    [Fact]
    public void A_cancelled_adapter_runs_again()
    {
        var adapter = new ModelTestAdapter();
        adapter.Cancel();
        var (method, attribute) = ModelTestDiscovery.FindMethods<ModelTestAttribute>(typeof(Quick)).Single();
        var testCase = TestCaseFactory.Create(ModelTestDiscovery.Discover(method, attribute).Single(), typeof(Quick).Assembly.Location);
        var handle = new RecordingHandle();
        adapter.RunTests([testCase], null, handle);
        Assert.Equal(TestOutcome.Passed, Assert.Single(handle.Results).Outcome);
    }

    // Internal: the adapter lists public classes only, so running this test project never discovers them.
    internal sealed class LongRunning
    {
        [ModelTest]
        public static EndlessCounter Endless() => Scenarios.Endless();
    }

    internal sealed class Quick
    {
        [ModelTest]
        public static SmallCounter Valid() => Scenarios.Valid();
    }
}
