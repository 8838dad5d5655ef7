namespace Marsad.Server;

/// <summary>What <c>marsad serve</c> serves: the archive (<c>--store</c>), its search index and the request limits.</summary>
public sealed record ServerOptions
{
    /// <summary>The <c>--store</c> value: a SQLite file path or a PostgreSQL connection string.</summary>
    public required string Store { get; init; }

    /// <summary>Search index folder; null means <see cref="Store.Archive.DefaultIndexPath"/> of the store.</summary>
    public string? IndexPath { get; init; }

    /// <summary>Largest request body <c>POST /api/analyze</c> accepts (bytes); larger bodies get 413.</summary>
    public int MaxAnalyzeBytes { get; init; } = 256 * 1024;

    /// <summary>Archive connections kept open between requests.</summary>
    public int PoolSize { get; init; } = 8;
}
