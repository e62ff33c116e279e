using Microsoft.AspNetCore.Http;

namespace Stateright.Explorer.Api;

/// <summary>The page's files, embedded in this assembly (logical names <c>explorer/…</c>).</summary>
internal static class StaticFiles
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static async Task WriteAsync(HttpContext context, string file)
    {
        var extension = System.IO.Path.GetExtension(file);
        await using var stream = ContentTypes.TryGetValue(extension, out var contentType)
            ? typeof(StaticFiles).Assembly.GetManifestResourceStream("explorer/" + file)
            : null;
        if (stream is null || contentType is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"Not found: /{file}", context.RequestAborted).ConfigureAwait(false);
            return;
        }
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
