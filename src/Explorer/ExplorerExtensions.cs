using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Stateright.Explorer.Api;

namespace Stateright.Explorer;

/// <summary>Starts the Explorer for a checker: <c>await model.Checker().StartExplorerAsync()</c>.</summary>
public static class ExplorerExtensions
{
    /// <summary>
    /// Spawns a BFS checker from <paramref name="builder"/> (so discoveries are shortest paths) and serves the
    /// Explorer for it. Returns once the server listens; disposing the result stops the server and the checker.
    /// </summary>
    /// <exception cref="IOException">The port is taken (the message says which).</exception>
    public static Task<ExplorerServer> StartExplorerAsync<TState, TAction>(this CheckerBuilder<TState, TAction> builder,
        ExplorerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return StartAsync(builder.SpawnBfs(), options ?? new ExplorerOptions(), ownsChecker: true, cancellationToken);
    }

    /// <summary>
    /// Serves the Explorer for a checker already running (any engine). Disposing the result stops the
    /// server only; the checker is yours.
    /// </summary>
    /// <exception cref="IOException">The port is taken (the message says which).</exception>
    public static Task<ExplorerServer> StartExplorerAsync<TState, TAction>(this Checker<TState, TAction> checker,
        ExplorerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checker);
        return StartAsync(checker, options ?? new ExplorerOptions(), ownsChecker: false, cancellationToken);
    }

    private static async Task<ExplorerServer> StartAsync<TState, TAction>(Checker<TState, TAction> checker, ExplorerOptions options,
        bool ownsChecker, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxActionsShown, 1);
        var session = new ExplorerSession<TState, TAction>(checker, options);
        // An empty builder: no configuration files, environment URLs or console logging leak into a test run.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(options.Address, options.Port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        ExplorerEndpoints.Map(app, session);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            if (ownsChecker) checker.Stop();
            throw new IOException($"The Explorer could not listen on {options.Address}:{options.Port}: {e.Message}", e);
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"http://{options.Address}:{options.Port}";
        var address = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        return new ExplorerServer(app, address, ownsChecker ? checker.Stop : null);
    }
}
