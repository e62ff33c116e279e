using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Stateright.Distributed;

namespace Stateright.Examples.Cli;

/// <summary>
/// The <c>distributed</c> mode: starts <c>--silos</c> silo processes of this program on 127.0.0.1 (free ports,
/// the first one the primary of development clustering), waits for them to join, checks the model across them
/// with <see cref="DistributedChecking.SpawnDistributedAsync"/> from a client in this process, prints the
/// one-machine report (states, unique, depth, discoveries) and per-silo figures (peak working set, processor time,
/// partitions), and kills the silos whatever
/// happens (success, failure, exception, Ctrl+C or SIGTERM).
/// </summary>
public static class DistributedMode
{
    /// <summary>The default of <c>--silos</c>.</summary>
    public const int DefaultSilos = 3;

    /// <summary>The most silos <c>--silos</c> accepts.</summary>
    public const int MaxSilos = 64;

    /// <summary>The Orleans service id of the examples' clusters.</summary>
    public const string ServiceId = "stateright-examples";

    /// <summary>The cluster id of a silo started by hand without <c>--cluster-id</c>.</summary>
    public const string DefaultClusterId = "stateright-examples";

    /// <summary>How long the silos may take to start and join (a loaded 2-core machine starts three in about 10 s).</summary>
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Orleans' response timeout on silos and client: a level is one grain call, and 2pc 8's longest levels take minutes on one silo.</summary>
    public static readonly TimeSpan LevelTimeout = TimeSpan.FromHours(1);

    /// <summary>The usage line of the examples that can be checked distributed.</summary>
    public const string Usage = "distributed [same arguments as check] [--silos N=3]   BFS across N silo processes on 127.0.0.1 (Orleans, development clustering)";

