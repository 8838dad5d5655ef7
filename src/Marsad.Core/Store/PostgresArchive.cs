using System.Data;
using System.Data.Common;
using System.Globalization;
using Marsad.Model;
using Npgsql;

namespace Marsad.Store;

/// <summary>
/// The shared archive on PostgreSQL. Writers (ingest, workers on any machine) serialise only on the
/// change-sequence row for the short store step; analysis runs outside any lock. Statements of a
/// batch go in one round trip (<see cref="NpgsqlBatch"/>). Also the work queue of <c>marsad worker</c>:
/// pages are claimed with <c>FOR UPDATE SKIP LOCKED</c>, analysed, stored and marked done in one
/// transaction, so a page is processed exactly once however many workers run.
/// </summary>
public sealed class PostgresArchive : SqlArchive
{
    private const long MigrationLockKey = 0x6D61727361640001; // "marsad" + 1

    private readonly string _description;

    private PostgresArchive(NpgsqlConnection connection, string description) : base(connection) => _description = description;

    public override string Kind => "postgres";

    public override string Description => _description;

    /// <summary>Opens the archive at <paramref name="connectionString"/> (<c>Host=…;Database=…</c>) and applies pending migrations.</summary>
    public static PostgresArchive Open(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.CommandTimeout < 120)
            builder.CommandTimeout = 120;
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        var description = string.Create(CultureInfo.InvariantCulture, $"postgres://{builder.Host}:{builder.Port}/{builder.Database}")
            + (string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (schema {builder.SearchPath})");
        var archive = new PostgresArchive(connection, description);
        try
        {
            archive.Migrate();
        }
        catch
        {
            archive.Dispose();
            throw;
        }
        return archive;
    }

    protected override void LockForMigration(DbTransaction tx) =>
        Exec(tx, "SELECT pg_advisory_xact_lock(@k)", ("k", MigrationLockKey));

    protected override (DbTransaction Transaction, long Sequence) BeginWrite()
    {
        var tx = Connection.BeginTransaction(IsolationLevel.ReadCommitted);
        return (tx, LockSequence(tx));
    }

    /// <summary>Locks the change-sequence row until commit: writers store (and so commit) one after the other, in sequence order.</summary>
    private long LockSequence(DbTransaction tx)
    {
        using var cmd = Command("SELECT value FROM archive_meta WHERE name = 'change_seq' FOR UPDATE", tx);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    protected override DbTransaction BeginRead() => Connection.BeginTransaction(IsolationLevel.RepeatableRead);

    internal override IStatementSink CreateSink(DbTransaction transaction) => new BatchSink((NpgsqlConnection)Connection, (NpgsqlTransaction)transaction);

    protected override IReadOnlyList<(string State, long Pages)> QueueCounts()
    {
        var list = new List<(string, long)>();
        using var cmd = Command("SELECT state, COUNT(*) FROM work_queue GROUP BY state ORDER BY state");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add((r.GetString(0), r.GetInt64(1)));
        return list;
    }

    // ------------------------------------------------------------------ work queue

    /// <summary>
    /// Puts articles in the work queue, one row per source. A source already queued with the same
    /// article id is left alone (whatever its state); a changed page goes back to pending.
    /// Returns the number of rows added or reset.
    /// </summary>
    public int Enqueue(IReadOnlyList<Article> articles)
    {
        if (articles.Count == 0)
            return 0;
        using var tx = Connection.BeginTransaction();
        var sink = new BatchSink((NpgsqlConnection)Connection, (NpgsqlTransaction)tx);
        foreach (var a in articles)
        {
            sink.Add("""
                INSERT INTO work_queue (source, article_id, payload) VALUES (@p0, @p1, @p2)
                ON CONFLICT (source) DO UPDATE SET article_id = excluded.article_id, payload = excluded.payload,
                    state = 'pending', attempts = 0, worker = NULL, error = NULL, done_at = NULL, enqueued_at = now()
                WHERE work_queue.article_id <> excluded.article_id
                """, a.Source, a.Id, ArticleJson.Write(a));
        }
        var changed = sink.FlushCounting();
        tx.Commit();
        return changed;
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> pending pages (skipping those other workers hold), analyses them
    /// with <paramref name="analyze"/> (a page whose analysis throws is marked failed with the error), stores
    /// the documents and marks the pages done, all in one transaction. Returns what happened, or null
    /// when no page was pending.
    /// </summary>
    public WorkBatchResult? ProcessBatch(string worker, int max, Func<IReadOnlyList<Article>, CancellationToken, IReadOnlyList<(Document? Document, string? Error)>> analyze, CancellationToken cancellationToken = default)
    {
        using var tx = Connection.BeginTransaction(IsolationLevel.ReadCommitted);
        var claimed = new List<(long Id, string Source, string Payload)>();
        using (var cmd = Command("SELECT id, source, payload FROM work_queue WHERE state = 'pending' ORDER BY id LIMIT @n FOR UPDATE SKIP LOCKED", tx, ("n", Math.Clamp(max, 1, 5000))))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                claimed.Add((r.GetInt64(0), r.GetString(1), r.GetString(2)));
        }
        if (claimed.Count == 0)
            return null;

        var articles = new List<Article>(claimed.Count);
        var errors = new Dictionary<long, string>();
        var claimedFor = new List<long>(claimed.Count);
        foreach (var (id, source, payload) in claimed)
        {
            try
            {
                articles.Add(ArticleJson.Read(payload));
                claimedFor.Add(id);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException)
            {
                errors[id] = $"{source}: unreadable payload: {ex.Message}";
            }
        }
        var results = analyze(articles, cancellationToken);
        var docs = new List<Document>(results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Document is { } doc)
                docs.Add(doc);
            else
                errors[claimedFor[i]] = results[i].Error ?? "analysis failed";
        }
        var rows = Prepare(docs);
        cancellationToken.ThrowIfCancellationRequested();
        var seq = LockSequence(tx);
        var stored = StoreIn(tx, seq, rows);
        var sink = new BatchSink((NpgsqlConnection)Connection, (NpgsqlTransaction)tx);
        foreach (var (id, _, _) in claimed)
        {
            if (errors.TryGetValue(id, out var error))
                sink.Add("UPDATE work_queue SET state = 'failed', attempts = attempts + 1, worker = @p0, error = @p1, done_at = now() WHERE id = @p2", worker, error, id);
            else
                sink.Add("UPDATE work_queue SET state = 'done', attempts = attempts + 1, worker = @p0, error = NULL, done_at = now() WHERE id = @p1", worker, id);
        }
        sink.Flush();
        tx.Commit();
        return new WorkBatchResult(claimed.Count, docs.Count, errors.Count, stored, [.. errors.Values]);
    }

