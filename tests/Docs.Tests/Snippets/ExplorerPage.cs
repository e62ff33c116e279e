// docs/explorer.md "From code": the Explorer on the seed chapter's register model (samples/GettingStarted).
using GettingStarted;
using Stateright;
using Stateright.Explorer;

namespace Docs.ExplorerPage;

public static class FromCode
{
    public static async Task Serve(CancellationToken cancellationToken)
    {
        #region explorer-from-code
        var model = RegisterSystem.Model();

        // A BFS checker runs in the background; the server listens on 127.0.0.1 and a free port.
        await using var explorer = await model.Checker().Threads(2).StartExplorerAsync();
        Console.WriteLine($"Explorer at {explorer.Address}");   // e.g. http://127.0.0.1:41234/

        // Serve until cancelled (or, with no token, until Ctrl+C / SIGTERM); disposing stops the server and the checker.
        await explorer.WaitForShutdownAsync(cancellationToken);
        #endregion
    }

    public static async Task Options(Checker<int, int> checker)
    {
        #region explorer-options
        // A checker you already started (any engine), a chosen port and a name for the page:
        await using var explorer = await checker.StartExplorerAsync(new ExplorerOptions { Port = 3000, ModelName = "my protocol" });
        #endregion
    }
}
