using System.Text.Json;
using Stateright.Examples.Cli;

namespace Stateright.Explorer.Tests;

/// <summary>The examples' <c>explore</c> mode: the command line serves the Explorer until stopped.</summary>
public class ExploreModeTests
{
    [Fact]
    public async Task Explore_serves_the_example_and_stops_on_request()
    {
        using var stop = new CancellationTokenSource();
        var command = CommandLine.Parse(["2pc", "explore", "2", "--port", "0", "--threads", "1"], out var error)! with { Stop = stop.Token };
        Assert.Null(error);
        var output = new AddressWriter();
        var example = ExampleRegistry.All.Single(e => e.Name == "2pc");
        var run = Task.Run(() => example.Run(command, output));

        var address = await output.Address.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using (var http = new HttpClient { BaseAddress = address })
        {
            var status = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/status", UriKind.Relative))).RootElement;
            Assert.Equal("2pc 2", status.GetProperty("model").GetString());
            Assert.Equal("BFS", status.GetProperty("engine").GetString());
        }
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Every_example_lists_explore_in_its_usage()
    {
        using var output = new StringWriter();
        Assert.Equal(0, ExampleRegistry.Run(["--help"], output, TextWriter.Null));
        foreach (var example in ExampleRegistry.All)
            Assert.Contains($"{example.Name} explore [same arguments as check] [--port P=3000]", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Collects the output and picks the Explorer's address out of it.</summary>
    private sealed class AddressWriter : StringWriter
    {
        public TaskCompletionSource<Uri> Address { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            var start = value?.IndexOf("http://", StringComparison.Ordinal) ?? -1;
            if (start >= 0) Address.TrySetResult(new Uri(value![start..].Split(' ')[0]));
        }
    }
}
