using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Marsad.Store;

/// <summary>
/// The embedded archive: one SQLite file in WAL mode (readers never block the writer), one
/// immediate transaction per batch, prepared statements reused across the batch.
/// </summary>
public sealed class SqliteArchive : SqlArchive
{
    private readonly string _path;

    private SqliteArchive(SqliteConnection connection, string path) : base(connection) => _path = path;

    public override string Kind => "sqlite";

    public override string Description => _path;

    /// <summary>Opens (creating if needed) the archive file at <paramref name="path"/> and applies pending migrations.</summary>
    public static SqliteArchive Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(full) is { } dir)
            Directory.CreateDirectory(dir);
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString();
        var connection = new SqliteConnection(cs);
        connection.Open();
        using (var cmd = connection.CreateCommand())
        {
            // WAL: one writer and many readers; NORMAL sync is durable at checkpoints and safe against corruption.
            cmd.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;";
            cmd.ExecuteNonQuery();
        }
        var archive = new SqliteArchive(connection, full);
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

    protected override (DbTransaction Transaction, long Sequence) BeginWrite()
    {
        // BEGIN IMMEDIATE: takes the write lock now, so the sequence read below is ours until commit.
        var tx = ((SqliteConnection)Connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
        using var cmd = Command("SELECT value FROM archive_meta WHERE name = 'change_seq'", tx);
        return (tx, Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    protected override DbTransaction BeginRead() => ((SqliteConnection)Connection).BeginTransaction(IsolationLevel.Serializable, deferred: true);

    internal override IStatementSink CreateSink(DbTransaction transaction) => new PreparedSink((SqliteConnection)Connection, (SqliteTransaction)transaction);

    /// <summary>Executes each statement at once through a prepared command cached by its SQL text.</summary>
    private sealed class PreparedSink(SqliteConnection connection, SqliteTransaction transaction) : IStatementSink
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public void Add(string sql, params object?[] values)
        {
            if (!_commands.TryGetValue(sql, out var cmd))
            {
                cmd = connection.CreateCommand();
                cmd.CommandText = sql;
                cmd.Transaction = transaction;
                for (var i = 0; i < values.Length; i++)
                    cmd.Parameters.Add(new SqliteParameter(ParameterName(i), DBNull.Value));
                cmd.Prepare();
                _commands[sql] = cmd;
            }
            for (var i = 0; i < values.Length; i++)
                cmd.Parameters[i].Value = Storable(values[i]);
            cmd.ExecuteNonQuery();
        }

        public void Flush()
        {
            foreach (var cmd in _commands.Values)
                cmd.Dispose();
            _commands.Clear();
        }
    }

    private static readonly string[] Names = [.. Enumerable.Range(0, 32).Select(i => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    internal static string ParameterName(int i) => i < Names.Length ? Names[i] : "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
