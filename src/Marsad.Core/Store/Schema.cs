namespace Marsad.Store;

/// <summary>
/// The archive schema as numbered migrations, applied in order on open and recorded in
/// <c>schema_migrations</c>. Both back ends share the same tables; <c>{bigid}</c> and <c>{ts}</c>
/// are spelled per dialect. Add a migration at the end to change the schema; never edit one that
/// has shipped. Normalised columns end in <c>_norm</c> (Arabic-normalised, for filters);
/// <c>start_pos</c>/<c>end_pos</c> are <c>[start, end)</c> UTF-16 offsets into the body.
/// </summary>
internal static class Schema
{
    public sealed record Migration(int Version, string Name, string Sql, bool PostgresOnly = false);

    public static readonly IReadOnlyList<Migration> Migrations =
    [
        new(1, "articles, sources, entities, mentions, quotes, times, events", """
            CREATE TABLE archive_meta (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
            INSERT INTO archive_meta (name, value) VALUES ('change_seq', 0);

            CREATE TABLE articles (
                id TEXT PRIMARY KEY,
                seq BIGINT NOT NULL,
                source TEXT NOT NULL,
                format TEXT NOT NULL,
                title TEXT,
                section TEXT,
                section_norm TEXT,
                published TEXT,
                published_date TEXT,
                place TEXT,
                place_norm TEXT,
                url TEXT,
                author TEXT,
                language TEXT,
                body_chars INTEGER NOT NULL,
                entity_count INTEGER NOT NULL,
                quote_count INTEGER NOT NULL,
                analysis TEXT NOT NULL,
                stored_at TEXT NOT NULL);
            CREATE INDEX articles_published ON articles (published DESC, id);
            CREATE INDEX articles_date ON articles (published_date);
            CREATE INDEX articles_section ON articles (section_norm, published);
            CREATE INDEX articles_place ON articles (place_norm);
            CREATE INDEX articles_seq ON articles (seq);

            CREATE TABLE sources (source TEXT PRIMARY KEY, article_id TEXT NOT NULL);
            CREATE INDEX sources_article ON sources (article_id);

            CREATE TABLE deletions (seq BIGINT PRIMARY KEY, article_id TEXT NOT NULL);

            CREATE TABLE entities (
                entity_key TEXT PRIMARY KEY,
                canonical TEXT NOT NULL,
                canonical_norm TEXT NOT NULL,
                type TEXT NOT NULL,
                kind TEXT,
                country TEXT,
                link_id TEXT,
                articles BIGINT NOT NULL,
                mentions BIGINT NOT NULL);
            CREATE INDEX entities_rank ON entities (articles DESC);
            CREATE INDEX entities_type ON entities (type, articles DESC);
            CREATE INDEX entities_country ON entities (country);

            CREATE TABLE article_entities (
                article_id TEXT NOT NULL,
                entity_key TEXT NOT NULL,
                mentions INTEGER NOT NULL,
                role TEXT,
                title TEXT,
                aliases TEXT,
                PRIMARY KEY (article_id, entity_key));
            CREATE INDEX article_entities_entity ON article_entities (entity_key, article_id);

            CREATE TABLE mentions (
                article_id TEXT NOT NULL,
                ord INTEGER NOT NULL,
                entity_key TEXT NOT NULL,
                start_pos INTEGER NOT NULL,
                end_pos INTEGER NOT NULL,
                text TEXT NOT NULL,
                by_rule TEXT NOT NULL,
                PRIMARY KEY (article_id, ord));
            CREATE INDEX mentions_entity ON mentions (entity_key);

            CREATE TABLE quotes (
                article_id TEXT NOT NULL,
                ord INTEGER NOT NULL,
                published TEXT,
                start_pos INTEGER NOT NULL,
                end_pos INTEGER NOT NULL,
                text TEXT NOT NULL,
                kind TEXT NOT NULL,
                verb TEXT NOT NULL,
                speaker_text TEXT,
                speaker_norm TEXT,
                speaker_key TEXT,
                via_text TEXT,
                via_key TEXT,
                by_rule TEXT NOT NULL,
                PRIMARY KEY (article_id, ord));
            CREATE INDEX quotes_speaker_key ON quotes (speaker_key);
            CREATE INDEX quotes_speaker_norm ON quotes (speaker_norm);
            CREATE INDEX quotes_published ON quotes (published DESC);

            CREATE TABLE times (
                article_id TEXT NOT NULL,
                ord INTEGER NOT NULL,
                start_pos INTEGER NOT NULL,
                end_pos INTEGER NOT NULL,
                text TEXT NOT NULL,
                value TEXT,
                granularity TEXT NOT NULL,
                part_of_day TEXT,
                anchor TEXT NOT NULL,
                calendar TEXT NOT NULL,
                by_rule TEXT NOT NULL,
                PRIMARY KEY (article_id, ord));
            CREATE INDEX times_value ON times (value);

            CREATE TABLE events (
                article_id TEXT NOT NULL,
                ord INTEGER NOT NULL,
                published TEXT,
                code TEXT,
                root TEXT,
                actor TEXT,
                actor_norm TEXT,
                actor_key TEXT,
                target TEXT,
                target_norm TEXT,
                target_key TEXT,
                place TEXT,
                place_norm TEXT,
                event_date TEXT,
                start_pos INTEGER,
                end_pos INTEGER,
                json TEXT NOT NULL,
                PRIMARY KEY (article_id, ord));
            CREATE INDEX events_root ON events (root, event_date);
            CREATE INDEX events_actor_key ON events (actor_key);
            CREATE INDEX events_target_key ON events (target_key);
            CREATE INDEX events_place ON events (place_norm);
            CREATE INDEX events_date ON events (event_date);
            """),
        new(2, "work queue for marsad worker", """
            CREATE TABLE work_queue (
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                source TEXT NOT NULL UNIQUE,
                article_id TEXT NOT NULL,
                payload TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                worker TEXT,
                error TEXT,
                enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                done_at TIMESTAMPTZ);
            CREATE INDEX work_queue_pending ON work_queue (id) WHERE state = 'pending';
            """, PostgresOnly: true),
    ];

    public static int Latest => Migrations[^1].Version;
}
