namespace Marsad.Store;

/// <summary>
/// Opens an archive from the <c>--store</c> value: a PostgreSQL connection string
/// (<c>Host=…;Database=…</c>, or a <c>postgres://</c> URL is refused with a hint) means PostgreSQL;
/// anything else is a SQLite file path. The default is <see cref="DefaultStore"/>.
/// </summary>
public static class Archive
{
    public const string DefaultStore = "./marsad.db";

    /// <summary>True when <paramref name="store"/> is a PostgreSQL connection string rather than a file path.</summary>
    public static bool IsPostgres(string store)
    {
        if (!store.Contains('=', StringComparison.Ordinal))
            return false;
        foreach (var part in store.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                continue;
            var key = part[..eq].Trim();
            if (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    public static IArchive Open(string? store)
    {
        store = string.IsNullOrWhiteSpace(store) ? DefaultStore : store.Trim();
        if (store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("PostgreSQL stores take a connection string: Host=…;Port=5432;Username=…;Password=…;Database=…", nameof(store));
        return IsPostgres(store) ? PostgresArchive.Open(store) : SqliteArchive.Open(store);
    }

    /// <summary>The search index folder of a store: beside the SQLite file (<c>marsad.db.index/</c>); for PostgreSQL, <c>./marsad-&lt;database&gt;.index/</c>.</summary>
    public static string DefaultIndexPath(string? store)
    {
        store = string.IsNullOrWhiteSpace(store) ? DefaultStore : store.Trim();
        if (!IsPostgres(store))
            return Path.GetFullPath(store) + ".index";
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(store);
        var name = string.IsNullOrEmpty(builder.Database) ? "postgres" : builder.Database;
        if (!string.IsNullOrEmpty(builder.SearchPath))
            name += "-" + builder.SearchPath;
        foreach (var c in Path.GetInvalidFileNameChars())
            name = name.Replace(c, '_');
        return Path.GetFullPath($"marsad-{name}.index");
    }
}