    /// <summary>Puts failed pages back to pending (after a fix); returns how many.</summary>
    public int RetryFailed()
    {
        using var cmd = Command("UPDATE work_queue SET state = 'pending', worker = NULL WHERE state = 'failed'");
        return cmd.ExecuteNonQuery();
    }

    /// <summary>Queue rows as (source, state, attempts, worker), for tests and inspection.</summary>
    public IReadOnlyList<(string Source, string State, int Attempts, string? Worker)> QueueRows()
    {
        var list = new List<(string, string, int, string?)>();
        using var cmd = Command("SELECT source, state, attempts, worker FROM work_queue ORDER BY id");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add((r.GetString(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3)));
        return list;
    }

    /// <summary>Drops every archive table of the connection's schema (tests and <c>--reset</c>).</summary>
    public static void DropSchema(string connectionString, string schema)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"DROP SCHEMA IF EXISTS \"{schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\" CASCADE";
        cmd.ExecuteNonQuery();
    }

    /// <summary>Sends the statements of a transaction in batches of a few hundred, one round trip each.</summary>
    private sealed class BatchSink(NpgsqlConnection connection, NpgsqlTransaction transaction) : IStatementSink
    {
        private const int MaxCommands = 500;
        private NpgsqlBatch _batch = new(connection, transaction);
        private int _affected;

        public void Add(string sql, params object?[] values)
        {
            var cmd = new NpgsqlBatchCommand(sql);
            for (var i = 0; i < values.Length; i++)
                cmd.Parameters.Add(new NpgsqlParameter(SqliteArchive.ParameterName(i)[1..], Storable(values[i])));
            _batch.BatchCommands.Add(cmd);
            if (_batch.BatchCommands.Count >= MaxCommands)
                Flush();
        }

        public void Flush()
        {
            if (_batch.BatchCommands.Count == 0)
                return;
            _affected += _batch.ExecuteNonQuery();
            _batch.Dispose();
            _batch = new NpgsqlBatch(connection, transaction);
        }

        public int FlushCounting()
        {
            Flush();
            return _affected;
        }
    }
}

/// <summary>What one <see cref="PostgresArchive.ProcessBatch"/> did.</summary>
public sealed record WorkBatchResult(int Claimed, int Analysed, int Failed, StoreResult Stored, IReadOnlyList<string> Errors);
