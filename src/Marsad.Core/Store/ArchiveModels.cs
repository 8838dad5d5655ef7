namespace Marsad.Store;

/// <summary>What one <see cref="IArchive.Store"/> call did.</summary>
public sealed record StoreResult(int Inserted, int Replaced, int Unchanged, int Aliased)
{
    /// <summary>Documents that wrote anything (new articles and replacements).</summary>
    public int Written => Inserted + Replaced;
}

/// <summary>A page of results: <see cref="Total"/> counts all matches, <see cref="Items"/> holds <see cref="Limit"/> of them from <see cref="Offset"/>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int Offset, int Limit);

/// <summary>The article fields lists show.</summary>
public sealed record ArticleSummary
{
    public required string Id { get; init; }
    public required string Source { get; init; }
    public string? Title { get; init; }
    public string? Section { get; init; }
    /// <summary>ISO 8601 as the page stated it (see <see cref="Model.PublishedTime"/>).</summary>
    public string? Published { get; init; }
    public string? Place { get; init; }
    public string? Url { get; init; }
    public int BodyChars { get; init; }
    public int Entities { get; init; }
    public int Quotes { get; init; }
}

/// <summary>An article with its full analysis: <see cref="AnalysisJson"/> is the DocumentJson object, as the API can send it.</summary>
public sealed record StoredArticle(ArticleSummary Summary, IReadOnlyList<string> Sources, string AnalysisJson);

