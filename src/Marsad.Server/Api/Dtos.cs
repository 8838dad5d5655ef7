using System.Text.Json;
using Marsad.Store;

namespace Marsad.Server.Api;

/// <summary>An event for the API: the normalised fields and the event object of the analysis (<see cref="Event"/>).</summary>
public sealed record EventResponse(
    string ArticleId, string? ArticleTitle, string? Published, int Ordinal, string? Code, string? Root,
    string? Actor, string? ActorKey, string? Target, string? TargetKey, string? Place, string? Date, int? Start, int? End,
    JsonElement Event)
{
    public static EventResponse From(StoredEvent e)
    {
        using var doc = JsonDocument.Parse(e.Json);
        return new EventResponse(e.ArticleId, e.ArticleTitle, e.Published, e.Ordinal, e.Code, e.Root,
            e.Actor, e.ActorKey, e.Target, e.TargetKey, e.Place, e.Date, e.Start, e.End, doc.RootElement.Clone());
    }
}

public sealed record EntityProfileResponse(
    EntitySummary Entity,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Roles,
    IReadOnlyList<StoredMention> Mentions,
    IReadOnlyList<StoredQuote> QuotesBy,
    IReadOnlyList<StoredQuote> QuotesAbout,
    IReadOnlyList<EventResponse> Events,
    IReadOnlyList<CoOccurrenceResponse> CoOccurring)
{
    public static EntityProfileResponse From(EntityProfile p) => new(
        p.Entity, p.Aliases, p.Roles, p.Mentions, p.QuotesBy, p.QuotesAbout,
        [.. p.Events.Select(EventResponse.From)],
        [.. p.CoOccurring.Select(c => new CoOccurrenceResponse(c.Entity, c.Articles))]);
}

public sealed record CoOccurrenceResponse(EntitySummary Entity, long Articles);

public sealed record NameCount(string Name, long Count);

public sealed record StatsResponse(
    string Store, long Articles, long Sources, long Entities, long Mentions, long Quotes, long Times, long Events,
    string? FirstPublished, string? LastPublished, IReadOnlyList<NameCount> Sections, IReadOnlyList<NameCount> Queue,
    int SchemaVersion, long SearchDocuments, string SearchAnalyzer);

public sealed record SnippetResponse(string Text, IReadOnlyList<int[]> Highlights, int BodyStart);

public sealed record SearchHitResponse(string Id, string? Title, string? Published, string? Section, double Score, SnippetResponse Snippet);

public sealed record SearchResponse(IReadOnlyList<SearchHitResponse> Hits, long Total, int Offset, int Limit, IReadOnlyList<string> Terms, string? Next);

public sealed record NetworkResponse(IReadOnlyList<EntitySummary> Nodes, IReadOnlyList<NetworkEdge> Edges);

/// <summary>
/// A place for the map. <see cref="Lat"/>/<see cref="Lon"/> are set when the analysis located it (event places today;
/// entity places when the entity stage gives coordinates); otherwise the map may place a country at its outline's centre
/// (<see cref="Country"/> with <see cref="Kind"/> <c>country</c>).
/// </summary>
public sealed record PlaceResponse(string Name, string? Key, string? Kind, string? Country, double? Lat, double? Lon, long Articles, long Events);
