using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Server;

/// <summary>
/// The web UI: files under <c>wwwroot/</c> embedded in the assembly (no CDN, no build step) and served
/// from memory with an ETag. Pages are <c>/</c> (search), <c>/article</c>, <c>/entity</c>, <c>/timeline</c>,
/// <c>/map</c>, <c>/network</c>; everything else is under <c>/assets/</c>.
/// </summary>
internal static class StaticAssets
{
    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);

    private static readonly FrozenDictionary<string, Asset> Assets = Load();

    public static readonly IReadOnlyDictionary<string, string> Pages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/"] = "index.html",
        ["/article"] = "article.html",
        ["/entity"] = "entity.html",
        ["/timeline"] = "timeline.html",
        ["/map"] = "map.html",
        ["/network"] = "network.html",
    };

    public static IEndpointRouteBuilder MapWebUi(this IEndpointRouteBuilder app)
    {
        foreach (var (route, file) in Pages)
            app.MapGet(route, (HttpContext c) => Serve(c, file)).ExcludeFromDescription();
        app.MapGet("/assets/{name}", (HttpContext c, string name) => Serve(c, name)).ExcludeFromDescription();
        return app;
    }

    public static IEnumerable<string> Names => Assets.Keys;

    private static IResult Serve(HttpContext context, string name)
    {
        if (!Assets.TryGetValue(name, out var asset))
            return Api.ArchiveApi.NotFound("file", name);
        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(asset.Bytes, asset.ContentType);
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(StaticAssets).Assembly;
        var map = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            const string prefix = "wwwroot/";
            if (!resource.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var name = resource[prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes)[..8]) + "\"";
            map[name] = new Asset(bytes, ContentType(name), etag);
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" or ".geojson" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
