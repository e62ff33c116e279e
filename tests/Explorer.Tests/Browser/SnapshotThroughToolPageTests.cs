using System.Diagnostics;
using System.Runtime.CompilerServices;
using GettingStarted;
using Stateright.Testing;
using static Microsoft.Playwright.Assertions;

namespace Stateright.Explorer.Tests.Browser;

/// <summary>The seed chapter's model test, here for <c>stateright explore</c> to find (no front end runs [ModelTest] in this project).</summary>
public static class SeedSnapshots
{
    [ModelTest]
    public static IModel SingleServer() => RegisterSystem.Model();
}

/// <summary>
/// <c>stateright explore SNAPSHOT --assembly DLL</c> as a user runs it (the tool's own process, built beside
/// this assembly), on the seed chapter's verified <c>linearizable</c> snapshot: the page opens at the
/// snapshot's last state, where the property fails, and the path is the snapshot's.
/// </summary>
[Trait("Category", "EndToEnd")]
public class SnapshotThroughToolPageTests
{
    [BrowserFact]
    public async Task A_snapshot_opens_at_its_counterexample_s_last_state()
    {
        var folder = Directory.CreateTempSubdirectory("stateright-explore-");
        try
        {
            var snapshot = Path.Combine(folder.FullName, "SeedSnapshots.SingleServer.linearizable.verified.txt");
            File.Copy(SeedSnapshot(), snapshot);
            var indexPath = File.ReadLines(snapshot).Select(l => l.Trim()).First(l => l.StartsWith("Index path: ", StringComparison.Ordinal))["Index path: ".Length..];

            using var tool = StartTool(snapshot);
            try
            {
                var page = await AddressAsync(tool);
                Assert.Equal("#/" + indexPath, page.Fragment);

                await using var browser = await BrowserSession.StartAsync();
                await browser.Page.GotoAsync(page.ToString());
                await SeedModelPageTests.WaitForHashAsync(browser.Page, "#/" + indexPath);
                await Expect(browser.Page.Locator("#path li")).ToHaveCountAsync(indexPath.Split('/').Length);
                var linearizable = browser.Page.Locator("#state-properties li[data-property='linearizable']");
                await Expect(linearizable).ToHaveClassAsync("fails");
                await browser.ScreenshotAsync("explorer-snapshot");
            }
            finally
            {
                tool.Kill(entireProcessTree: true);
                await tool.WaitForExitAsync();
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The verified snapshot of samples/GettingStarted.Tests, from the repository.</summary>
    private static string SeedSnapshot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "../../../samples/GettingStarted.Tests/RegisterModelTests.SingleServer.linearizable.verified.txt"));

    private static Process StartTool(string snapshot)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "stateright.dll"), "explore", snapshot, "--assembly", typeof(SeedSnapshots).Assembly.Location, "--threads", "1" })
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    /// <summary>The page's address, from the line the tool prints once it serves.</summary>
    private static async Task<Uri> AddressAsync(Process tool)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await tool.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var start = line.IndexOf("http://", StringComparison.Ordinal);
            if (start >= 0) return new Uri(line[start..].Split(' ')[0]);
        }
        throw new InvalidOperationException($"stateright explore exited ({tool.ExitCode}) without an address: {await tool.StandardError.ReadToEndAsync()}");
    }
}
