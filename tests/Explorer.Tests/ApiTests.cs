using System.Net;
using System.Text.Json;

namespace Stateright.Explorer.Tests;

/// <summary>The JSON API v1 over a real server on a loopback ephemeral port (docs/explorer.md).</summary>
public class ApiTests
{
    [Fact]
    public async Task Status_names_the_model_and_engine_and_gives_counts_and_verdicts_with_discovery_links()
    {
        await using var explorer = await ExplorerClient.StartAsync(new CounterModel());
        Assert.Equal(IPAddress.Loopback.ToString(), explorer.Server.Address.Host);
        Assert.NotEqual(0, explorer.Server.Address.Port);

        var (code, status) = await explorer.GetAsync("api/v1/status");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(1, status.GetProperty("apiVersion").GetInt32());
        Assert.Equal("test model", status.GetProperty("model").GetString());
        Assert.Equal("BFS", status.GetProperty("engine").GetString());
        Assert.True(status.GetProperty("done").GetBoolean());
        Assert.True(status.GetProperty("uniqueStateCount").GetInt64() > 0);
        Assert.False(status.GetProperty("hasSequenceDiagram").GetBoolean());
        var properties = status.GetProperty("properties").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal("fails", properties["below two"].GetProperty("verdict").GetString());
        Assert.Equal("0/0/0", properties["below two"].GetProperty("discovery").GetProperty("indexPath").GetString());
        Assert.Equal("counterexample", properties["below two"].GetProperty("discovery").GetProperty("classification").GetString());
        Assert.Equal("holds", properties["reaches one"].GetProperty("verdict").GetString());
        Assert.Equal("0/0", properties["reaches one"].GetProperty("discovery").GetProperty("indexPath").GetString());
        var lasso = properties["reaches five"].GetProperty("discovery");
        Assert.Equal(JsonValueKind.Number, lasso.GetProperty("cycleStart").ValueKind);
    }

    [Fact]
    public async Task While_the_checker_runs_the_status_says_running_and_verdicts_are_pending()
    {
        var gate = new ManualResetEventSlim();
        var checker = new CounterModel().Checker().Threads(1).Visitor(_ => gate.Wait(TimeSpan.FromSeconds(20))).SpawnBfs();
        await using (var server = await checker.StartExplorerAsync())
        {
            using var http = new HttpClient { BaseAddress = server.Address };
            var status = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/status", UriKind.Relative))).RootElement;
            Assert.False(status.GetProperty("done").GetBoolean());
            Assert.Equal("Running", status.GetProperty("status").GetString());
            Assert.All(status.GetProperty("properties").EnumerateArray(), p => Assert.Equal("pending", p.GetProperty("verdict").GetString()));
        }
        gate.Set();
        await checker.JoinAsync();
    }

    [Fact]
    public async Task While_the_checker_runs_a_property_found_so_far_shows_its_verdict_and_its_link_comes_at_the_end()
    {
        // The search waits in the state X = 3, after the level where "below two" fails (X = 2).
        var gate = new ManualResetEventSlim();
        var reached = new ManualResetEventSlim();
        var checker = new CounterModel().Checker().Threads(1).Visitor(path =>
        {
            if (path.LastState.X != 3) return;
            reached.Set();
            gate.Wait(TimeSpan.FromSeconds(20));
        }).SpawnBfs();
        await using (var server = await checker.StartExplorerAsync())
        {
            Assert.True(reached.Wait(TimeSpan.FromSeconds(20)));
            using var http = new HttpClient { BaseAddress = server.Address };
            var status = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/status", UriKind.Relative))).RootElement;
            Assert.False(status.GetProperty("done").GetBoolean());
            var properties = status.GetProperty("properties").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
            Assert.Equal("fails", properties["below two"].GetProperty("verdict").GetString());
            Assert.Equal("counterexample found (its path when the run ends)", properties["below two"].GetProperty("summary").GetString());
            Assert.Equal(JsonValueKind.Null, properties["below two"].GetProperty("discovery").ValueKind);
            Assert.Equal("pending", properties["reaches five"].GetProperty("verdict").GetString());
            gate.Set();
            await checker.JoinAsync();
            status = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/status", UriKind.Relative))).RootElement;
            properties = status.GetProperty("properties").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
            Assert.Equal("0/0/0", properties["below two"].GetProperty("discovery").GetProperty("indexPath").GetString());
        }
        Assert.Equal(["below two", "reaches one", "reaches five"], checker.DiscoveredSoFar);
    }

