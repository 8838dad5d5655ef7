using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Model;

namespace Marsad.Store;

/// <summary>
/// The archive logic shared by both back ends: the SQL is written once (parameterised, portable
/// between SQLite ≥ 3.35 and PostgreSQL ≥ 12); the dialects supply the connection, how a write
/// transaction is taken and how statements are sent (<see cref="IStatementSink"/>).
/// </summary>
public abstract class SqlArchive : IArchive
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    protected SqlArchive(DbConnection connection) => Connection = connection;

    protected DbConnection Connection { get; }

    public abstract string Kind { get; }

    public abstract string Description { get; }

    /// <summary>Begins the write transaction and returns the change sequence, locked until commit (writers serialise here).</summary>
    protected abstract (DbTransaction Transaction, long Sequence) BeginWrite();

    /// <summary>How the writes of one transaction are sent: executed one by one (SQLite) or batched (PostgreSQL).</summary>
    internal abstract IStatementSink CreateSink(DbTransaction transaction);

    /// <summary>A read-only snapshot transaction (SQLite: deferred, so writers are not blocked; PostgreSQL: repeatable read).</summary>
    protected abstract DbTransaction BeginRead();

    /// <summary>Takes the dialect's migration lock inside <paramref name="tx"/> (PostgreSQL: an advisory lock; SQLite: the write lock is enough).</summary>
    protected virtual void LockForMigration(DbTransaction tx) { }

    // ------------------------------------------------------------------ schema

    /// <summary>Applies pending migrations; safe to call from several processes at once.</summary>
    protected void Migrate()
    {
        using var tx = Connection.BeginTransaction();
        LockForMigration(tx);
        Exec(tx, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var applied = new HashSet<int>();
        using (var cmd = Command("SELECT version FROM schema_migrations", tx))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                applied.Add(r.GetInt32(0));
        }
        foreach (var m in Schema.Migrations)
        {
            if (applied.Contains(m.Version))
                continue;
            if (!m.PostgresOnly || Kind == "postgres")
            {
                foreach (var statement in m.Sql.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    Exec(tx, statement);
            }
            Exec(tx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)",
                ("v", m.Version), ("n", m.Name), ("t", DateTime.UtcNow.ToString("O", Inv)));
        }
        tx.Commit();
    }

    public int SchemaVersion() => Convert.ToInt32(Scalar("SELECT MAX(version) FROM schema_migrations") ?? 0, Inv);

    // ------------------------------------------------------------------ writing

    public IReadOnlyDictionary<string, string> StoredIds(IReadOnlyCollection<string> sources) => StoredIds(sources, null);

    private Dictionary<string, string> StoredIds(IReadOnlyCollection<string> sources, DbTransaction? tx)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in sources.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            using var cmd = Command("", tx);
            cmd.CommandText = "SELECT source, article_id FROM sources WHERE source IN (" + InList(cmd, "s", chunk) + ")";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                result[r.GetString(0)] = r.GetString(1);
        }
        return result;
    }

    public StoreResult Store(IReadOnlyList<Document> documents, CancellationToken cancellationToken = default)
    {
        if (documents.Count == 0)
            return new StoreResult(0, 0, 0, 0);
        // Serialise and normalise outside the transaction.
        var rows = Prepare(documents);
        cancellationToken.ThrowIfCancellationRequested();

        var (tx, seq) = BeginWrite();
        using var _ = tx;
        var result = StoreIn(tx, seq, rows);
        tx.Commit();
        return result;
    }

    /// <summary>Builds the rows of a batch (JSON blob, normalised rows); pure, so callers run it outside the transaction.</summary>
    internal static DocumentRows[] Prepare(IReadOnlyList<Document> documents)
    {
        var rows = new DocumentRows[documents.Count];
        for (var i = 0; i < documents.Count; i++)
            rows[i] = DocumentRows.Build(documents[i]);
        return rows;
    }

    /// <summary>Stores prepared rows inside <paramref name="tx"/>, whose change sequence <paramref name="seq"/> the caller has locked; does not commit.</summary>
    internal StoreResult StoreIn(DbTransaction tx, long seq, IReadOnlyList<DocumentRows> rows)
    {
        if (rows.Count == 0)
            return new StoreResult(0, 0, 0, 0);
        var documents = rows.Select(r => r.Document).ToList();
        var sources = StoredIds([.. documents.Select(d => d.Article.Source)], tx);
        var ids = new HashSet<string>(documents.Select(d => d.Article.Id).Concat(sources.Values), StringComparer.Ordinal);
        var existing = ExistingIds(ids, tx);
        var refs = SourceCounts(ids, tx);
        var now = DateTime.UtcNow.ToString("O", Inv);
        int inserted = 0, replaced = 0, unchanged = 0, aliased = 0;
        var sink = CreateSink(tx);
        foreach (var row in rows)
        {
            var a = row.Document.Article;
            sources.TryGetValue(a.Source, out var old);
            if (old == a.Id)
            {
                unchanged++;
                continue;
            }
            var isNew = existing.Add(a.Id);
            if (isNew)
                InsertArticle(sink, row, ++seq, now);
            refs[a.Id] = refs.GetValueOrDefault(a.Id) + 1;
            if (old is null)
            {
                sink.Add("INSERT INTO sources (source, article_id) VALUES (@p0, @p1)", a.Source, a.Id);
                if (isNew)
                    inserted++;
                else
                    aliased++;
            }
            else
            {
                sink.Add("UPDATE sources SET article_id = @p0 WHERE source = @p1", a.Id, a.Source);
                var left = refs[old] = refs.GetValueOrDefault(old) - 1;
                if (left <= 0)
                {
                    DeleteArticle(sink, old, ++seq);
                    existing.Remove(old);
                    refs.Remove(old);
                }
                replaced++;
            }
            sources[a.Source] = a.Id;
        }
        sink.Add("UPDATE archive_meta SET value = @p0 WHERE name = 'change_seq'", seq);
        sink.Flush();
        return new StoreResult(inserted, replaced, unchanged, aliased);
    }

    public bool DeleteSource(string source)
    {
        var (tx, seq) = BeginWrite();
        using var _ = tx;
        var known = StoredIds([source], tx);
        if (!known.TryGetValue(source, out var id))
            return false;
        var lastSource = SourceCounts([id], tx).GetValueOrDefault(id) <= 1;
        var sink = CreateSink(tx);
        sink.Add("DELETE FROM sources WHERE source = @p0", source);
        if (lastSource)
            DeleteArticle(sink, id, ++seq);
        sink.Add("UPDATE archive_meta SET value = @p0 WHERE name = 'change_seq'", seq);
        sink.Flush();
        tx.Commit();
        return true;
    }

    private HashSet<string> ExistingIds(IReadOnlyCollection<string> ids, DbTransaction tx)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            using var cmd = Command("", tx);
            cmd.CommandText = "SELECT id FROM articles WHERE id IN (" + InList(cmd, "i", chunk) + ")";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                result.Add(r.GetString(0));
        }
        return result;
    }

    private Dictionary<string, int> SourceCounts(IReadOnlyCollection<string> ids, DbTransaction tx)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            using var cmd = Command("", tx);
            cmd.CommandText = "SELECT article_id, COUNT(*) FROM sources WHERE article_id IN (" + InList(cmd, "i", chunk) + ") GROUP BY article_id";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                result[r.GetString(0)] = Convert.ToInt32(r.GetValue(1), Inv);
        }
        return result;
    }

    private static void InsertArticle(IStatementSink sink, DocumentRows row, long seq, string now)
    {
        var doc = row.Document;
        var a = doc.Article;
        var published = a.Published?.ToString();
        sink.Add("""
            INSERT INTO articles (id, seq, source, format, title, section, section_norm, published, published_date, place, place_norm,
                url, author, language, body_chars, entity_count, quote_count, analysis, stored_at)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18)
            """,
            a.Id, seq, a.Source, a.Format, a.Title, a.Section, DocumentRows.Norm(a.Section), published, row.PublishedDate,
            a.Dateline?.Place, DocumentRows.Norm(a.Dateline?.Place), a.Url, a.Author, a.Language, a.Body.Length,
            row.Entities.Count, doc.Quotes.Length, row.Json, now);

        var ord = 0;
        foreach (var e in row.Entities)
        {
            var ent = e.Entity;
            sink.Add("""
                INSERT INTO entities (entity_key, canonical, canonical_norm, type, kind, country, link_id, articles, mentions)
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, 1, @p7)
                ON CONFLICT (entity_key) DO UPDATE SET articles = entities.articles + 1, mentions = entities.mentions + excluded.mentions,
                    kind = COALESCE(entities.kind, excluded.kind), country = COALESCE(entities.country, excluded.country)
                """,
                e.Key, ent.Canonical, DocumentRows.Norm(ent.Canonical) ?? ent.Canonical, ent.Type.ToString(), ent.Kind, ent.Country, ent.LinkId, e.Mentions.Count);
            sink.Add("INSERT INTO article_entities (article_id, entity_key, mentions, role, title, aliases) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)",
                a.Id, e.Key, e.Mentions.Count, e.Role, e.Title, ent.Aliases.IsDefaultOrEmpty ? null : JsonSerializer.Serialize(ent.Aliases.ToArray()));
            foreach (var m in e.Mentions)
            {
                sink.Add("INSERT INTO mentions (article_id, ord, entity_key, start_pos, end_pos, text, by_rule) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)",
                    a.Id, ord++, e.Key, m.Start, m.End, m.Text, m.By);
            }
        }
        ord = 0;
        foreach (var q in doc.Quotes)
        {
            string? speakerKey = q.Speaker is not null && row.EntityKeys.TryGetValue(q.Speaker, out var sk) ? sk : null;
            string? viaKey = q.Via is not null && row.EntityKeys.TryGetValue(q.Via, out var vk) ? vk : null;
            sink.Add("""
                INSERT INTO quotes (article_id, ord, published, start_pos, end_pos, text, kind, verb, speaker_text, speaker_norm, speaker_key, via_text, via_key, by_rule)
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)
                """,
                a.Id, ord++, published, q.Start, q.End, q.Text, q.Kind, q.Verb, q.SpeakerText, DocumentRows.Norm(q.SpeakerText), speakerKey, q.ViaText, viaKey, q.By);
        }
        ord = 0;
        foreach (var t in doc.Times)
        {
            sink.Add("""
                INSERT INTO times (article_id, ord, start_pos, end_pos, text, value, granularity, part_of_day, anchor, calendar, by_rule)
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)
                """,
                a.Id, ord++, t.Start, t.End, t.Text, t.Value, t.Granularity, t.PartOfDay, t.Anchor, t.Calendar, t.By);
        }
        foreach (var ev in row.Events)
        {
            sink.Add("""
                INSERT INTO events (article_id, ord, published, code, root, actor, actor_norm, actor_key, target, target_norm, target_key,
                    place, place_norm, event_date, start_pos, end_pos, json)
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16)
                """,
                a.Id, ev.Ordinal, published, ev.Code, ev.Root, ev.Actor, DocumentRows.Norm(ev.Actor), ev.ActorKey, ev.Target, DocumentRows.Norm(ev.Target), ev.TargetKey,
                ev.Place, DocumentRows.Norm(ev.Place), ev.Date, ev.Start, ev.End, ev.Json);
        }
    }

    private static void DeleteArticle(IStatementSink sink, string id, long seq)
    {
        sink.Add("""
            UPDATE entities SET articles = entities.articles - 1, mentions = entities.mentions - ae.mentions
            FROM article_entities ae WHERE ae.article_id = @p0 AND entities.entity_key = ae.entity_key
            """, id);
        foreach (var table in (ReadOnlySpan<string>)["article_entities", "mentions", "quotes", "times", "events"])
            sink.Add($"DELETE FROM {table} WHERE article_id = @p0", id);
        sink.Add("DELETE FROM articles WHERE id = @p0", id);
        sink.Add("INSERT INTO deletions (seq, article_id) VALUES (@p0, @p1)", seq, id);
    }

    // ------------------------------------------------------------------ reading

    public long CountArticles() => Convert.ToInt64(Scalar("SELECT COUNT(*) FROM articles") ?? 0L, Inv);

    private const string SummaryColumns = "a.id, a.source, a.title, a.section, a.published, a.place, a.url, a.body_chars, a.entity_count, a.quote_count";

    private static ArticleSummary ReadSummary(DbDataReader r, int o = 0) => new()
    {
        Id = r.GetString(o),
        Source = r.GetString(o + 1),
        Title = Str(r, o + 2),
        Section = Str(r, o + 3),
        Published = Str(r, o + 4),
        Place = Str(r, o + 5),
        Url = Str(r, o + 6),
        BodyChars = Convert.ToInt32(r.GetValue(o + 7), Inv),
        Entities = Convert.ToInt32(r.GetValue(o + 8), Inv),
        Quotes = Convert.ToInt32(r.GetValue(o + 9), Inv),
    };

    public StoredArticle? GetArticle(string id)
    {
        using var cmd = Command($"SELECT {SummaryColumns}, a.analysis FROM articles a WHERE a.id = @id", null, ("id", id));
        ArticleSummary summary;
        string json;
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read())
                return null;
            summary = ReadSummary(r);
            json = r.GetString(10);
        }
        var sources = new List<string>();
        using (var s = Command("SELECT source FROM sources WHERE article_id = @id ORDER BY source", null, ("id", id)))
        using (var r = s.ExecuteReader())
        {
            while (r.Read())
                sources.Add(r.GetString(0));
        }
        return new StoredArticle(summary, sources, json);
    }

    public Page<ArticleSummary> ListArticles(ArticleQuery query)
    {
        var (offset, limit) = Bounds(query.Offset, query.Limit, 200);
        var where = new Where();
        if (DocumentRows.Norm(query.Section) is { } section)
            where.Add("a.section_norm = @section", ("section", section));
        AddDateRange(where, "a.published", query.From, query.To);
        if (!string.IsNullOrWhiteSpace(query.Entity))
            where.Add("EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article_id = a.id AND ae.entity_key = @entity)", ("entity", query.Entity.Trim()));
        if (!string.IsNullOrWhiteSpace(query.EntityType))
            where.Add("EXISTS (SELECT 1 FROM article_entities ae JOIN entities e ON e.entity_key = ae.entity_key WHERE ae.article_id = a.id AND e.type = @etype)", ("etype", query.EntityType.Trim().ToUpperInvariant()));
        if (DocumentRows.Norm(query.Place) is { } place)
        {
            where.Add("(a.place_norm = @place OR EXISTS (SELECT 1 FROM article_entities ae JOIN entities e ON e.entity_key = ae.entity_key WHERE ae.article_id = a.id AND e.type = 'LOC' AND e.canonical_norm = @place))",
                ("place", place));
        }
        if (!string.IsNullOrWhiteSpace(query.Country))
            where.Add("EXISTS (SELECT 1 FROM article_entities ae JOIN entities e ON e.entity_key = ae.entity_key WHERE ae.article_id = a.id AND e.country = @country)", ("country", query.Country.Trim().ToUpperInvariant()));
        if (!string.IsNullOrWhiteSpace(query.Speaker))
        {
            where.Add("EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id AND (q.speaker_key = @speaker OR q.speaker_norm LIKE @speakerLike ESCAPE '\\'))",
                ("speaker", query.Speaker.Trim()), ("speakerLike", Like(DocumentRows.Norm(query.Speaker))));
        }
        var total = Convert.ToInt64(Scalar($"SELECT COUNT(*) FROM articles a{where}", where.Parameters) ?? 0L, Inv);
        using var cmd = Command($"SELECT {SummaryColumns} FROM articles a{where} ORDER BY a.published DESC NULLS LAST, a.id LIMIT @limit OFFSET @offset",
            null, [.. where.Parameters, ("limit", limit), ("offset", offset)]);
        var items = new List<ArticleSummary>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                items.Add(ReadSummary(r));
        }
        return new Page<ArticleSummary>(items, total, offset, limit);
    }

    private const string EntityColumns = "e.entity_key, e.canonical, e.type, e.kind, e.country, e.link_id, e.articles, e.mentions";

    private static EntitySummary ReadEntity(DbDataReader r, int o = 0) => new()
    {
        Key = r.GetString(o),
        Canonical = r.GetString(o + 1),
        Type = r.GetString(o + 2),
        Kind = Str(r, o + 3),
        Country = Str(r, o + 4),
        LinkId = Str(r, o + 5),
        Articles = Convert.ToInt64(r.GetValue(o + 6), Inv),
        Mentions = Convert.ToInt64(r.GetValue(o + 7), Inv),
    };

    public Page<EntitySummary> ListEntities(EntityQuery query)
    {
        var (offset, limit) = Bounds(query.Offset, query.Limit, 500);
        var where = new Where();
        where.Add("e.articles > 0");
        if (!string.IsNullOrWhiteSpace(query.Type))
            where.Add("e.type = @type", ("type", query.Type.Trim().ToUpperInvariant()));
        if (DocumentRows.Norm(query.NameContains) is { } name)
            where.Add("e.canonical_norm LIKE @name ESCAPE '\\'", ("name", Like(name)));
        if (!string.IsNullOrWhiteSpace(query.Country))
            where.Add("e.country = @country", ("country", query.Country.Trim().ToUpperInvariant()));
        var total = Convert.ToInt64(Scalar($"SELECT COUNT(*) FROM entities e{where}", where.Parameters) ?? 0L, Inv);
        using var cmd = Command($"SELECT {EntityColumns} FROM entities e{where} ORDER BY e.articles DESC, e.entity_key LIMIT @limit OFFSET @offset",
            null, [.. where.Parameters, ("limit", limit), ("offset", offset)]);
        var items = new List<EntitySummary>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                items.Add(ReadEntity(r));
        }
        return new Page<EntitySummary>(items, total, offset, limit);
    }

    public EntityProfile? GetEntity(string key, int limit = 20)
    {
        limit = Math.Clamp(limit, 1, 200);
        EntitySummary? entity = null;
        using (var cmd = Command($"SELECT {EntityColumns} FROM entities e WHERE e.entity_key = @k AND e.articles > 0", null, ("k", key)))
        using (var r = cmd.ExecuteReader())
        {
            if (r.Read())
                entity = ReadEntity(r);
        }
        if (entity is null)
            return null;
        var aliases = Strings("SELECT text FROM mentions WHERE entity_key = @k GROUP BY text ORDER BY COUNT(*) DESC, text LIMIT @n", ("k", key), ("n", limit));
        var roles = Strings("SELECT role FROM article_entities WHERE entity_key = @k AND role IS NOT NULL GROUP BY role ORDER BY COUNT(*) DESC, role LIMIT @n", ("k", key), ("n", limit));
        var mentions = new List<StoredMention>();
        using (var cmd = Command("""
            SELECT m.article_id, a.title, a.published, m.start_pos, m.end_pos, m.text, m.by_rule
            FROM mentions m JOIN articles a ON a.id = m.article_id
            WHERE m.entity_key = @k ORDER BY a.published DESC NULLS LAST, m.article_id, m.ord LIMIT @n
            """, null, ("k", key), ("n", limit)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                mentions.Add(new StoredMention(r.GetString(0), Str(r, 1), Str(r, 2), Convert.ToInt32(r.GetValue(3), Inv), Convert.ToInt32(r.GetValue(4), Inv), r.GetString(5), r.GetString(6)));
        }
        var quotesBy = ListQuotes(new QuoteQuery { Speaker = key, Limit = limit }).Items;
        var quotesAbout = ListQuotes(new QuoteQuery { About = key, Limit = limit }).Items;
        var events = ListEvents(new EventQuery { Actor = key, Limit = limit }).Items;
        var co = new List<CoOccurrence>();
        using (var cmd = Command($"""
            SELECT {EntityColumns}, c.n FROM (
                SELECT ae2.entity_key AS k, COUNT(*) AS n
                FROM article_entities ae1 JOIN article_entities ae2 ON ae2.article_id = ae1.article_id AND ae2.entity_key <> ae1.entity_key
                WHERE ae1.entity_key = @k GROUP BY ae2.entity_key) c
            JOIN entities e ON e.entity_key = c.k
            ORDER BY c.n DESC, e.articles DESC, e.entity_key LIMIT @n
            """, null, ("k", key), ("n", limit)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                co.Add(new CoOccurrence(ReadEntity(r), Convert.ToInt64(r.GetValue(8), Inv)));
        }
        return new EntityProfile(entity, aliases, roles, mentions, quotesBy, quotesAbout, events, co);
    }

    public EntityNetwork Network(NetworkQuery query)
    {
        var n = Math.Clamp(query.Entities, 1, 200);
        var edges = Math.Clamp(query.Edges, 1, 2000);
        var where = new Where();
        where.Add("e.articles > 0");
        if (!string.IsNullOrWhiteSpace(query.Type))
            where.Add("e.type = @type", ("type", query.Type.Trim().ToUpperInvariant()));
        var nodes = new List<EntitySummary>();
        using (var cmd = Command($"SELECT {EntityColumns} FROM entities e{where} ORDER BY e.articles DESC, e.entity_key LIMIT @limit", null, [.. where.Parameters, ("limit", n)]))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                nodes.Add(ReadEntity(r));
        }
        var links = new List<NetworkEdge>();
        if (nodes.Count < 2)
            return new EntityNetwork(nodes, links);
        using (var cmd = Command("", null, ("min", Math.Max(1, query.MinArticles)), ("edges", edges)))
        {
            var keys = InList(cmd, "k", nodes.Select(e => e.Key));
            cmd.CommandText = $"""
                SELECT ae1.entity_key, ae2.entity_key, COUNT(*) AS n
                FROM article_entities ae1 JOIN article_entities ae2 ON ae2.article_id = ae1.article_id AND ae1.entity_key < ae2.entity_key
                WHERE ae1.entity_key IN ({keys}) AND ae2.entity_key IN ({keys})
                GROUP BY ae1.entity_key, ae2.entity_key HAVING COUNT(*) >= @min
                ORDER BY n DESC, ae1.entity_key, ae2.entity_key LIMIT @edges
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
                links.Add(new NetworkEdge(r.GetString(0), r.GetString(1), Convert.ToInt64(r.GetValue(2), Inv)));
        }
        return new EntityNetwork(nodes, links);
    }

    public Page<StoredQuote> ListQuotes(QuoteQuery query)
    {
        var (offset, limit) = Bounds(query.Offset, query.Limit, 200);
        var where = new Where();
        if (!string.IsNullOrWhiteSpace(query.Speaker))
        {
            where.Add("(q.speaker_key = @speaker OR q.speaker_norm LIKE @speakerLike ESCAPE '\\')",
                ("speaker", query.Speaker.Trim()), ("speakerLike", Like(DocumentRows.Norm(query.Speaker))));
        }
        if (!string.IsNullOrWhiteSpace(query.About))
        {
            where.Add("EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id AND m.entity_key = @about AND m.start_pos >= q.start_pos AND m.end_pos <= q.end_pos)",
                ("about", query.About.Trim()));
        }
        AddDateRange(where, "q.published", query.From, query.To);
        var total = Convert.ToInt64(Scalar($"SELECT COUNT(*) FROM quotes q{where}", where.Parameters) ?? 0L, Inv);
        using var cmd = Command($"""
            SELECT q.article_id, a.title, q.published, q.start_pos, q.end_pos, q.text, q.kind, q.verb, q.speaker_text, q.speaker_key, q.via_text, q.via_key, q.by_rule
            FROM quotes q JOIN articles a ON a.id = q.article_id{where}
            ORDER BY q.published DESC NULLS LAST, q.article_id, q.ord LIMIT @limit OFFSET @offset
            """, null, [.. where.Parameters, ("limit", limit), ("offset", offset)]);
        var items = new List<StoredQuote>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                items.Add(new StoredQuote
                {
                    ArticleId = r.GetString(0),
                    ArticleTitle = Str(r, 1),
                    Published = Str(r, 2),
                    Start = Convert.ToInt32(r.GetValue(3), Inv),
                    End = Convert.ToInt32(r.GetValue(4), Inv),
                    Text = r.GetString(5),
                    Kind = r.GetString(6),
                    Verb = r.GetString(7),
                    SpeakerText = Str(r, 8),
                    SpeakerKey = Str(r, 9),
                    ViaText = Str(r, 10),
                    ViaKey = Str(r, 11),
                    By = r.GetString(12),
                });
            }
        }
        return new Page<StoredQuote>(items, total, offset, limit);
    }

    public Page<StoredEvent> ListEvents(EventQuery query)
    {
        var (offset, limit) = Bounds(query.Offset, query.Limit, 200);
        var where = new Where();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            where.Add("(v.actor_key = @actor OR v.target_key = @actor OR v.actor_norm LIKE @actorLike ESCAPE '\\' OR v.target_norm LIKE @actorLike ESCAPE '\\')",
                ("actor", query.Actor.Trim()), ("actorLike", Like(DocumentRows.Norm(query.Actor))));
        }
        if (!string.IsNullOrWhiteSpace(query.Root))
            where.Add("v.root = @root", ("root", query.Root.Trim()));
        if (DocumentRows.Norm(query.Place) is { } place)
            where.Add("v.place_norm = @place", ("place", place));
        if (query.From is { } from)
            where.Add("COALESCE(v.event_date, v.published) >= @from", ("from", Iso(from)));
        if (query.To is { } to)
            where.Add("COALESCE(v.event_date, v.published) < @to", ("to", Iso(to.AddDays(1))));
        var total = Convert.ToInt64(Scalar($"SELECT COUNT(*) FROM events v{where}", where.Parameters) ?? 0L, Inv);
        using var cmd = Command($"""
            SELECT v.article_id, a.title, v.published, v.ord, v.code, v.root, v.actor, v.actor_key, v.target, v.target_key, v.place, v.event_date, v.start_pos, v.end_pos, v.json
            FROM events v JOIN articles a ON a.id = v.article_id{where}
            ORDER BY COALESCE(v.event_date, v.published) DESC NULLS LAST, v.article_id, v.ord LIMIT @limit OFFSET @offset
            """, null, [.. where.Parameters, ("limit", limit), ("offset", offset)]);
        var items = new List<StoredEvent>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                items.Add(new StoredEvent
                {
                    ArticleId = r.GetString(0),
                    ArticleTitle = Str(r, 1),
                    Published = Str(r, 2),
                    Ordinal = Convert.ToInt32(r.GetValue(3), Inv),
                    Code = Str(r, 4),
                    Root = Str(r, 5),
                    Actor = Str(r, 6),
                    ActorKey = Str(r, 7),
                    Target = Str(r, 8),
                    TargetKey = Str(r, 9),
                    Place = Str(r, 10),
                    Date = Str(r, 11),
                    Start = r.IsDBNull(12) ? null : Convert.ToInt32(r.GetValue(12), Inv),
                    End = r.IsDBNull(13) ? null : Convert.ToInt32(r.GetValue(13), Inv),
                    Json = r.GetString(14),
                });
            }
        }
        return new Page<StoredEvent>(items, total, offset, limit);
    }

    public virtual ArchiveStats Stats()
    {
        long Count(string sql) => Convert.ToInt64(Scalar(sql) ?? 0L, Inv);
        var sections = new List<(string, long)>();
        using (var cmd = Command("SELECT section, COUNT(*) FROM articles WHERE section IS NOT NULL GROUP BY section ORDER BY COUNT(*) DESC, section LIMIT 100"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                sections.Add((r.GetString(0), Convert.ToInt64(r.GetValue(1), Inv)));
        }
        return new ArchiveStats
        {
            Articles = CountArticles(),
            Sources = Count("SELECT COUNT(*) FROM sources"),
            Entities = Count("SELECT COUNT(*) FROM entities WHERE articles > 0"),
            Mentions = Count("SELECT COUNT(*) FROM mentions"),
            Quotes = Count("SELECT COUNT(*) FROM quotes"),
            Times = Count("SELECT COUNT(*) FROM times"),
            Events = Count("SELECT COUNT(*) FROM events"),
            FirstPublished = Scalar("SELECT MIN(published) FROM articles") as string,
            LastPublished = Scalar("SELECT MAX(published) FROM articles") as string,
            Sections = sections,
            Queue = QueueCounts(),
            SchemaVersion = SchemaVersion(),
        };
    }

    /// <summary>Work-queue rows by state; empty where there is no queue.</summary>
    protected virtual IReadOnlyList<(string State, long Pages)> QueueCounts() => [];

    // ------------------------------------------------------------------ changes for the index

    public long LastChange() => Convert.ToInt64(Scalar("SELECT value FROM archive_meta WHERE name = 'change_seq'") ?? 0L, Inv);

    public IReadOnlyList<ArchiveChange> ChangesSince(long sequence, int max)
    {
        max = Math.Clamp(max, 1, 5000);
        using var tx = BeginRead();
        var stored = new List<(long Seq, IndexableArticle Article)>();
        using (var cmd = Command("SELECT id, seq, title, section, published, published_date, place_norm, analysis FROM articles WHERE seq > @s ORDER BY seq LIMIT @n", tx, ("s", sequence), ("n", max)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                stored.Add((Convert.ToInt64(r.GetValue(1), Inv), new IndexableArticle
                {
                    Id = r.GetString(0),
                    Title = Str(r, 2),
                    Section = Str(r, 3),
                    Published = Str(r, 4),
                    PublishedDate = Str(r, 5),
                    Place = Str(r, 6),
                    Body = BodyOf(r.GetString(7)),
                }));
            }
        }
        var deleted = new List<(long Seq, string Id)>();
        using (var cmd = Command("SELECT seq, article_id FROM deletions WHERE seq > @s ORDER BY seq LIMIT @n", tx, ("s", sequence), ("n", max)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                deleted.Add((Convert.ToInt64(r.GetValue(0), Inv), r.GetString(1)));
        }
        var limitSeq = long.MaxValue;
        if (stored.Count == max)
            limitSeq = Math.Min(limitSeq, stored[^1].Seq);
        if (deleted.Count == max)
            limitSeq = Math.Min(limitSeq, deleted[^1].Seq);
        var enriched = Enrich(stored.Where(s => s.Seq <= limitSeq).Select(s => s.Article).ToList(), tx);
        var changes = new List<ArchiveChange>();
        foreach (var (seq, article) in stored)
        {
            if (seq <= limitSeq)
                changes.Add(new ArchiveChange(seq, article.Id, enriched[article.Id]));
        }
        foreach (var (seq, id) in deleted)
        {
            if (seq <= limitSeq)
                changes.Add(new ArchiveChange(seq, id, null));
        }
        changes.Sort((x, y) => x.Sequence.CompareTo(y.Sequence));
        tx.Commit();
        return changes;
    }

    private Dictionary<string, IndexableArticle> Enrich(List<IndexableArticle> articles, DbTransaction tx)
    {
        var keys = articles.ToDictionary(a => a.Id, _ => new List<string>(), StringComparer.Ordinal);
        var types = articles.ToDictionary(a => a.Id, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var places = articles.ToDictionary(a => a.Id, a => a.Place is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal) { a.Place }, StringComparer.Ordinal);
        var countries = articles.ToDictionary(a => a.Id, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var speakers = articles.ToDictionary(a => a.Id, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var chunk in articles.Select(a => a.Id).Chunk(500))
        {
            using (var cmd = Command("", tx))
            {
                cmd.CommandText = "SELECT ae.article_id, e.entity_key, e.type, e.country, e.canonical_norm FROM article_entities ae JOIN entities e ON e.entity_key = ae.entity_key WHERE ae.article_id IN (" + InList(cmd, "i", chunk) + ")";
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    var id = r.GetString(0);
                    keys[id].Add(r.GetString(1));
                    types[id].Add(r.GetString(2));
                    if (Str(r, 3) is { } country)
                        countries[id].Add(country);
                    if (r.GetString(2) == "LOC")
                        places[id].Add(r.GetString(4));
                }
            }
            using (var cmd = Command("", tx))
            {
                cmd.CommandText = "SELECT article_id, speaker_norm, speaker_key FROM quotes WHERE article_id IN (" + InList(cmd, "i", chunk) + ")";
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    var id = r.GetString(0);
                    if (Str(r, 1) is { } name)
                        speakers[id].Add(name);
                    if (Str(r, 2) is { } key)
                        speakers[id].Add(key);
                }
            }
        }
        return articles.ToDictionary(a => a.Id, a => a with
        {
            EntityKeys = keys[a.Id],
            EntityTypes = [.. types[a.Id]],
            Places = [.. places[a.Id]],
            Countries = [.. countries[a.Id]],
            Speakers = [.. speakers[a.Id]],
        }, StringComparer.Ordinal);
    }

    /// <summary>The article body out of a stored DocumentJson blob.</summary>
    internal static string BodyOf(string analysisJson)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(analysisJson));
        var depth = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    depth++;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    depth--;
                    break;
                case JsonTokenType.PropertyName when depth == 2 && reader.ValueTextEquals("body"):
                    reader.Read();
                    return reader.GetString() ?? "";
            }
        }
        return "";
    }

    // ------------------------------------------------------------------ helpers

    protected DbCommand Command(string sql, DbTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
            AddParameter(cmd, name, value);
        return cmd;
    }

    protected static void AddParameter(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = Storable(value);
        cmd.Parameters.Add(p);
    }

    /// <summary>
    /// A parameter value both stores accept alike: null → DBNull, and NUL characters dropped from strings
    /// (PostgreSQL text cannot hold U+0000 and would fail the whole batch; a JSONL «\u0000» can bring one).
    /// The analysis JSON keeps the body exactly: JSON escapes U+0000.
    /// </summary>
    internal static object Storable(object? value) => value switch
    {
        null => DBNull.Value,
        string s when s.Contains('\0', StringComparison.Ordinal) => s.Replace("\0", "", StringComparison.Ordinal),
        _ => value,
    };

    protected void Exec(DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        cmd.ExecuteNonQuery();
    }

    protected object? Scalar(string sql, params (string Name, object? Value)[] parameters) => Scalar(sql, (IEnumerable<(string, object?)>)parameters);

    private object? Scalar(string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        using var cmd = Command(sql, null, [.. parameters]);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    private List<string> Strings(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, null, parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            if (!r.IsDBNull(0))
                list.Add(r.GetString(0));
        }
        return list;
    }

    private static string InList(DbCommand cmd, string prefix, IEnumerable<string> values)
    {
        var sb = new StringBuilder();
        var i = 0;
        foreach (var v in values)
        {
            var name = string.Create(Inv, $"{prefix}{i++}");
            if (sb.Length > 0)
                sb.Append(", ");
            sb.Append('@').Append(name);
            AddParameter(cmd, name, v);
        }
        return sb.Length == 0 ? "NULL" : sb.ToString();
    }

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    private static void AddDateRange(Where where, string column, DateOnly? from, DateOnly? to)
    {
        // ISO strings compare as dates: '2017-04-19T10:00' >= '2017-04-19' and < '2017-04-20'.
        if (from is { } f)
            where.Add($"{column} >= @from", ("from", Iso(f)));
        if (to is { } t)
            where.Add($"{column} < @to", ("to", Iso(t.AddDays(1))));
    }

    /// <summary>A LIKE pattern for "contains", with the pattern characters of the input escaped; names are bounded to 500 characters.</summary>
    private static string Like(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "%";
        if (text.Length > 500)
            text = text[..500];
        var sb = new StringBuilder(text.Length + 2).Append('%');
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\')
                sb.Append('\\');
            sb.Append(c);
        }
        return sb.Append('%').ToString();
    }

    /// <summary>Query bounds: offset ≥ 0, 1 ≤ limit ≤ <paramref name="maxLimit"/>.</summary>
    private static (int Offset, int Limit) Bounds(int offset, int limit, int maxLimit) => (Math.Max(0, offset), Math.Clamp(limit, 1, maxLimit));

    private sealed class Where
    {
        private readonly List<string> _clauses = [];

        public List<(string Name, object? Value)> Parameters { get; } = [];

        public void Add(string clause, params (string Name, object? Value)[] parameters)
        {
            _clauses.Add(clause);
            Parameters.AddRange(parameters);
        }

        public override string ToString() => _clauses.Count == 0 ? "" : " WHERE " + string.Join(" AND ", _clauses);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            Connection.Dispose();
    }
}

/// <summary>Where the writes of one transaction go; <c>@p0…@pN</c> name the values in order.</summary>
internal interface IStatementSink
{
    void Add(string sql, params object?[] values);

    /// <summary>Sends whatever is buffered; call before reading in the same transaction and before commit.</summary>
    void Flush();
}
