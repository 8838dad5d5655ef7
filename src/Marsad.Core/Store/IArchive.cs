using Marsad.Model;

namespace Marsad.Store;

/// <summary>
/// The archive of analysed articles, behind one interface for both back ends:
/// <see cref="SqliteArchive"/> (one file, the default) and <see cref="PostgresArchive"/> (shared
/// deployments). Open one with <see cref="Archive.Open"/>. The canonical analysis of an article is
/// its <see cref="Output.DocumentJson"/> blob; only what queries need is normalised into tables
/// (articles, sources, entities and mentions, quotes, times, events).
/// <para>
/// Identity: an article's id is the hash of its normalised body; a source (file#record or URL)
/// points at one article. Storing the same page again changes nothing; storing a changed page for a
/// known source replaces the old article (when no other source still points at it) in the same
/// transaction. Every write bumps a change sequence that the search index follows
/// (<see cref="ChangesSince"/>).
/// </para>
/// Instances are not thread-safe: one per thread (they hold one connection).
/// </summary>
public interface IArchive : IDisposable
{
    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    string Kind { get; }

    /// <summary>Where the archive is, safe to print (a file path, or host/database without the password).</summary>
    string Description { get; }

    // ---- writing ----

    /// <summary>The stored article id of each of <paramref name="sources"/> that the archive knows (source → id).</summary>
    IReadOnlyDictionary<string, string> StoredIds(IReadOnlyCollection<string> sources);

    /// <summary>Stores a batch of analysed documents in one transaction (see the class remarks for identity rules).</summary>
    StoreResult Store(IReadOnlyList<Document> documents, CancellationToken cancellationToken = default);

    /// <summary>Removes a source; its article goes too when no other source points at it. True when the source was known.</summary>
    bool DeleteSource(string source);

    // ---- reading ----

    long CountArticles();

    /// <summary>An article with its full analysis (the DocumentJson blob), or null.</summary>
    StoredArticle? GetArticle(string id);

    /// <summary>Articles, newest first, filtered and paged.</summary>
    Page<ArticleSummary> ListArticles(ArticleQuery query);

    /// <summary>Entities by number of articles that mention them, filtered and paged.</summary>
    Page<EntitySummary> ListEntities(EntityQuery query);

    /// <summary>One entity with its latest mentions, quotes by and about it, its events and the entities it co-occurs with.</summary>
    EntityProfile? GetEntity(string key, int limit = 20);

    /// <summary>Quotes, newest first, by speaker or about an entity.</summary>
    Page<StoredQuote> ListQuotes(QuoteQuery query);

    /// <summary>Events, newest first, by actor, CAMEO root, place or date.</summary>
    Page<StoredEvent> ListEvents(EventQuery query);

    /// <summary>
    /// The co-occurrence network of the most-mentioned entities: the <see cref="NetworkQuery.Entities"/> entities
    /// with the most articles (optionally of one type) and the edges between them, weighted by the number of
    /// articles that mention both (the strongest <see cref="NetworkQuery.Edges"/>, each in at least
    /// <see cref="NetworkQuery.MinArticles"/> articles).
    /// </summary>
    EntityNetwork Network(NetworkQuery query);

    /// <summary>Counts for a dashboard: articles, entities, quotes, events, sections, date range, queue.</summary>
    ArchiveStats Stats();

    // ---- following changes (the search index) ----

    /// <summary>The highest change sequence number written so far (0 for an empty archive).</summary>
    long LastChange();

    /// <summary>Changes after <paramref name="sequence"/>, oldest first: stored articles (with their body) and deleted ids.</summary>
    IReadOnlyList<ArchiveChange> ChangesSince(long sequence, int max);
}
