using System.ComponentModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Adapter;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace Stateright.Testing.TestAdapter;

/// <summary>
/// The VSTest discoverer and executor for <see cref="ModelTestAttribute"/> methods: one test case per
/// model property (the core's <see cref="ModelTestCase"/>), run through the core's
/// <see cref="ModelTestRunner"/> so that a method's cases share one checker run. The same class runs
/// under Microsoft.Testing.Platform through the VSTest bridge.
/// </summary>
[FileExtension(".dll")]
[FileExtension(".exe")]
[DefaultExecutorUri(AdapterConstants.ExecutorUri)]
[ExtensionUri(AdapterConstants.ExecutorUri)]
[Category("managed")]
public sealed class ModelTestAdapter : ITestDiscoverer, ITestExecutor
{
    private readonly object _gate = new();
    private CancellationTokenSource _cancellation = new();

    /// <inheritdoc/>
    public void DiscoverTests(IEnumerable<string> sources, IDiscoveryContext discoveryContext, IMessageLogger logger, ITestCaseDiscoverySink discoverySink)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(discoverySink);
        var filter = CaseFilter.Get(discoveryContext, logger, out var valid);
        if (!valid) return;
        foreach (var source in sources)
            foreach (var testCase in Discover(source, logger))
                if (CaseFilter.Matches(filter, testCase)) discoverySink.SendTestCase(testCase);
    }

    /// <inheritdoc/>
    public void RunTests(IEnumerable<string>? sources, IRunContext? runContext, IFrameworkHandle? frameworkHandle) =>
        RunTests(sources, runContext, frameworkHandle, CancellationToken.None);

    /// <summary>As <see cref="RunTests(IEnumerable{string}, IRunContext, IFrameworkHandle)"/>, also stopped by <paramref name="cancellationToken"/> (the MTP session's).</summary>
    internal void RunTests(IEnumerable<string>? sources, IRunContext? runContext, IFrameworkHandle? frameworkHandle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frameworkHandle);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(StartRun(), cancellationToken);
        var token = linked.Token;
        var filter = CaseFilter.Get(runContext, frameworkHandle, out var valid);
        if (!valid || sources is null) return;
        foreach (var source in sources)
        {
            if (token.IsCancellationRequested) return;
            if (!ModelTestSource.MayContainModelTests(source)) continue;
            IReadOnlyList<ModelTestCase> cases;
            try { cases = ModelTestSource.Discover(source); }
            catch (Exception e) { LogLoadFailure(frameworkHandle, source, e); continue; }
            var selected = cases.Select(c => (TestCaseFactory.Create(c, source), c)).Where(p => CaseFilter.Matches(filter, p.Item1)).ToArray();
            Run(selected, frameworkHandle, token);
        }
    }

    /// <inheritdoc/>
    public void RunTests(IEnumerable<TestCase>? tests, IRunContext? runContext, IFrameworkHandle? frameworkHandle)
    {
        ArgumentNullException.ThrowIfNull(frameworkHandle);
        var token = StartRun();
        if (tests is null) return;
        foreach (var group in tests.GroupBy(t => t.Source, StringComparer.Ordinal))
        {
            if (token.IsCancellationRequested) return;
            System.Reflection.Assembly assembly;
            try { assembly = ModelTestSource.Load(group.Key); }
            catch (Exception e) { LogLoadFailure(frameworkHandle, group.Key, e); continue; }
            var resolved = new List<(TestCase, ModelTestCase)>();
            foreach (var testCase in group)
            {
                if (Resolve(assembly, testCase) is { } modelCase) resolved.Add((testCase, modelCase));
                else
                {
                    frameworkHandle.RecordResult(new TestResult(testCase)
                    {
                        Outcome = TestOutcome.NotFound,
                        ErrorMessage = $"{testCase.FullyQualifiedName} is no longer a [ModelTest] method of {Path.GetFileName(group.Key)}: rebuild and discover again.",
                    });
                }
            }
            Run(resolved, frameworkHandle, token);
        }
    }

    /// <summary>
    /// Stops the run: the case that is waiting ends as not passed (incomplete) within a second, as the
    /// core cancels the shared checker run once no case waits on it; the remaining cases are not run.
    /// </summary>
    public void Cancel()
    {
        lock (_gate) _cancellation.Cancel();
    }

    /// <summary>The VSTest cases of one source (empty when it does not reference Stateright.Testing); never runs the checker.</summary>
    private static IEnumerable<TestCase> Discover(string source, IMessageLogger? logger)
    {
        IReadOnlyList<ModelTestCase> cases;
        try { cases = ModelTestSource.Discover(source); }
        catch (Exception e)
        {
            logger?.SendMessage(TestMessageLevel.Warning, $"{AdapterConstants.DisplayName}: cannot list the model tests of {source}: {e.GetType().Name}: {e.Message}");
            return [];
        }
        return cases.Select(c => TestCaseFactory.Create(c, source));
    }

    private static ModelTestCase? Resolve(System.Reflection.Assembly assembly, TestCase testCase)
    {
        var type = testCase.GetPropertyValue(AdapterProperties.ManagedType) as string;
        var method = testCase.GetPropertyValue(AdapterProperties.ManagedMethod) as string;
        if (type is null || method is null) return null;
        return ModelTestSource.Resolve(assembly, type, method, testCase.GetPropertyValue(AdapterProperties.ModelProperty) as string);
    }

    /// <summary>
    /// Runs the cases one after the other: the first case of a method starts its checker run and the
    /// others find it finished in the core's cache, so a method is checked once however many of its
    /// cases were selected.
    /// </summary>
    private static void Run(IEnumerable<(TestCase TestCase, ModelTestCase ModelCase)> cases, IFrameworkHandle handle, CancellationToken token)
    {
        foreach (var (testCase, modelCase) in cases)
        {
            if (token.IsCancellationRequested) return;
            handle.RecordStart(testCase);
            var start = DateTimeOffset.Now;
            // The core's throttled progress lines go out as warning-level messages: VSTest's console logger
            // prints those as they arrive at its default (minimal) verbosity, informational ones only at
            // normal; MTP (through the bridge) prints both. The full list is in the result's output.
            var name = testCase.DisplayName;
            var progress = new ModelTestProgress(console: line => handle.SendMessage(TestMessageLevel.Warning, $"{name}: {line}"));
            var outcome = ModelTestRunner.RunAsync(modelCase, progress, token).GetAwaiter().GetResult();
            var result = ResultTranslator.Translate(testCase, modelCase, outcome, start, DateTimeOffset.Now);
            handle.RecordResult(result);
            handle.RecordEnd(testCase, result.Outcome);
        }
    }

    private CancellationToken StartRun()
    {
        lock (_gate)
        {
            // A cancelled run leaves its source cancelled; the executor instance may be reused.
            if (_cancellation.IsCancellationRequested)
            {
                _cancellation.Dispose();
                _cancellation = new CancellationTokenSource();
            }
            return _cancellation.Token;
        }
    }

    private static void LogLoadFailure(IMessageLogger logger, string source, Exception e) =>
        logger.SendMessage(TestMessageLevel.Error, $"{AdapterConstants.DisplayName}: cannot load {source}: {e.GetType().Name}: {e.Message}");
}
