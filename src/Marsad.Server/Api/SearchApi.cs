using Marsad.Index;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Server.Api;

/// <summary><c>GET /api/search</c>: Arabic full-text search (BM25) with highlighted snippets and filters.</summary>
internal static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Search).WithName("Search")
            .WithSummary("Full-text search: q (required; \"quoted words\" are a phrase), limit 1–100, offset, filters section, from, to (yyyy-MM-dd), entity, type, place, country, speaker. Snippet highlights are [start, end) offsets into the snippet text.")
            .ProducesValidationProblem();
        return api;
    }

    private static IResult Search(HttpRequest request, SearchService search,
        string? q, string? limit, string? offset, string? section, string? from, string? to, string? entity, string? type,
        string? place, string? country, string? speaker)
    {
        var a = new QueryArgs();
        if (string.IsNullOrWhiteSpace(q))
            a.Error("q", "'q' (the words to find) is required.");
        else if (q.Length > SearchIndex.MaxQueryChars)
            a.Error("q", $"'q' is longer than {SearchIndex.MaxQueryChars} characters.");
        var query = new SearchQuery
        {
            Text = q?.Trim() ?? "",
            Limit = a.Int("limit", limit, 10, 1, 100),
            Offset = a.Int("offset", offset, 0, 0, 10_000),
            Section = a.Text("section", section),
            From = a.Date("from", from),
            To = a.Date("to", to),
            Entity = a.Text("entity", entity, 600),
            EntityType = a.EntityType("type", type),
            Place = a.Text("place", place),
            Country = a.Country("country", country),
            Speaker = a.Text("speaker", speaker),
        };
        a.Range(query.From, query.To);
        if (!a.Valid)
            return a.Problem();
        var results = search.Search(query);
        var hits = results.Hits.Select(h => new SearchHitResponse(h.ArticleId, h.Title, h.Published, h.Section, Math.Round(h.Score, 4),
            new SnippetResponse(h.Snippet.Text, [.. h.Snippet.Highlights.Select(x => new[] { x.Start, x.End })], h.Snippet.BodyStart))).ToList();
        string? next = null;
        var end = query.Offset + hits.Count;
        if (end < results.Total && hits.Count > 0 && end <= 10_000)
        {
            var args = request.Query.Where(kv => kv.Key != "offset").ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString(), StringComparer.Ordinal);
            args["offset"] = end.ToString(System.Globalization.CultureInfo.InvariantCulture);
            next = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(request.Path.Value ?? "/", args);
        }
        return TypedResults.Ok(new SearchResponse(hits, results.Total, query.Offset, query.Limit, results.Terms, next));
    }
}
