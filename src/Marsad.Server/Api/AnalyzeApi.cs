using System.Text;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Output;
using Marsad.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Server.Api;

/// <summary>
/// <c>POST /api/analyze</c>: analyses the request body as <c>marsad analyze</c> reads a file (scraped text,
/// HTML page, RSS/Atom feed, JSON record or JSONL — recognised by content) and returns
/// <c>{"documents": [DocumentJson…], "errors": […]}</c>. Bodies larger than
/// <see cref="ServerOptions.MaxAnalyzeBytes"/> get 413; nothing is stored.
/// </summary>
internal static class AnalyzeApi
{
    private const int MaxDocuments = 20;

    public static RouteGroupBuilder MapAnalyzeApi(this RouteGroupBuilder api)
    {
        api.MapPost("/analyze", Analyze).WithName("Analyze")
            .WithSummary("Analyse ad-hoc text (the raw request body: plain text, HTML, a feed or JSON records); size-bounded, nothing is stored.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    private static async Task<IResult> Analyze(HttpContext context, ServerOptions options, CancellationToken ct)
    {
        var max = options.MaxAnalyzeBytes;
        if (context.Request.ContentLength is { } declared && declared > max)
            return TooLarge(max);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = max + 1L;
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            int n;
            try
            {
                n = await context.Request.Body.ReadAsync(buffer, ct).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge(max);
            }
            if (n == 0)
                break;
            body.Write(buffer, 0, n);
            if (body.Length > max)
                return TooLarge(max);
        }
        if (body.Length == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty body.", detail: "POST the text to analyse as the request body.");
        body.Position = 0;

        var reader = new ArticleReader();
        var documents = new List<Model.Document>();
        var errors = new List<string>();
        foreach (var result in reader.ReadStream(body, "api", null, ct))
        {
            switch (result)
            {
                case ReadResult.Ok ok when documents.Count < MaxDocuments:
                    documents.Add(AnalysisPipeline.Default.Analyze(ok.Article, ct));
                    break;
                case ReadResult.Ok:
                    errors.Add($"more than {MaxDocuments} articles: the rest were not analysed");
                    break;
                case ReadResult.Failed f:
                    errors.Add(f.ToString());
                    break;
                case ReadResult.Skipped s:
                    errors.Add(s.ToString());
                    break;
            }
            if (documents.Count >= MaxDocuments && errors.Count > 0)
                break;
        }
        if (documents.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Nothing to analyse.",
                detail: errors.Count > 0 ? string.Join("; ", errors.Take(5)) : "No article could be read from the body.");
        }
        using var output = new MemoryStream();
        using (var w = new Utf8JsonWriter(output, DocumentJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartArray("documents");
            foreach (var d in documents)
                DocumentJson.Write(w, d);
            w.WriteEndArray();
            w.WriteStartArray("errors");
            foreach (var e in errors)
                w.WriteStringValue(e);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return TypedResults.Bytes(output.ToArray(), "application/json; charset=utf-8");
    }

    private static IResult TooLarge(int max) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large.",
        detail: new StringBuilder("POST /api/analyze accepts at most ").Append(max.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" bytes.").ToString());
}
