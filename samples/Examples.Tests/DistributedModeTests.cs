using System.Diagnostics;
using System.Text.RegularExpressions;
using Orleans.Runtime.Placement;
using Stateright.Examples.Cli;
using Xunit.Abstractions;

namespace Stateright.Examples.Tests;

public class DistributedModeTests
{
    [Theory]
    [InlineData("2pc")]
    [InlineData("paxos")]
    public void The_distributed_examples_offer_distributed_and_silo(string example)
    {
        var (code, output, _) = CommandLineTests.Run(example, "--help");
        Assert.Equal(0, code);
        Assert.Contains($"{example} distributed [same arguments as check] [--silos N=3]", output);
        Assert.Contains($"{example} silo [same arguments as check] --silo-port P --gateway-port G", output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("three")]
    public void Silos_must_be_a_small_positive_count(string silos)
    {
        var (code, _, error) = CommandLineTests.Run("2pc", "distributed", "3", "--silos", silos);
        Assert.Equal(2, code);
        Assert.Contains("--silos", error);
    }

    [Fact]
    public void A_silo_needs_its_ports()
    {
        var (code, _, error) = CommandLineTests.Run("2pc", "silo", "3", "--silo-port", "11111");
        Assert.Equal(2, code);
        Assert.Contains("A silo needs --silo-port and --gateway-port.", error);
    }

    [Fact]
    public void Examples_without_a_distributed_mode_refuse_it()
    {
        var (code, _, error) = CommandLineTests.Run("increment", "distributed", "2");
        Assert.Equal(2, code);
        Assert.Contains("Unknown mode 'distributed'", error);
    }

    [Fact]
    public async Task Partitions_go_round_the_silos_in_address_order_and_other_grains_stay_local()
    {
        var silos = new[] { 30002, 30000, 30001 }.Select(port => SiloAddress.New(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port), 1)).ToArray();
        var context = new FakePlacementContext(silos, local: silos[0]);
        var director = new PartitionPlacementDirector();
        var run = Guid.NewGuid().ToString("N");
        var placed = new List<int>();
        for (var i = 0; i < 6; i++)
            placed.Add((await director.OnAddActivation(new PartitionPlacement(), Target($"{run}/{i}"), context)).Endpoint.Port);
        Assert.Equal([30000, 30001, 30002, 30000, 30001, 30002], placed);
        Assert.Equal(silos[0], await director.OnAddActivation(new PartitionPlacement(), Target(run), context));
    }

    private static PlacementTarget Target(string key) =>
        new(GrainId.Create("partition", key), new Dictionary<string, object>(), default, 0);

    private sealed class FakePlacementContext(SiloAddress[] silos, SiloAddress local) : IPlacementContext
    {
        public SiloAddress LocalSilo => local;
        public SiloStatus LocalSiloStatus => SiloStatus.Active;
        public SiloAddress[] GetCompatibleSilos(PlacementTarget target) => silos;
        public IReadOnlyDictionary<ushort, SiloAddress[]> GetCompatibleSilosWithVersions(PlacementTarget target) => new Dictionary<ushort, SiloAddress[]> { [0] = silos };
    }
}

/// <summary>
/// The distributed mode end to end: the examples' program as a child process starts its silos as grandchildren,
/// checks a model across them, and leaves none running. Several .NET processes start: tens of seconds on a loaded
/// machine. Paxos's actor states carry their type names, resolved by the receiving silo: the only test of that
/// across processes (tests/Distributed.Tests run their silos in one process).
/// </summary>
public class DistributedModeEndToEndTests(ITestOutputHelper log)
{
    [Theory]
    [Trait("Category", "Parity")]
    [InlineData("2pc", "3")]
    [InlineData("paxos", "1")]
    public void A_distributed_check_prints_the_one_machine_bfs_report_and_stops_its_silos(string example, string size)
    {
        var (code, output) = RunChild([example, "distributed", size, "--silos", "2"], TimeSpan.FromMinutes(5));
        log.WriteLine(output);
        Assert.Equal(0, code);

        var (bfsCode, bfs, _) = CommandLineTests.Run(example, "check-bfs", size);
        Assert.Equal(0, bfsCode);
        Assert.Equal(ReportLine(bfs), ReportLine(output));
        Assert.Equal(Discoveries(bfs), Discoveries(output));

        var pids = Regex.Matches(output, @"silo \d \(pid (\d+),").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, pids.Count);
        Assert.Contains(" 2 partitions", output);
        Assert.All(pids, pid => Assert.False(SiloProcess.IsAlive(pid), $"silo process {pid} is still running"));
    }

    /// <summary>The one-machine report line without its seconds: <c>Done. states=…, unique=…, depth=…</c>.</summary>
    private static string ReportLine(string output) =>
        Regex.Match(output, @"^Done\. states=\d+, unique=\d+, depth=\d+", RegexOptions.Multiline) is { Success: true } m ? m.Value : $"(no report line in:\n{output})";

    /// <summary>Each discovery's property and index path, in property order.</summary>
    private static string[] Discoveries(string output) =>
        [.. Regex.Matches(output, "^(Discovered \"[^\"]+\" \\w+|Action index path: .*)$", RegexOptions.Multiline).Select(m => m.Value.TrimEnd()).Order(StringComparer.Ordinal)];

    private static (int Code, string Output) RunChild(IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(ExampleRegistry).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"dotnet {string.Join(' ', start.ArgumentList)} did not finish within {timeout}:\n{stdout.Result}\n{stderr.Result}");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
