using System.Net;

namespace Stateright.Explorer.Tests;

/// <summary>The page's files come from the assembly, with their content types, and load nothing from elsewhere.</summary>
public class PageTests
{
    [Theory]
    [InlineData("", "text/html", "<script src=\"app.js\">")]
    [InlineData("index.html", "text/html", "Stateright Explorer")]
    [InlineData("app.js", "text/javascript", "api/v1/states")]
    [InlineData("app.css", "text/css", ".added")]
    public async Task The_page_is_served_from_embedded_files(string file, string contentType, string content)
    {
        await using var explorer = await ExplorerClient.StartAsync(new CounterModel());

        using var response = await explorer.Http.GetAsync(new Uri(file, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(content, text, StringComparison.Ordinal);
        // No CDN, no download at run time: nothing outside the server is referenced (the SVG namespace is a name, not a fetch).
        Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        Assert.DoesNotContain("//cdn", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_files_are_404()
    {
        await using var explorer = await ExplorerClient.StartAsync(new CounterModel());

        using var response = await explorer.Http.GetAsync(new Uri("secret.txt", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Disposing_stops_the_server()
    {
        var explorer = await ExplorerClient.StartAsync(new CounterModel());
        var address = explorer.Server.Address;
        await explorer.DisposeAsync();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(address, "api/v1/status")));
    }
}