    [Fact]
    public async Task The_empty_path_lists_the_initial_states()
    {
        await using var explorer = await ExplorerClient.StartAsync(new CounterModel());

        var (code, body) = await explorer.GetAsync("api/v1/states");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("state").ValueKind);
        Assert.Empty(body.GetProperty("path").EnumerateArray());
        var init = Assert.Single(body.GetProperty("next").EnumerateArray());
        Assert.Equal("0", init.GetProperty("indexPath").GetString());
        Assert.Equal("Counter { X = 0 }", init.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_state_comes_with_its_path_previous_state_property_values_and_next_steps()
    {
        await using var explorer = await ExplorerClient.StartAsync(new CounterModel());

        var (code, body) = await explorer.GetAsync("api/v1/states/0/0/0");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("0/0/0", body.GetProperty("indexPath").GetString());
        Assert.Equal(["0", "0/0", "0/0/0"], body.GetProperty("path").EnumerateArray().Select(s => s.GetProperty("indexPath").GetString()));
        Assert.Equal([null, "Increment", "Increment"], body.GetProperty("path").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        var state = body.GetProperty("state");
        Assert.Equal("Counter { X = 2 }", state.GetProperty("text").GetString());
        Assert.Equal("Counter { X = 1 }", state.GetProperty("previousText").GetString());
        var values = state.GetProperty("properties").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("holds").GetBoolean());
        Assert.False(values["below two"]);
        Assert.False(values["reaches one"]);
        var next = body.GetProperty("next").EnumerateArray().ToArray();
        Assert.Equal(["Increment", "Nothing", "Reset"], next.Select(n => n.GetProperty("action").GetString()));
        Assert.Equal([true, false, true], next.Select(n => n.GetProperty("changesState").GetBoolean()));
        Assert.Equal("0/0/0/0", next[0].GetProperty("indexPath").GetString());
        Assert.Equal("Counter { X = 3 }", next[0].GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, next[1].GetProperty("state").ValueKind);
        Assert.Equal(3, body.GetProperty("nextTotal").GetInt32());
    }

    [Fact]
    public async Task States_outside_the_boundary_are_marked()
    {
        await using var explorer = await ExplorerClient.StartAsync(new CounterModel());

        var (_, body) = await explorer.GetAsync("api/v1/states/0/0/0/0");

        Assert.False(body.GetProperty("next")[0].GetProperty("withinBoundary").GetBoolean());
    }

    [Fact]
    public async Task A_lasso_opens_with_its_cycle_marked()
    {
        await using var explorer = await ExplorerClient.StartAsync(new CounterModel());
        var (_, status) = await explorer.GetAsync("api/v1/status");
        var lasso = status.GetProperty("properties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "reaches five").GetProperty("discovery");
        var k = lasso.GetProperty("cycleStart").GetInt32();

        var (code, body) = await explorer.GetAsync($"api/v1/states/{lasso.GetProperty("indexPath").GetString()}?cycle={k}");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(k, body.GetProperty("cycleStart").GetInt32());
        var inCycle = body.GetProperty("path").EnumerateArray().Select(s => s.GetProperty("inCycle").GetBoolean()).ToArray();
        Assert.All(inCycle.Take(k + 1), Assert.False);
        Assert.All(inCycle.Skip(k + 1), Assert.True);
    }

    [Theory]
    [InlineData("api/v1/states/0/x", HttpStatusCode.BadRequest, "bad-path", "not an index path")]
    [InlineData("api/v1/states/0/0?cycle=5", HttpStatusCode.BadRequest, "bad-path", "cycle=5")]
    [InlineData("api/v1/states/0/7", HttpStatusCode.NotFound, "no-replay", "This path no longer replays: Step 1 of path 0/7 names action index 7")]
    [InlineData("api/v1/states/3", HttpStatusCode.NotFound, "no-replay", "No initial state has index 3")]
    [InlineData("api/v2/status", HttpStatusCode.NotFound, "not-found", "/api/v1/status")]
    public async Task Errors_are_json_with_a_message_for_a_person(string url, HttpStatusCode expected, string kind, string message)
    {
        await using var explorer = await ExplorerClient.StartAsync(new CounterModel());

        var (code, body) = await explorer.GetAsync(url);

        Assert.Equal(expected, code);
        Assert.Equal(kind, body.GetProperty("kind").GetString());
        Assert.Contains(message, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_throws_while_replaying_gives_a_500_naming_the_exception()
    {
        var checker = new ThrowingModel().Checker().Threads(1).SpawnBfs();
        await checker.JoinAsync().ContinueWith(_ => { }, TaskScheduler.Default);
        await using var server = await checker.StartExplorerAsync();
        using var http = new HttpClient { BaseAddress = server.Address };

        using var response = await http.GetAsync(new Uri("api/v1/states/0/0", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("InvalidOperationException: boom", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actor_models_give_a_sequence_diagram_and_step_outputs()
    {
        await using var explorer = await ExplorerClient.StartAsync(Stateright.Examples.SingleCopyRegister.Model(clientCount: 2, serverCount: 1));
        var (_, status) = await explorer.GetAsync("api/v1/status");
        Assert.True(status.GetProperty("hasSequenceDiagram").GetBoolean());

        var (_, body) = await explorer.GetAsync("api/v1/states/0/0");

        Assert.StartsWith("sequenceDiagram", body.GetProperty("sequenceDiagram").GetString(), StringComparison.Ordinal);
        Assert.Contains("out: send", body.GetProperty("state").GetProperty("transition").GetString(), StringComparison.Ordinal);
        Assert.Contains("out: send", body.GetProperty("next")[0].GetProperty("step").GetString(), StringComparison.Ordinal);
    }
}
