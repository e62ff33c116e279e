using Microsoft.Playwright;

namespace Stateright.Explorer.Tests.Browser;

/// <summary>
/// Playwright driving the machine's headless Chromium (<see cref="Chromium"/>), one page of 1000×700
/// pixels. Never downloads a browser: the executable is given, and the download is switched off for the driver.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        Page = page;
    }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>Launches the browser; fails with <see cref="Chromium.Missing"/> when there is none.</summary>
    public static async Task<BrowserSession> StartAsync()
    {
        Assert.True(Chromium.Executable is not null, Chromium.Missing);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium.Executable,
                Headless = true,
                // The tests run as root on CI, where Chromium's sandbox refuses to start.
                Args = ["--no-sandbox"],
            }).ConfigureAwait(false);
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 700 } }).ConfigureAwait(false);
            page.SetDefaultTimeout(30_000);
            return new BrowserSession(playwright, browser, page);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Saves a screenshot of the viewport as <paramref name="name"/>.png in <see cref="ScreenshotDirectory"/>.
    /// </summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png") }).ConfigureAwait(false);
    }

    /// <summary>
    /// Where screenshots go: $STATERIGHT_SCREENSHOTS when set (docs/images to refresh the documentation's),
    /// else screenshots/ next to the test assembly.
    /// </summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("STATERIGHT_SCREENSHOTS") is { Length: > 0 } directory
            ? directory
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Closes the browser and the Playwright driver.</summary>
    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync().ConfigureAwait(false);
        playwright.Dispose();
    }
}
