using System.Net;
using System.Text.Json;

namespace Stateright.Explorer.Tests;

/// <summary>An Explorer started for a test on a loopback ephemeral port, and an HttpClient pointed at it.</summary>
public sealed class ExplorerClient : IAsyncDisposable
{
    private ExplorerClient(ExplorerServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public ExplorerServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<ExplorerClient> StartAsync<TState, TAction>(Model<TState, TAction> model, bool waitUntilDone = true)
    {
        var checker = model.Checker().Threads(1).SpawnBfs();
        if (waitUntilDone) await checker.JoinAsync().ConfigureAwait(false);
        var server = await checker.StartExplorerAsync(new ExplorerOptions { ModelName = "test model" }).ConfigureAwait(false);
        return new ExplorerClient(server);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string relative)
    {
        using var response = await Http.GetAsync(new Uri(relative, UriKind.Relative)).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync().ConfigureAwait(false);
    }
}
