using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Output;
using Marsad.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Server.Api;

/// <summary>The archive endpoints: articles, entities, quotes, events, the co-occurrence network, places and stats.</summary>
internal static class ArchiveApi
{
    private const int MaxKeyChars = 600;

    public static RouteGroupBuilder MapArchiveApi(this RouteGroupBuilder api)
    {
        api.MapGet("/articles", ListArticles).WithName("ListArticles")
            .WithSummary("Articles, newest first, filtered and paged (limit 1–100, offset).");
        api.MapGet("/articles/{id}", GetArticle).WithName("GetArticle")
            .WithSummary("One article with its analysis (the DocumentJson object: entities, quotes, times, events with offsets into the body).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/entities", ListEntities).WithName("ListEntities")
            .WithSummary("Entities by number of articles; filters: type (PER, ORG, LOC, MISC), q (name contains), country.");
        api.MapGet("/entities/{key}", GetEntity).WithName("GetEntity")
            .WithSummary("One entity: aliases, roles, latest mentions, quotes by and about it, its events and co-occurring entities.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/quotes", ListQuotes).WithName("ListQuotes")
            .WithSummary("Quotes, newest first: by a speaker (entity key or name) and/or about an entity (key), in a date range.");
        api.MapGet("/events", ListEvents).WithName("ListEvents")
            .WithSummary("Events, newest first: by actor or target (key or name), CAMEO root (01–20), place, date range.");
        api.MapGet("/network", Network).WithName("Network")
            .WithSummary("Co-occurrence network of the most-mentioned entities (entities 2–200, edges 1–2000, min shared articles).");
        api.MapGet("/places", Places).WithName("Places")
            .WithSummary("Places for the map: event places with coordinates and place entities (countries by ISO code).");
        api.MapGet("/stats", Stats).WithName("Stats").WithSummary("Counts, date range, sections, work queue, search index size.");
        return api;
    }

    private static IResult ListArticles(HttpRequest request, ArchivePool pool,
        string? limit, string? offset, string? section, string? from, string? to, string? entity, string? type,
        string? place, string? country, string? speaker)
    {
        var a = new QueryArgs();
        var q = new ArticleQuery
        {
            Limit = a.Int("limit", limit, 20, 1, 100),
            Offset = a.Int("offset", offset, 0, 0, QueryArgs.MaxOffset),
            Section = a.Text("section", section),
            From = a.Date("from", from),
            To = a.Date("to", to),
            Entity = a.Text("entity", entity, MaxKeyChars),
            EntityType = a.EntityType("type", type),
            Place = a.Text("place", place),
            Country = a.Country("country", country),
            Speaker = a.Text("speaker", speaker),
        };
        a.Range(q.From, q.To);
        if (!a.Valid)
            return a.Problem();
        using var lease = pool.Rent();
        return TypedResults.Ok(Paging.From(request, lease.Archive.ListArticles(q), s => s));
    }

