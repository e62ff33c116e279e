using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Stateright.Explorer.Api;

/// <summary>The routes: the JSON API under <c>/api/v1/</c> and the embedded page.</summary>
internal static class ExplorerEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Readable with curl: quotes and arrows as they are. Safe here: the body is JSON, never inlined in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Map(WebApplication app, IExplorerSession session)
    {
        app.MapGet("/api/v1/status", context => WriteAsync(context, StatusCodes.Status200OK, session.Status()));
        app.MapGet("/api/v1/states", context => StateAsync(context, session, ""));
        app.MapGet("/api/v1/states/{**indexPath}", context => StateAsync(context, session, context.Request.RouteValues["indexPath"] as string ?? ""));
        app.MapGet("/api/{**rest}", context => WriteAsync(context, StatusCodes.Status404NotFound,
            new ErrorResponse($"No such API endpoint: {context.Request.Path}. Version 1 has /api/v1/status and /api/v1/states/{{indexPath}}.", "not-found")));
        app.MapGet("/", context => StaticFiles.WriteAsync(context, "index.html"));
        app.MapGet("/{file}", context => StaticFiles.WriteAsync(context, context.Request.RouteValues["file"] as string ?? ""));
    }

    private static Task StateAsync(HttpContext context, IExplorerSession session, string indexPath)
    {
        if (!TryParseIndices(indexPath, out var indices))
            return WriteAsync(context, StatusCodes.Status400BadRequest,
                new ErrorResponse($"\"{indexPath}\" is not an index path: expected non-negative integers separated by '/', like 0/2/1.", "bad-path"));
        int? cycleStart = null;
        if (context.Request.Query.TryGetValue("cycle", out var cycleText))
        {
            if (!int.TryParse(cycleText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k >= indices.Length - 1)
                return WriteAsync(context, StatusCodes.Status400BadRequest,
                    new ErrorResponse($"cycle={cycleText} must be a step before the path's last ({indices.Length - 1} steps).", "bad-path"));
            cycleStart = k;
        }
        try
        {
            return WriteAsync(context, StatusCodes.Status200OK, session.State(indices, cycleStart));
        }
        catch (PathReconstructionException e)
        {
            return WriteAsync(context, StatusCodes.Status404NotFound, new ErrorResponse($"This path no longer replays: {e.Message}", "no-replay"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return WriteAsync(context, StatusCodes.Status500InternalServerError,
                new ErrorResponse($"The model threw while replaying {indexPath}: {e.GetType().Name}: {e.Message}", "model-threw"));
        }
    }

    internal static bool TryParseIndices(string text, out int[] indices)
    {
        text = text.Trim('/');
        if (text.Length == 0)
        {
            indices = [];
            return true;
        }
        var parts = text.Split('/');
        indices = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out indices[i])) return false;
        return true;
    }

    private static async Task WriteAsync<T>(HttpContext context, int status, T body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted).ConfigureAwait(false);
    }
}
