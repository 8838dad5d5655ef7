using Marsad.Server.Api;
using Marsad.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marsad.Server;

/// <summary>
/// The HTTP server of <c>marsad serve</c>: the REST API under <c>/api</c> (OpenAPI document at
/// <c>/openapi.json</c>, ProblemDetails for every error) and the RTL web UI. Archive access goes through
/// <see cref="IArchive"/> only (one rented connection per request, all SQL parameterised inside the archive).
/// </summary>
public static class MarsadServer
{
    /// <summary>
    /// Builds the application. <paramref name="configure"/> can adjust the builder before it is built
    /// (tests switch to an in-memory server; <c>marsad serve</c> sets the URL).
    /// </summary>
    public static WebApplication Build(ServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(MarsadServer).Assembly.GetName().Name });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Math.Max(options.MaxAnalyzeBytes + 1L, 1024 * 1024));
        builder.Services.ConfigureHttpJsonOptions(o => ServerJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Marsad API";
            doc.Info.Description = "Arabic news intelligence: articles with their analysis, entities, quotes, events, search.";
            return Task.CompletedTask;
        }));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => new ArchivePool(options.Store, options.PoolSize));
        builder.Services.AddSingleton(sp => new SearchService(sp.GetRequiredService<ArchivePool>(), options.IndexPath ?? Archive.DefaultIndexPath(options.Store)));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException b ? b.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            // Scripts and styles only from this server; no inline script can run even if text were ever mis-rendered.
            h.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
            await next(context).ConfigureAwait(false);
        });

        // Open the archive (and bring the index up to date) at start, so a bad --store fails now, not on the first request.
        app.Services.GetRequiredService<SearchService>();

        app.MapOpenApi("/openapi.json");
        var api = app.MapGroup("/api");
        api.MapArchiveApi();
        api.MapSearchApi();
        api.MapAnalyzeApi();
        api.MapFallback(() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such endpoint.", detail: "See /openapi.json for the API."));
        app.MapWebUi();
        return app;
    }
}
