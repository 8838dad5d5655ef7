using System.Collections.Immutable;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Quotes;
using Marsad.Store;
using Npgsql;

namespace Marsad.Tests.Store;

/// <summary>
/// The store kinds every archive test runs against. SQLite always; PostgreSQL when
/// <c>MARSAD_TEST_PG</c> names a server (.ci/run starts one and sets it). In CI (<c>CI</c> set) a
/// missing variable makes the PostgreSQL rows fail with a clear message; locally they are left out
/// and <see cref="PostgresAvailabilityTests"/> reports the skip.
/// </summary>
public static class TestStores
{
    /// <summary>A fact that needs PostgreSQL: skipped with the reason when no server is configured outside CI.</summary>
    public sealed class PostgresFactAttribute : FactAttribute
    {
        public PostgresFactAttribute()
        {
            if (PostgresConnection is null && !InCi)
                Skip = "MARSAD_TEST_PG is not set, so this PostgreSQL test did not run (`source .ci/postgres.sh` starts a local server and sets it).";
        }
    }

    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static string? PostgresConnection => Environment.GetEnvironmentVariable("MARSAD_TEST_PG") is { Length: > 0 } s ? s : null;

    public static bool InCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<string> KindNames() => PostgresConnection is not null || InCi ? [Sqlite, Postgres] : [Sqlite];

    public static TheoryData<string> Kinds() => new(KindNames());

    /// <summary>A new empty archive of <paramref name="kind"/>; disposing it deletes it.</summary>
    public static TestArchive Create(string kind) => kind == Sqlite ? TestArchive.NewSqlite() : TestArchive.NewPostgres();

    /// <summary>An analysed document of a body written for the test, with optional extra layers.</summary>
    public static Document Doc(string body, string source, string? title = null, string? section = null, string? published = null, string? place = null) =>
        AnalysisPipeline.Default.Analyze(new Article
        {
            Id = ArticleId.Compute(body),
            Source = source,
            Format = "text",
            Title = title,
            Section = section,
            Published = published is null ? null : ArticleJson.ParsePublished(published),
            Dateline = place is null ? null : new Dateline(place, null),
            Language = "ar",
            Body = body,
        });

    /// <summary>An entity whose mentions are every occurrence of <paramref name="surface"/> in the body.</summary>
    public static Entity Entity(Document doc, string id, string canonical, EntityType type, string surface, string? country = null, string? role = null)
    {
        var mentions = ImmutableArray.CreateBuilder<EntityMention>();
        var body = doc.Article.Body;
        for (var at = body.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = body.IndexOf(surface, at + surface.Length, StringComparison.Ordinal))
            mentions.Add(new EntityMention(at, at + surface.Length, surface, "test"));
        return new Entity { Id = id, Canonical = canonical, Type = type, Country = country, Role = role, Mentions = mentions.ToImmutable() };
    }

    /// <summary>A direct quote of <paramref name="quoted"/> (a substring of the body) by a speaker.</summary>
    public static Quote Quote(Document doc, string quoted, string speakerText, string? speakerId)
    {
        var start = doc.Article.Body.IndexOf(quoted, StringComparison.Ordinal);
        Assert.True(start >= 0, $"quote text not in body: {quoted}");
        var verb = doc.Article.Body.IndexOf("قال", StringComparison.Ordinal);
        return new Quote
        {
            Start = start,
            End = start + quoted.Length,
            Text = quoted,
            Kind = "direct",
            Verb = "قال",
            VerbStart = Math.Max(verb, 0),
            VerbEnd = Math.Max(verb, 0) + 3,
            Speaker = speakerId,
            SpeakerText = speakerText,
            By = "test",
        };
    }
}

/// <summary>A throw-away archive: a temp SQLite file, or a fresh PostgreSQL schema.</summary>
public sealed class TestArchive : IDisposable
{
    private readonly string? _dir;
    private readonly string? _schema;
    private readonly List<IArchive> _opened = [];

    private TestArchive(string store, string? dir, string? schema)
    {
        Store = store;
        _dir = dir;
        _schema = schema;
    }

    /// <summary>The <c>--store</c> value of this archive.</summary>
    public string Store { get; }

    /// <summary>A folder that is deleted with the archive (for indexes and inputs).</summary>
    public string Scratch => _dir ?? throw new InvalidOperationException();

    public static TestArchive NewSqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "marsad-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return new TestArchive(Path.Combine(dir, "archive.db"), dir, null);
    }

    public static TestArchive NewPostgres()
    {
        var cs = TestStores.PostgresConnection ?? throw new InvalidOperationException(
            "MARSAD_TEST_PG is not set: the PostgreSQL store tests need a server (.ci/run starts one; by hand: `source .ci/postgres.sh`).");
        var schema = "t_" + Guid.NewGuid().ToString("N")[..12];
        using (var c = new NpgsqlConnection(cs))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"CREATE SCHEMA {schema}";
            cmd.ExecuteNonQuery();
        }
        var dir = Path.Combine(Path.GetTempPath(), "marsad-test-" + schema);
        Directory.CreateDirectory(dir);
        var store = new NpgsqlConnectionStringBuilder(cs) { SearchPath = schema }.ConnectionString;
        return new TestArchive(store, dir, schema);
    }

    /// <summary>Opens a connection to the archive (closed with the test archive).</summary>
    public IArchive Open()
    {
        var a = Archive.Open(Store);
        _opened.Add(a);
        return a;
    }

    public void Dispose()
    {
        foreach (var a in _opened)
            a.Dispose();
        if (_schema is not null && TestStores.PostgresConnection is { } cs)
        {
            NpgsqlConnection.ClearAllPools();
            PostgresArchive.DropSchema(cs, _schema);
        }
        if (_dir is not null && Directory.Exists(_dir))
        {
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