    /// <summary>Orleans' console logging at warnings and above, one line each.</summary>
    public static void QuietLogging(ILoggingBuilder logging) =>
        logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);

    /// <summary>
    /// Runs the <c>distributed</c> mode, or the <c>silo</c> mode (<see cref="SiloMode"/>); <paramref name="model"/>
    /// (the builder's) is registered and checked under <paramref name="modelName"/>, with <paramref name="codec"/> (null: <see cref="StateCodecs.Default{TState}"/>).
    /// Returns 0, or 1 when the silos did not come up or the run faulted.
    /// </summary>
    public static int Run<TState, TAction>(Model<TState, TAction> model, CheckerBuilder<TState, TAction> builder, IStateCodec<TState>? codec, CommandLine command, TextWriter output, string modelName)
    {
        if (command.Mode == "silo") return SiloMode.Run(model, codec, command, output, modelName);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(command.Stop);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            return RunAsync(builder, codec, command with { Stop = stop.Token }, output, modelName).GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> RunAsync<TState, TAction>(CheckerBuilder<TState, TAction> builder, IStateCodec<TState>? codec, CommandLine command, TextWriter output, string modelName)
    {
        var clusterId = $"check-{Guid.NewGuid():N}"[..18];
        var ports = SiloProcess.FreePorts(2 * command.Silos);
        string[] siloArguments = [command.Example, "silo", .. command.Positional];
        var silos = new List<SiloProcess>();
        var clock = Stopwatch.StartNew();
        try
        {
            output.WriteLine($"Starting {command.Silos} silo{(command.Silos == 1 ? "" : "s")} on 127.0.0.1 (cluster {clusterId}).");
            output.Flush();
            // The primary first: it holds the membership table the others join through.
            silos.Add(SiloProcess.Start(1, siloArguments, ports[0], ports[1], 0, clusterId));
            await WhenReady(silos, command.Stop).ConfigureAwait(false);
            for (var i = 1; i < command.Silos; i++)
                silos.Add(SiloProcess.Start(i + 1, siloArguments, ports[2 * i], ports[2 * i + 1], ports[0], clusterId));
            await WhenReady(silos, command.Stop).ConfigureAwait(false);

            using var client = new HostBuilder()
                .UseOrleansClient(c =>
                {
                    c.UseLocalhostClustering([.. silos.Select(s => s.GatewayPort)], ServiceId, clusterId);
                    c.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = LevelTimeout);
                })
                .ConfigureLogging(QuietLogging)
                .Build();
            await client.StartAsync(command.Stop).ConfigureAwait(false);
            var cluster = client.Services.GetRequiredService<IClusterClient>();
            await WhenJoined(cluster, silos, command.Stop).ConfigureAwait(false);
            output.WriteLine($"{command.Silos} silo{(command.Silos == 1 ? "" : "s")} up in {clock.Elapsed.TotalSeconds:0.0}s. Checking \"{modelName}\" by BFS across them.");
            output.Flush();

            using var watching = CancellationTokenSource.CreateLinkedTokenSource(command.Stop);
            var partitions = WatchPartitions(cluster, silos, watching.Token);
            var progress = new ProgressLines(output, TimeSpan.FromSeconds(5));
            var result = await builder.WithCancellation(command.Stop)
                .SpawnDistributedAsync(cluster, modelName, new DistributedOptions { Progress = progress }, codec).ConfigureAwait(false);
            await watching.CancelAsync().ConfigureAwait(false);
            var partitionsPerSilo = await partitions.ConfigureAwait(false);

            WriteReport(result, output);
            var rate = result.Elapsed.TotalSeconds > 0 ? result.StateCount / result.Elapsed.TotalSeconds : 0;
            output.WriteLine($"{result.Report()} {rate.ToString("N0", CultureInfo.InvariantCulture)} states/s.");
            foreach (var silo in silos)
            {
                var peak = silo.PeakWorkingSet() is { } bytes ? $"{bytes / (1024.0 * 1024):0} MB" : "unknown (exited)";
                var cpu = silo.ProcessorTime() is { } time ? $"{time.TotalSeconds:0.0}s" : "unknown (exited)";
                output.WriteLine($"  {silo}: peak working set {peak}, processor time {cpu}, {partitionsPerSilo.GetValueOrDefault(silo.SiloPort)} partitions");
            }
            await StopQuietly(client).ConfigureAwait(false);
            return result.Error is null && result.Status != CheckerStatus.Cancelled ? 0 : 1;
        }
        catch (OperationCanceledException) when (command.Stop.IsCancellationRequested)
        {
            output.WriteLine("Cancelled.");
            return 1;
        }
        catch (SiloStartupException e)
        {
            output.WriteLine($"Error: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The client could not connect, the cluster failed outside the run: the silos' output says why.
            output.WriteLine($"Error: {e.GetType().Name}: {e.Message}");
            foreach (var silo in silos) output.WriteLine($"{silo}, its last output:\n{SiloStartupException.Indent(silo.CapturedOutput())}");
            return 1;
        }
        finally
        {
            foreach (var silo in silos) silo.Dispose();
            output.Flush();
        }
    }

    /// <summary>The one-machine checker's summary (<c>Done. states=…</c>), discoveries and error, for the distributed result.</summary>
    private static void WriteReport<TState, TAction>(DistributedResult<TState, TAction> result, TextWriter output)
    {
        output.Write($"Done. states={result.StateCount}, unique={result.UniqueStateCount}, depth={result.MaxDepth}, sec={(long)result.Elapsed.TotalSeconds}\n");
        foreach (var property in result.Model.Properties)
        {
            if (!result.Discoveries.TryGetValue(property.Name, out var path)) continue;
            output.Write($"Discovered \"{property.Name}\" {property.Expectation.Classify().ToReportWord()} {path.ToString(result.Model)}");
            output.Write($"Action index path: {path.Encode()}\n");
        }
        if (result.Error is not null) output.Write($"Error: {result.Error.Message}\n");
        else if (!result.IsComplete) output.Write($"Incomplete: {result.Status}.\n");
    }

    /// <summary>Waits until every silo has printed its ready line; fails naming the first that exited or did not come up in time.</summary>
    private static async Task WhenReady(IReadOnlyList<SiloProcess> silos, CancellationToken stop)
    {
        foreach (var silo in silos)
        {
            try
            {
                await silo.Ready.WaitAsync(StartupTimeout, stop).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new SiloStartupException(silo, $"did not come up within {StartupTimeout.TotalSeconds:0}s");
            }
            catch (InvalidOperationException e)
            {
                throw new SiloStartupException(silo, e.Message);
            }
        }
    }

    /// <summary>Waits until the management grain lists every silo as active.</summary>
    private static async Task WhenJoined(IClusterClient cluster, IReadOnlyList<SiloProcess> silos, CancellationToken stop)
    {
        var deadline = Stopwatch.StartNew();
        var management = cluster.GetGrain<IManagementGrain>(0);
        while (true)
        {
            var active = (await management.GetHosts(onlyActive: true).WaitAsync(stop).ConfigureAwait(false)).Keys.Select(a => a.Endpoint.Port).ToHashSet();
            var missing = silos.FirstOrDefault(s => !active.Contains(s.SiloPort));
            if (missing is null) return;
            if (deadline.Elapsed > StartupTimeout) throw new SiloStartupException(missing, $"is not an active member of the cluster after {StartupTimeout.TotalSeconds:0}s");
            if (!missing.IsRunning) throw new SiloStartupException(missing, "exited before it joined the cluster");
            await Task.Delay(TimeSpan.FromMilliseconds(200), stop).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Polls the management grain while the run lasts (the run releases its grains at the end): the most partition
    /// grains seen on each silo, by silo port.
    /// </summary>
    private static async Task<Dictionary<int, int>> WatchPartitions(IClusterClient cluster, IReadOnlyList<SiloProcess> silos, CancellationToken stop)
    {
        var most = silos.ToDictionary(s => s.SiloPort, _ => 0);
        var management = cluster.GetGrain<IManagementGrain>(0);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var statistics = await management.GetDetailedGrainStatistics().WaitAsync(stop).ConfigureAwait(false);
                foreach (var silo in statistics.Where(s => s.GrainType.Contains("PartitionGrain", StringComparison.Ordinal)).GroupBy(s => s.SiloAddress.Endpoint.Port))
                    most[silo.Key] = Math.Max(most.GetValueOrDefault(silo.Key), silo.Count());
                await Task.Delay(TimeSpan.FromMilliseconds(500), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                break; // figures only: a cluster that fails is the run's to report
            }
        }
        return most;
    }

    private static async Task StopQuietly(IHost client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await client.StopAsync(timeout.Token).ConfigureAwait(false); }
        catch (Exception e) when (e is not OutOfMemoryException) { /* the silos are killed next anyway */ }
    }
}

/// <summary>A silo of the <c>distributed</c> mode that exited or did not join in time; the message has its captured output.</summary>
public sealed class SiloStartupException(SiloProcess silo, string what)
    : Exception($"{silo} {what}. Its output:\n{Indent(silo.CapturedOutput())}")
{
    /// <summary>The text indented by two spaces, or <c>(nothing)</c>.</summary>
    internal static string Indent(string text) => text.Length == 0 ? "  (nothing)" : "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);
}

/// <summary>Prints a distributed run's progress (counts, and what each silo holds) at most once per interval.</summary>
internal sealed class ProgressLines(TextWriter output, TimeSpan interval) : IProgress<DistributedProgress>
{
    private TimeSpan _last;

    public void Report(DistributedProgress value)
    {
        if (value.Elapsed - _last < interval) return;
        _last = value.Elapsed;
        output.WriteLine(value.ToString());
        output.Flush();
    }
}
