using System.Text.Json;

namespace Stateright.Testing.Tool.Tests;

/// <summary><c>stateright explore</c>: a model test's model or snapshot served in the Explorer until stopped.</summary>
public class ExploreTests
{
    private static readonly string s_thisAssembly = typeof(ExploreTests).Assembly.Location;

    [Fact]
    public async Task A_snapshot_opens_at_its_last_state()
    {
        using var tree = new SnapshotTree();
        var snapshot = tree.Write("ExploreSamples.Tally.below two.received.txt", "Property \"below two\" (Always): counterexample in 2 steps:\nIndex path: 0/0/0\n");

        var (page, status) = await ExploreAsync(snapshot, "--assembly", s_thisAssembly);

        Assert.Equal("#/0/0/0", page.Fragment);
        Assert.Equal("ExploreSamples.Tally, \"below two\"", status.GetProperty("model").GetString());
    }

    [Fact]
    public async Task A_method_opens_at_its_initial_states_or_a_path()
    {
        var (page, _) = await ExploreAsync("ExploreSamples.Tally", "--assembly", s_thisAssembly);
        Assert.Equal("", page.Fragment);

        (page, _) = await ExploreAsync("ExploreSamples.Tally", "--path", "0/0", "--assembly", s_thisAssembly);
        Assert.Equal("#/0/0", page.Fragment);
    }

    [Fact]
    public void An_unknown_method_lists_the_model_tests()
    {
        var (code, _, error) = SnapshotTree.Run("explore", "ExploreSamples.Nope", "--assembly", s_thisAssembly);

        Assert.Equal(1, code);
        Assert.Contains("no model test method ExploreSamples.Nope", error, StringComparison.Ordinal);
        Assert.Contains("ExploreSamples.Tally", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_that_does_not_replay_is_reported()
    {
        var (code, _, error) = SnapshotTree.Run("explore", "ExploreSamples.Tally", "--path", "0/5", "--assembly", s_thisAssembly);

        Assert.Equal(1, code);
        Assert.StartsWith("stateright: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "explore", "--assembly", "x.dll" }, "needs a snapshot file")]
    [InlineData(new[] { "explore", "A.B" }, "needs --assembly")]
    [InlineData(new[] { "explore", "A.B", "--assembly", "x.dll", "--port", "http" }, "takes a number")]
    [InlineData(new[] { "explore", "a.received.txt", "--path", "0", "--assembly", "x.dll" }, "--path is for Class.Method")]
    public void Bad_usage_says_why(string[] args, string message)
    {
        var (code, _, error) = SnapshotTree.Run(args);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    /// <summary>Runs the command until it prints the page's address, reads the status, then stops it.</summary>
    private static async Task<(Uri Page, JsonElement Status)> ExploreAsync(params string[] args)
    {
        using var stop = new CancellationTokenSource();
        var output = new AddressWriter();
        using var error = new StringWriter();
        var run = Task.Run(() => StaterightTool.Run(["explore", .. args, "--threads", "1"], output, error, stop.Token));
        var page = await Task.WhenAny(output.Address.Task, run).WaitAsync(TimeSpan.FromSeconds(60)) == run
            ? throw new InvalidOperationException($"explore exited with {run.Result}: {error}")
            : await output.Address.Task;
        using var http = new HttpClient { BaseAddress = page };
        var status = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/status", UriKind.Relative))).RootElement.Clone();
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        return (page, status);
    }

    /// <summary>Collects the output and picks the page's address out of it.</summary>
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
