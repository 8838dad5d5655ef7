using System.Text.Json;
using Marsad.Index;
using Marsad.Store;
using Marsad.Tests.Store;

namespace Marsad.Tests.Hardening;

/// <summary>
/// SQL metacharacters, query-syntax characters and very long strings in <c>marsad search</c> and in the
/// archive's filters (issue 7), on SQLite and PostgreSQL. Each hostile value is data: it finds nothing
/// (or what it literally says), never changes or breaks the archive, and the next ordinary search still works.
/// </summary>
public sealed class HostileQueryTests
{
    public static TheoryData<string> Kinds() => TestStores.Kinds();

    /// <summary>Hostile strings, each of which must be taken literally.</summary>
    internal static readonly string[] HostileStrings =
    [
        "'; DROP TABLE articles; --",
        "\" OR 1=1 --",
        "النفط' OR '1'='1",
        "%",
        "_",
        "\\",
        "'||(SELECT pg_sleep(5))||'",
        "1; DELETE FROM sources",
        "title:* AND body:?~ (+\"",
        "*:*",
        "\"قافلة",
        "النفط\u0000",
        new string('ن', 100_000),
        string.Concat(Enumerable.Repeat("النفط OR ", 20_000)),
    ];

    private static (TestArchive Store, string Index) Archive3(string kind)
    {
        var t = TestStores.Create(kind);
        var archive = t.Open();
        archive.Store([ArchiveTests.DocA(), ArchiveTests.DocB(), ArchiveTests.DocC()]);
        var indexPath = Path.Combine(t.Scratch, "index");
        using (var index = SearchIndex.Open(indexPath))
            index.Sync(archive);
        return (t, indexPath);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Hostile_archive_filters_match_nothing_and_change_nothing(string kind)
    {
        var (t, _) = Archive3(kind);
        using (t)
        {
            var archive = t.Open();
            foreach (var s in HostileStrings)
            {
                Assert.Equal(0, archive.ListArticles(new ArticleQuery { Section = s }).Total);
                Assert.Equal(0, archive.ListArticles(new ArticleQuery { Place = s }).Total);
                Assert.Equal(0, archive.ListArticles(new ArticleQuery { Entity = s }).Total);
                Assert.Equal(0, archive.ListArticles(new ArticleQuery { Speaker = s, Country = s, EntityType = s }).Total);
                Assert.Equal(0, archive.ListEntities(new EntityQuery { NameContains = s, Country = s }).Total);
                Assert.Equal(0, archive.ListQuotes(new QuoteQuery { Speaker = s, About = s }).Total);
                Assert.Equal(0, archive.ListEvents(new EventQuery { Actor = s, Root = s, Place = s }).Total);
                Assert.Null(archive.GetArticle(s));
                Assert.Null(archive.GetEntity(s));
            }
            Assert.Equal(3, archive.CountArticles());
            Assert.Equal(2, archive.ListArticles(new ArticleQuery { Section = "politics" }).Total);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Nul_characters_in_an_article_are_stored_without_losing_the_batch(string kind)
    {
        // A JSONL record may carry «\u0000»; PostgreSQL text cannot hold it, and one such article must not fail the batch.
        using var t = TestStores.Create(kind);
        var archive = t.Open();
        var nul = TestStores.Doc("وصلت\u0000 قافلة مساعدات إلى المدينة صباح اليوم.", "test/nul.jsonl#1", "عنوان\u0000 غريب", "محليات\u0000", "2024-03-07");
        var result = archive.Store([ArchiveTests.DocC(), nul]);
        Assert.Equal(2, result.Inserted);
        Assert.Equal(2, archive.CountArticles());
        var stored = archive.GetArticle(nul.Article.Id);
        Assert.NotNull(stored);
        using var json = JsonDocument.Parse(stored.AnalysisJson);
        Assert.Equal(nul.Article.Body, json.RootElement.GetProperty("article").GetProperty("body").GetString()); // offsets still point into this body
        Assert.Equal(1, archive.ListArticles(new ArticleQuery { Section = "محليات" }).Total);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Hostile_search_queries_are_words_not_syntax(string kind)
    {
        var (t, indexPath) = Archive3(kind);
        using (t)
        using (var index = SearchIndex.Open(indexPath))
        {
            foreach (var s in HostileStrings)
            {
                var results = index.Search(new SearchQuery { Text = s, Section = s, Place = s, Speaker = s, Entity = s });
                Assert.Empty(results.Hits);
                var unfiltered = index.Search(new SearchQuery { Text = s });
                Assert.All(unfiltered.Hits, h => Assert.Equal(ArchiveTests.DocC().Article.Id, h.ArticleId)); // only «النفط» can match
            }
            Assert.Equal(ArchiveTests.DocC().Article.Id, Assert.Single(index.Search(new SearchQuery { Text = "النفط'; --" }).Hits).ArticleId);
            Assert.Equal(3, t.Open().CountArticles());
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Marsad_search_command_takes_hostile_queries_and_filters_literally(string kind)
    {
        var (t, indexPath) = Archive3(kind);
        using (t)
        {
            string[][] runs =
            [
                ["'; DROP TABLE articles; --"],
                ["النفط'; --"],
                ["title:* AND (+\"", "--section", "economy' OR '1'='1"],
                ["النفط", "--place", "%", "--speaker", "'||(SELECT pg_sleep(5))||'"],
                [string.Concat(Enumerable.Repeat("النفط ", 10_000))], // 60,000 characters (110 KB of UTF-8), near Linux's 128 KB argument limit
            ];
            var hits = new List<int>();
            foreach (var args in runs)
            {
                var (code, stdout, stderr) = Cli.Run([.. new[] { "search" }, .. args, "--store", t.Store, "--index", indexPath, "--json"]);
                Assert.True(code == 0, $"marsad search {args[0][..Math.Min(40, args[0].Length)]}…: exit {code}\n{stderr}");
                using var json = JsonDocument.Parse(stdout);
                hits.Add(json.RootElement.GetArrayLength());
            }
            Assert.Equal([0, 1, 0, 0, 1], hits);
            var archive = t.Open();
            Assert.Equal(3, archive.CountArticles());
            Assert.Equal(3, archive.Stats().Sources);
        }
    }
}
