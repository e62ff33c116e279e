using System.Reflection;
using Stateright.Explorer;

namespace Stateright.Testing.Tool;

/// <summary>
/// <c>stateright explore</c>: loads a built test assembly, finds a model test method by name or by one of
/// its snapshots (the discovery the test front ends use), builds its model and serves it in the Explorer,
/// opened at the snapshot's last state, until Ctrl+C.
/// </summary>
internal static class ExploreCommand
{
    /// <summary>Runs the command; <paramref name="stop"/> stops the server (else Ctrl+C / SIGTERM does).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken stop = default)
    {
        var arguments = ExploreArguments.Parse(args);
        var assembly = TestAssemblyLoadContext.LoadTestAssembly(arguments.Assembly);
        try
        {
            return RunAsync(arguments, assembly, output, stop).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ModelTestConfigurationException or FormatException or PathReconstructionException or FileNotFoundException)
        {
            error.WriteLine($"stateright: {e.Message}");
            return StaterightTool.Failure;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            error.WriteLine($"stateright: building the model threw {inner.GetType().FullName}: {inner.Message}\n{inner.StackTrace}");
            return StaterightTool.Failure;
        }
    }

    private static async Task<int> RunAsync(ExploreArguments arguments, Assembly assembly, TextWriter output, CancellationToken stop)
    {
        ModelMethod method;
        string name;
        string? snapshot = null;
        if (arguments.IsSnapshot)
        {
            snapshot = Path.GetFullPath(arguments.Target);
            if (!File.Exists(snapshot)) throw new FileNotFoundException($"No such snapshot file: {arguments.Target}", snapshot);
            (method, var property) = ModelTestLookup.FindBySnapshot(assembly, snapshot);
            name = $"{method.TestClass.Name}.{method.Method.Name}, \"{property}\"";
        }
        else
        {
            method = ModelTestLookup.Find(assembly, arguments.Target);
            name = $"{method.TestClass.Name}.{method.Method.Name}";
        }
        var model = method.BuildModel();
        var threads = arguments.Threads > 0 ? arguments.Threads : Environment.ProcessorCount;
        var options = new ExplorerOptions { Port = arguments.Port, ModelName = name };
        var started = await ModelExplorer.StartAsync(model, snapshot, arguments.IndexPath, options, threads).ConfigureAwait(false);
        await using (started.Server.ConfigureAwait(false))
        {
            var what = snapshot is not null ? "its snapshot's last state" : arguments.IndexPath is not null ? "the state at " + arguments.IndexPath : "its initial states";
            output.WriteLine($"Exploring {name} at {what}: open {started.Page} in a browser. Ctrl+C stops.");
            output.Flush();
            await started.Server.WaitForShutdownAsync(stop).ConfigureAwait(false);
        }
        return StaterightTool.Success;
    }
}
