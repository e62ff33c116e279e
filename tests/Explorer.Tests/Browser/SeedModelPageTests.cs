using GettingStarted;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Stateright.Explorer.Tests.Browser;

/// <summary>
/// The page in a real headless Chromium, on the seed chapter's model (samples/GettingStarted): the
/// <c>linearizable</c> counterexample opened from its discovery link, stepped with the keyboard, the
/// highlighted change, the per-state property values, the sequence diagram and a deep link. Each test
/// starts its own Explorer on a loopback ephemeral port. The screenshots are docs/explorer.md's.
/// </summary>
[Trait("Category", "EndToEnd")]
public class SeedModelPageTests
{
    [BrowserFact]
    public async Task The_linearizable_counterexample_opens_from_its_link_and_steps_with_the_keyboard()
    {
        await using var explorer = await RegisterSystem.Model().Checker().Threads(1)
            .StartExplorerAsync(new ExplorerOptions { ModelName = "register (seed chapter)" });
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;

        await page.GotoAsync(explorer.Address.ToString());
        // Discoveries appear when the checker is done.
        var link = page.Locator("#properties a[data-property='linearizable']");
        await link.WaitForAsync();
        Assert.StartsWith("counterexample", await link.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("fails", await page.Locator("#properties tbody tr", new() { HasText = "linearizable" }).Locator("td").Nth(2).TextContentAsync() ?? "", StringComparison.Ordinal);
        await browser.ScreenshotAsync("explorer-status");

        await link.ClickAsync();
        var last = (await link.GetAttributeAsync("href"))!;
        await WaitForHashAsync(page, last);
        var steps = last.TrimStart('#', '/').Split('/').Length;
        await Expect(page.Locator("#path li")).ToHaveCountAsync(steps);
        // The last state breaks the property: its value in this state is shown, and red.
        var linearizable = page.Locator("#state-properties li[data-property='linearizable']");
        Assert.Equal("fails", await linearizable.GetAttributeAsync("class"));
        Assert.Contains("condition does not hold", await linearizable.TextContentAsync() ?? "", StringComparison.Ordinal);
        // The change from the previous state is highlighted: lines added, lines removed.
        Assert.True(await page.Locator("#state span.added").CountAsync() > 0, "no added line highlighted");
        Assert.True(await page.Locator("#state span.removed").CountAsync() > 0, "no removed line highlighted");
        Assert.Contains("changes since the previous state are highlighted", await page.Locator("#state-meta").TextContentAsync() ?? "", StringComparison.Ordinal);
        await ScrollToAsync(page, "path-panel");
        await browser.ScreenshotAsync("explorer-state");

        // Left arrow: one step back. A shortest counterexample holds the property until its last state.
        await page.Keyboard.PressAsync("ArrowLeft");
        var parent = last[..last.LastIndexOf('/')];
        await WaitForHashAsync(page, parent);
        await Expect(page.Locator("#path li")).ToHaveCountAsync(steps - 1);
        await Expect(linearizable).ToHaveClassAsync("holds");
        await Expect(linearizable).ToContainTextAsync("condition holds");

        // Right arrow: forward again, down the path we came back from (not the first action).
        await page.Keyboard.PressAsync("ArrowRight");
        await WaitForHashAsync(page, last);
        await Expect(linearizable).ToHaveClassAsync("fails");

        // The sequence diagram of the path: drawn as SVG, with the messages of the path.
        var diagram = page.Locator("#diagram-panel");
        Assert.True(await diagram.IsVisibleAsync(), "the sequence diagram panel is hidden");
        Assert.True(await page.Locator("#diagram svg line").CountAsync() > steps, "the diagram has fewer lines than the path has steps");
        var labels = await page.Locator("#diagram svg text").AllTextContentsAsync();
        Assert.Contains(labels, l => l.Contains("Put", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains("Server", StringComparison.Ordinal));
        Assert.Contains("sequenceDiagram", await page.Locator("#diagram-text").TextContentAsync() ?? "", StringComparison.Ordinal);
        await ScrollToAsync(page, "diagram-panel");
        await browser.ScreenshotAsync("explorer-diagram");

        // The browser's back button walks the states visited.
        await page.GoBackAsync();
        await WaitForHashAsync(page, parent);
    }

    [BrowserFact]
    public async Task A_deep_link_opens_its_state_and_digits_take_actions()
    {
        await using var explorer = await RegisterSystem.Model().Checker().Threads(1)
            .StartExplorerAsync(new ExplorerOptions { ModelName = "register (seed chapter)" });
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;

        await page.GotoAsync(new Uri(explorer.Address, "#/0/0").ToString());
        await Expect(page.Locator("#path li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#state-meta")).ToContainTextAsync("Index path 0/0");
        await Expect(page.Locator("#state-properties li")).ToHaveCountAsync(3);
        Assert.True(await page.Locator("#next li a").CountAsync() > 0, "no next step listed");
        await ScrollToAsync(page, "path-panel");
        await browser.ScreenshotAsync("explorer-next");

        // Digit 1 takes the first listed action.
        var first = (await page.Locator("#next li a").First.GetAttributeAsync("href"))!;
        await page.Keyboard.PressAsync("1");
        await WaitForHashAsync(page, first);
        await Expect(page.Locator("#path li")).ToHaveCountAsync(3);

        // A path that does not replay shows the error and a way back.
        await page.GotoAsync(new Uri(explorer.Address, "#/0/999").ToString());
        await Expect(page.Locator("#error")).ToContainTextAsync("Go back");
    }

    /// <summary>Scrolls so that the element with this id is at the top of the viewport (for a screenshot).</summary>
    internal static Task ScrollToAsync(IPage page, string id) =>
        page.EvaluateAsync("(id) => document.getElementById(id).scrollIntoView({ block: 'start' })", id);

    /// <summary>Waits until the address is <paramref name="hash"/> and the page shows that state.</summary>
    internal static Task WaitForHashAsync(IPage page, string hash) =>
        page.WaitForFunctionAsync("([h]) => location.hash === h && document.querySelector('#path li.current a')?.getAttribute('href')?.split('?')[0] === h.split('?')[0]",
            new object[] { hash });
}