/// <summary>
/// Filters for <see cref="IArchive.ListArticles"/>; null means "any". Text filters compare
/// normalised Arabic (أ/ا, ة/ه, ى/ي, diacritics ignored).
/// </summary>
public sealed record ArticleQuery
{
    public string? Section { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Articles that mention this entity (<see cref="EntitySummary.Key"/>).</summary>
    public string? Entity { get; init; }
    /// <summary>Articles that mention an entity of this type (PER, ORG, LOC, MISC).</summary>
    public string? EntityType { get; init; }
    /// <summary>The dateline place or a place entity with this name.</summary>
    public string? Place { get; init; }
    /// <summary>An entity of this ISO 3166-1 alpha-2 country.</summary>
    public string? Country { get; init; }
    /// <summary>A quote whose speaker has this name (or entity key).</summary>
    public string? Speaker { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 20;
}

/// <summary>An entity across the archive. <see cref="Key"/> is the link id when the linker gave one, else <c>TYPE:normalised canonical name</c>.</summary>
public sealed record EntitySummary
{
    public required string Key { get; init; }
    public required string Canonical { get; init; }
    public required string Type { get; init; }
    public string? Kind { get; init; }
    public string? Country { get; init; }
    public string? LinkId { get; init; }
    public long Articles { get; init; }
    public long Mentions { get; init; }
}

public sealed record EntityQuery
{
    public string? Type { get; init; }
    /// <summary>Canonical names containing this text (normalised).</summary>
    public string? NameContains { get; init; }
    public string? Country { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 50;
}

/// <summary>A mention of an entity in one article, with the article's title and date.</summary>
public sealed record StoredMention(string ArticleId, string? Title, string? Published, int Start, int End, string Text, string By);

/// <summary>An entity that appears in the same articles as another, with the number of shared articles.</summary>
public sealed record CoOccurrence(EntitySummary Entity, long Articles);

public sealed record EntityProfile(
    EntitySummary Entity,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Roles,
    IReadOnlyList<StoredMention> Mentions,
    IReadOnlyList<StoredQuote> QuotesBy,
    IReadOnlyList<StoredQuote> QuotesAbout,
    IReadOnlyList<StoredEvent> Events,
    IReadOnlyList<CoOccurrence> CoOccurring);

/// <summary>Filters for <see cref="IArchive.Network"/>: how many entities (1–200), of which type, how many edges (1–2000) at least how strong.</summary>
public sealed record NetworkQuery
{
    public string? Type { get; init; }
    public int Entities { get; init; } = 40;
    public int Edges { get; init; } = 300;
    public int MinArticles { get; init; } = 1;
}

/// <summary>An edge of the co-occurrence network between two entity keys (<see cref="Source"/> sorts before <see cref="Target"/> in the database's order).</summary>
public sealed record NetworkEdge(string Source, string Target, long Articles);

/// <summary>The entities of a co-occurrence network (by number of articles) and the edges between them (strongest first).</summary>
public sealed record EntityNetwork(IReadOnlyList<EntitySummary> Nodes, IReadOnlyList<NetworkEdge> Edges);

public sealed record StoredQuote
{
    public required string ArticleId { get; init; }
    public string? ArticleTitle { get; init; }
    public string? Published { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public required string Text { get; init; }
    public required string Kind { get; init; }
    public required string Verb { get; init; }
    public string? SpeakerText { get; init; }
    /// <summary>The speaker's archive entity key when the quote stage linked the speaker to an entity.</summary>
    public string? SpeakerKey { get; init; }
    public string? ViaText { get; init; }
    public string? ViaKey { get; init; }
    public required string By { get; init; }
}

public sealed record QuoteQuery
{
    /// <summary>Speaker entity key, or a name the speaker text contains (normalised).</summary>
    public string? Speaker { get; init; }
    /// <summary>Quotes whose text mentions this entity (one of its mentions lies inside the quote).</summary>
    public string? About { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 20;
}

/// <summary>
/// An event as the event stage wrote it. The common fields are normalised for queries; <see cref="Json"/>
/// is the event object from the analysis, whatever else it carries.
/// </summary>
public sealed record StoredEvent
{
    public required string ArticleId { get; init; }
    public string? ArticleTitle { get; init; }
    public string? Published { get; init; }
    public required int Ordinal { get; init; }
    /// <summary>CAMEO code (e.g. <c>190</c>) and its two-digit root (<c>19</c>).</summary>
    public string? Code { get; init; }
    public string? Root { get; init; }
    public string? Actor { get; init; }
    public string? ActorKey { get; init; }
    public string? Target { get; init; }
    public string? TargetKey { get; init; }
    public string? Place { get; init; }
    /// <summary>ISO date (or coarser) the event happened, as resolved by the stage.</summary>
    public string? Date { get; init; }
    public int? Start { get; init; }
    public int? End { get; init; }
    public required string Json { get; init; }
}

public sealed record EventQuery
{
    /// <summary>Actor (or target) entity key or name (normalised, contained).</summary>
    public string? Actor { get; init; }
    /// <summary>CAMEO root code, two digits (<c>19</c> = fight).</summary>
    public string? Root { get; init; }
    public string? Place { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 20;
}

public sealed record ArchiveStats
{
    public long Articles { get; init; }
    public long Sources { get; init; }
    public long Entities { get; init; }
    public long Mentions { get; init; }
    public long Quotes { get; init; }
    public long Times { get; init; }
    public long Events { get; init; }
    public string? FirstPublished { get; init; }
    public string? LastPublished { get; init; }
    public IReadOnlyList<(string Section, long Articles)> Sections { get; init; } = [];
    /// <summary>Work-queue rows by state (PostgreSQL only; empty for SQLite).</summary>
    public IReadOnlyList<(string State, long Pages)> Queue { get; init; } = [];
    public int SchemaVersion { get; init; }
}

/// <summary>
/// One change of the archive for the search index: an article stored (with the fields the index
/// needs) or deleted (<see cref="Article"/> null).
/// </summary>
public sealed record ArchiveChange(long Sequence, string ArticleId, IndexableArticle? Article);

/// <summary>What the search index holds about an article.</summary>
public sealed record IndexableArticle
{
    public required string Id { get; init; }
    public string? Title { get; init; }
    public required string Body { get; init; }
    public string? Section { get; init; }
    public string? Published { get; init; }
    /// <summary>Publication date as yyyy-MM-dd, or null.</summary>
    public string? PublishedDate { get; init; }
    public string? Place { get; init; }
    public IReadOnlyList<string> EntityKeys { get; init; } = [];
    public IReadOnlyList<string> EntityTypes { get; init; } = [];
    /// <summary>Normalised names of the places the article is about (dateline and place entities).</summary>
    public IReadOnlyList<string> Places { get; init; } = [];
    public IReadOnlyList<string> Countries { get; init; } = [];
    /// <summary>Normalised speaker names and speaker entity keys.</summary>
    public IReadOnlyList<string> Speakers { get; init; } = [];
}
