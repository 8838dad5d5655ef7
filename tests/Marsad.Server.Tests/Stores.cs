using Npgsql;

namespace Marsad.Server.Tests;

/// <summary>
/// Store kinds the server tests run against: SQLite always; PostgreSQL when <c>MARSAD_TEST_PG</c> names a
/// server (.ci/run starts one). In CI a missing variable fails the PostgreSQL rows instead of skipping them.
/// </summary>
public static class Stores
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static string? PostgresConnection => Environment.GetEnvironmentVariable("MARSAD_TEST_PG") is { Length: > 0 } s ? s : null;

    public static bool InCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);

    public static TheoryData<string> Kinds() => PostgresConnection is not null || InCi ? new(Sqlite, Postgres) : new(Sqlite);

    /// <summary>A fact that needs PostgreSQL: skipped with the reason when no server is configured outside CI.</summary>
    public sealed class PostgresFactAttribute : FactAttribute
    {
        public PostgresFactAttribute()
        {
            if (PostgresConnection is null && !InCi)
                Skip = "MARSAD_TEST_PG is not set, so this PostgreSQL test did not run (`source .ci/postgres.sh` starts a local server and sets it).";
        }
    }
}

/// <summary>A throw-away store: a temp SQLite file, or a fresh PostgreSQL schema; a scratch folder for the search index either way.</summary>
public sealed class TempStore : IDisposable
{
    private readonly string? _schema;

    private TempStore(string store, string folder, string? schema)
    {
        Store = store;
        Folder = folder;
        _schema = schema;
    }

    public string Store { get; }

    public string Folder { get; }

    public string IndexPath => Path.Combine(Folder, "index");

    public static TempStore Create(string kind)
    {
        var folder = Path.Combine(Path.GetTempPath(), "marsad-server-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (kind == Stores.Sqlite)
            return new TempStore(Path.Combine(folder, "archive.db"), folder, null);
        var cs = Stores.PostgresConnection ?? throw new InvalidOperationException(
            "MARSAD_TEST_PG is not set: the PostgreSQL tests need a server (.ci/run starts one; by hand: `source .ci/postgres.sh`).");
        var schema = "srv_" + Guid.NewGuid().ToString("N")[..12];
        using (var c = new NpgsqlConnection(cs))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"CREATE SCHEMA {schema}";
            cmd.ExecuteNonQuery();
        }
        return new TempStore(new NpgsqlConnectionStringBuilder(cs) { SearchPath = schema }.ConnectionString, folder, schema);
    }

    public void Dispose()
    {
        if (_schema is not null && Stores.PostgresConnection is { } cs)
        {
            NpgsqlConnection.ClearAllPools();
            Marsad.Store.PostgresArchive.DropSchema(cs, _schema);
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