    private static IResult GetArticle(ArchivePool pool, string id)
    {
        if (id.Length is 0 or > 64)
            return NotFound("article", id);
        StoredArticle? article;
        using (var lease = pool.Rent())
            article = lease.Archive.GetArticle(id);
        if (article is null)
            return NotFound("article", id);
        // The analysis is stored as JSON already: write it through as a raw value, not re-serialised.
        using var buffer = new MemoryStream(article.AnalysisJson.Length * 2 + 1024);
        using (var w = new Utf8JsonWriter(buffer, DocumentJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WritePropertyName("summary");
            JsonSerializer.Serialize(w, article.Summary, ServerJson.Options);
            w.WriteStartArray("sources");
            foreach (var s in article.Sources)
                w.WriteStringValue(s);
            w.WriteEndArray();
            EntityKeys.Write(w, article.AnalysisJson);
            w.WritePropertyName("analysis");
            w.WriteRawValue(article.AnalysisJson, skipInputValidation: true);
            w.WriteEndObject();
        }
        return TypedResults.Bytes(buffer.ToArray(), "application/json; charset=utf-8");
    }

    private static IResult ListEntities(HttpRequest request, ArchivePool pool, string? limit, string? offset, string? type, string? q, string? country)
    {
        var a = new QueryArgs();
        var query = new EntityQuery
        {
            Limit = a.Int("limit", limit, 50, 1, 200),
            Offset = a.Int("offset", offset, 0, 0, QueryArgs.MaxOffset),
            Type = a.EntityType("type", type),
            NameContains = a.Text("q", q),
            Country = a.Country("country", country),
        };
        if (!a.Valid)
            return a.Problem();
        using var lease = pool.Rent();
        return TypedResults.Ok(Paging.From(request, lease.Archive.ListEntities(query), e => e));
    }

    private static IResult GetEntity(ArchivePool pool, string key, string? limit)
    {
        var a = new QueryArgs();
        var n = a.Int("limit", limit, 20, 1, 200);
        if (!a.Valid)
            return a.Problem();
        if (key.Length is 0 or > MaxKeyChars)
            return NotFound("entity", key);
        using var lease = pool.Rent();
        var profile = lease.Archive.GetEntity(key, n);
        return profile is null ? NotFound("entity", key) : TypedResults.Ok(EntityProfileResponse.From(profile));
    }

    private static IResult ListQuotes(HttpRequest request, ArchivePool pool, string? limit, string? offset, string? speaker, string? about, string? from, string? to)
    {
        var a = new QueryArgs();
        var q = new QuoteQuery
        {
            Limit = a.Int("limit", limit, 20, 1, 100),
            Offset = a.Int("offset", offset, 0, 0, QueryArgs.MaxOffset),
            Speaker = a.Text("speaker", speaker, MaxKeyChars),
            About = a.Text("about", about, MaxKeyChars),
            From = a.Date("from", from),
            To = a.Date("to", to),
        };
        a.Range(q.From, q.To);
        if (!a.Valid)
            return a.Problem();
        using var lease = pool.Rent();
        return TypedResults.Ok(Paging.From(request, lease.Archive.ListQuotes(q), x => x));
    }

    private static IResult ListEvents(HttpRequest request, ArchivePool pool, string? limit, string? offset, string? actor, string? root, string? place, string? from, string? to)
    {
        var a = new QueryArgs();
        var q = new EventQuery
        {
            Limit = a.Int("limit", limit, 20, 1, 500),
            Offset = a.Int("offset", offset, 0, 0, QueryArgs.MaxOffset),
            Actor = a.Text("actor", actor, MaxKeyChars),
            Root = a.CameoRoot("root", root),
            Place = a.Text("place", place),
            From = a.Date("from", from),
            To = a.Date("to", to),
        };
        a.Range(q.From, q.To);
        if (!a.Valid)
            return a.Problem();
        using var lease = pool.Rent();
        return TypedResults.Ok(Paging.From(request, lease.Archive.ListEvents(q), EventResponse.From));
    }

    private static IResult Network(ArchivePool pool, string? type, string? entities, string? edges, string? min)
    {
        var a = new QueryArgs();
        var q = new NetworkQuery
        {
            Type = a.EntityType("type", type),
            Entities = a.Int("entities", entities, 40, 2, 200),
            Edges = a.Int("edges", edges, 300, 1, 2000),
            MinArticles = a.Int("min", min, 1, 1, 1_000_000),
        };
        if (!a.Valid)
            return a.Problem();
        using var lease = pool.Rent();
        var net = lease.Archive.Network(q);
        return TypedResults.Ok(new NetworkResponse(net.Nodes, net.Edges));
    }

    private static IResult Places(ArchivePool pool, string? limit)
    {
        var a = new QueryArgs();
        var n = a.Int("limit", limit, 300, 1, 500);
        if (!a.Valid)
            return a.Problem();
        using var lease = pool.Rent();
        var places = new Dictionary<string, PlaceResponse>(StringComparer.Ordinal);
        // Event places carry coordinates when the event stage located them.
        foreach (var e in lease.Archive.ListEvents(new EventQuery { Limit = n }).Items)
        {
            if (PlaceOf(e.Json) is not { } p)
                continue;
            var id = string.Create(CultureInfo.InvariantCulture, $"{p.Name}|{p.Lat:F3}|{p.Lon:F3}");
            places[id] = places.TryGetValue(id, out var seen) ? seen with { Events = seen.Events + 1 } : p;
        }
        foreach (var e in lease.Archive.ListEntities(new EntityQuery { Type = "LOC", Limit = n }).Items)
            places["entity|" + e.Key] = new PlaceResponse(e.Canonical, e.Key, e.Kind, e.Country, null, null, e.Articles, 0);
        return TypedResults.Ok(new { places = places.Values.ToList() });
    }

    /// <summary>The place of an event object when it has coordinates.</summary>
    private static PlaceResponse? PlaceOf(string eventJson)
    {
        using var doc = JsonDocument.Parse(eventJson);
        if (!doc.RootElement.TryGetProperty("place", out var p) || p.ValueKind != JsonValueKind.Object)
            return null;
        if (!p.TryGetProperty("lat", out var lat) || lat.ValueKind != JsonValueKind.Number || !p.TryGetProperty("lon", out var lon) || lon.ValueKind != JsonValueKind.Number)
            return null;
        var name = Str(p, "name") ?? Str(p, "text") ?? "";
        return new PlaceResponse(name, Str(p, "entity"), null, Str(p, "country"), lat.GetDouble(), lon.GetDouble(), 0, 1);
    }

    private static string? Str(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IResult Stats(ArchivePool pool, SearchService search)
    {
        ArchiveStats s;
        string store;
        using (var lease = pool.Rent())
        {
            s = lease.Archive.Stats();
            store = lease.Archive.Kind;
        }
        return TypedResults.Ok(new StatsResponse(store, s.Articles, s.Sources, s.Entities, s.Mentions, s.Quotes, s.Times, s.Events,
            s.FirstPublished, s.LastPublished,
            [.. s.Sections.Select(x => new NameCount(x.Section, x.Articles))],
            [.. s.Queue.Select(x => new NameCount(x.State, x.Pages))],
            s.SchemaVersion, search.Index.Count, search.Index.AnalyzerName));
    }

    internal static IResult NotFound(string what, string id)
    {
        var shown = id.Length > 80 ? id[..80] + "…" : id;
        return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.",
            detail: new StringBuilder().Append("No ").Append(what).Append(" has the id '").Append(shown).Append("'.").ToString());
    }
}
