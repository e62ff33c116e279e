using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Stateright.Distributed;

namespace Stateright.Examples.Cli;

/// <summary>
/// The <c>silo</c> mode: one Orleans silo on 127.0.0.1 with development clustering (the primary silo keeps the
/// membership table; no outside service), the example's model registered for distributed checking under its
/// command-line name (e.g. <c>2pc 8</c>). The <c>distributed</c> mode starts these (<see cref="DistributedMode"/>);
/// it runs until Ctrl+C, SIGTERM or the command's <see cref="CommandLine.Stop"/>, and ends its process at once when the
/// process named by <c>--parent</c> has exited.
/// </summary>
public static class SiloMode
{
    /// <summary>The line a silo prints once it has joined the cluster; the distributed mode waits for it.</summary>
    public const string ReadyLine = "Silo ready.";

    /// <summary>The usage line of the examples that can be checked distributed.</summary>
    public const string Usage = "silo [same arguments as check] --silo-port P --gateway-port G [--primary-port P0] [--cluster-id ID] [--parent PID]   one silo of a distributed check (distributed starts these)";

    /// <summary>Runs the silo until stopped; returns 0.</summary>
    /// <exception cref="UsageException">The silo or gateway port is missing.</exception>
    public static int Run<TState, TAction>(Model<TState, TAction> model, IStateCodec<TState>? codec, CommandLine command, TextWriter output, string modelName)
    {
        var options = command.Silo;
        if (options.SiloPort == 0 || options.GatewayPort == 0) throw new UsageException("A silo needs --silo-port and --gateway-port.");
        RunAsync(model, codec, command, output, modelName).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task RunAsync<TState, TAction>(Model<TState, TAction> model, IStateCodec<TState>? codec, CommandLine command, TextWriter output, string modelName)
    {
        var options = command.Silo;
        var primary = options.PrimaryPort == 0 ? null : new IPEndPoint(IPAddress.Loopback, options.PrimaryPort);
        using var host = new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, primary, DistributedMode.ServiceId, options.ClusterId);
                silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = DistributedMode.LevelTimeout);
                silo.Services.AddStaterightModels(models => models.Add(modelName, model, codec));
                // Partitions spread evenly over the silos (Orleans' default placement kept them on the coordinator's).
                silo.AddPlacementDirector<PartitionPlacement, PartitionPlacementDirector>();
                silo.Services.AddSingleton<PlacementStrategy, PartitionPlacement>();
            })
            .ConfigureLogging(DistributedMode.QuietLogging)
            .Build();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(command.Stop);
        var watch = options.Parent is { } parent ? WatchParent(parent, output, stop.Token) : Task.CompletedTask;
        await host.StartAsync(stop.Token).ConfigureAwait(false);
        output.WriteLine($"{ReadyLine} \"{modelName}\" on 127.0.0.1:{options.SiloPort} (gateway {options.GatewayPort}{(primary is null ? ", primary" : $", primary {primary}")}, cluster {options.ClusterId}).");
        output.Flush();
        await host.WaitForShutdownAsync(stop.Token).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await watch.ConfigureAwait(false);
    }

    /// <summary>
    /// Ends this process at once when the process <paramref name="pid"/> has exited (polled: it need not be this
    /// process's parent in the OS's sense): a silo whose distributed run is gone (killed, crashed) has nothing to
    /// finish, and a graceful Orleans shutdown would wait seconds for silos that are gone too.
    /// </summary>
    private static async Task WatchParent(int pid, TextWriter output, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (!SiloProcess.IsAlive(pid))
            {
                output.WriteLine($"The process that started this silo ({pid}) has exited: stopping.");
                output.Flush();
                Environment.Exit(3);
            }
            try { await Task.Delay(TimeSpan.FromMilliseconds(250), stop).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }
}
