using System.Text.Json;
using Marsad.Model;
using Marsad.Store;

namespace Marsad.Tests.Store;

/// <summary>The archive contract, run against every store kind (<see cref="TestStores.Kinds"/>).</summary>
public sealed class ArchiveTests
{
    // Short articles written for these tests.
    internal const string BodyA = "قال وزير الخارجية العراقي فؤاد حسين في بغداد «الحوار مع الجيران هو الطريق الوحيد». وأضاف حسين أن الحكومة ستعقد اجتماعا مع وفد من الأمم المتحدة الأسبوع المقبل.";
    internal const string BodyB = "أعلنت الأمم المتحدة في جنيف خطة جديدة لدعم اللاجئين في المنطقة، وقال المتحدث «إن الأمم المتحدة ستواصل دعم اللاجئين». وأشار إلى أن التمويل سيبدأ الشهر المقبل.";
    internal const string BodyC = "ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار خفض الإنتاج، وتوقع محللون في الرياض استمرار صعود الأسعار خلال الربع المقبل.";

    internal const string KeyHussein = "PER:فءاد حسين"; // ؤ normalises to ء
    internal const string KeyUn = "ORG:الامم المتحده";
    internal const string KeyBaghdad = "LOC:بغداد";
    internal const string KeyGeneva = "LOC:جنيف";

    internal static Document DocA(string source = "test/a.txt")
    {
        var d = TestStores.Doc(BodyA, source, "وزير الخارجية يدعو إلى الحوار", "politics", "2020-03-10T09:30", "بغداد");
        var entities = new[]
        {
            TestStores.Entity(d, "e1", "فؤاد حسين", EntityType.PER, "فؤاد حسين", role: "وزير الخارجية العراقي"),
            TestStores.Entity(d, "e2", "بغداد", EntityType.LOC, "بغداد", country: "IQ"),
            TestStores.Entity(d, "e3", "الأمم المتحدة", EntityType.ORG, "الأمم المتحدة"),
        };
        return d with { Entities = [.. entities], Quotes = [TestStores.Quote(d, "الحوار مع الجيران هو الطريق الوحيد", "وزير الخارجية العراقي فؤاد حسين", "e1")] };
    }

    internal static Document DocB(string source = "test/b.txt")
    {
        var d = TestStores.Doc(BodyB, source, "خطة أممية لدعم اللاجئين", "politics", "2020-03-12", null);
        var entities = new[]
        {
            TestStores.Entity(d, "e1", "الأمم المتحدة", EntityType.ORG, "الأمم المتحدة"),
            TestStores.Entity(d, "e2", "جنيف", EntityType.LOC, "جنيف", country: "CH"),
        };
        return d with { Entities = [.. entities], Quotes = [TestStores.Quote(d, "إن الأمم المتحدة ستواصل دعم اللاجئين", "المتحدث", null)] };
    }

    internal static Document DocC(string source = "test/c.txt")
    {
        var d = TestStores.Doc(BodyC, source, "صعود أسعار النفط", "economy", "2021-07-01T12:00+03:00", "الرياض");
        return d with { Entities = [TestStores.Entity(d, "e1", "الرياض", EntityType.LOC, "الرياض", country: "SA")], Quotes = [] };
    }

    public static TheoryData<string> Kinds() => TestStores.Kinds();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Stored_article_comes_back_with_its_full_analysis(string kind)
    {
        using var t = TestStores.Create(kind);
        var archive = t.Open();
        var doc = DocA();
        Assert.Equal(new StoreResult(1, 0, 0, 0), archive.Store([doc]));

        var stored = archive.GetArticle(doc.Article.Id);
        Assert.NotNull(stored);
        Assert.Equal("وزير الخارجية يدعو إلى الحوار", stored.Summary.Title);
        Assert.Equal("politics", stored.Summary.Section);
        Assert.Equal("2020-03-10T09:30", stored.Summary.Published);
        Assert.Equal("بغداد", stored.Summary.Place);
        Assert.Equal(3, stored.Summary.Entities);
        Assert.Equal(1, stored.Summary.Quotes);
        Assert.Equal(["test/a.txt"], stored.Sources);
        using var json = JsonDocument.Parse(stored.AnalysisJson);
        Assert.Equal(BodyA, json.RootElement.GetProperty("article").GetProperty("body").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("entities").GetArrayLength());
        Assert.Equal("وزير الخارجية العراقي فؤاد حسين", json.RootElement.GetProperty("quotes")[0].GetProperty("speaker_text").GetString());
        Assert.Null(archive.GetArticle("0000000000000000"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Storing_the_same_page_again_changes_nothing(string kind)
    {
        using var t = TestStores.Create(kind);
        var archive = t.Open();
        archive.Store([DocA(), DocB()]);
        var change = archive.LastChange();

        var again = archive.Store([DocA(), DocB()]);

        Assert.Equal(new StoreResult(0, 0, 2, 0), again);
        Assert.Equal(change, archive.LastChange());
        Assert.Equal(2, archive.CountArticles());
        Assert.Equal(2, archive.GetEntity(KeyUn)!.Entity.Articles);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_updated_page_replaces_its_old_analysis(string kind)
    {
        using var t = TestStores.Create(kind);
        var archive = t.Open();
        var old = DocA("site/page-1");
        archive.Store([old, DocB()]);
        var updatedBody = BodyA.Replace("الأسبوع المقبل", "يوم الخميس", StringComparison.Ordinal);
        var updated = TestStores.Doc(updatedBody, "site/page-1", "وزير الخارجية يدعو إلى الحوار", "politics", "2020-03-11", "بغداد");
        updated = updated with { Entities = [TestStores.Entity(updated, "e1", "فؤاد حسين", EntityType.PER, "فؤاد حسين")] };

        var result = archive.Store([updated]);

        Assert.Equal(new StoreResult(0, 1, 0, 0), result);
        Assert.Equal(2, archive.CountArticles());
        Assert.Null(archive.GetArticle(old.Article.Id));
        Assert.Equal("2020-03-11", archive.GetArticle(updated.Article.Id)!.Summary.Published);
        Assert.Equal(updated.Article.Id, archive.StoredIds(["site/page-1"])["site/page-1"]);
        // The old article's entities no longer count it.
        Assert.Null(archive.GetEntity(KeyBaghdad));
        Assert.Equal(1, archive.GetEntity(KeyUn)!.Entity.Articles);
        Assert.Equal(1, archive.GetEntity(KeyHussein)!.Entity.Articles);
        // Quotes of the old version are gone; any left are the updated page's own.
        Assert.All(archive.ListQuotes(new QuoteQuery { Speaker = KeyHussein }).Items, q => Assert.Equal(updated.Article.Id, q.ArticleId));
        Assert.DoesNotContain(archive.ListQuotes(new QuoteQuery()).Items, q => q.ArticleId == old.Article.Id);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_same_body_under_two_sources_is_one_article(string kind)
    {
        using var t = TestStores.Create(kind);
        var archive = t.Open();
        Assert.Equal(new StoreResult(1, 0, 0, 1), archive.Store([DocC("feed-1#7"), DocC("feed-2#3")]));
        Assert.Equal(1, archive.CountArticles());
        Assert.Equal(["feed-1#7", "feed-2#3"], archive.GetArticle(DocC().Article.Id)!.Sources);

        Assert.True(archive.DeleteSource("feed-1#7"));
        Assert.Equal(1, archive.CountArticles());
        Assert.True(archive.DeleteSource("feed-2#3"));
        Assert.Equal(0, archive.CountArticles());
        Assert.False(archive.DeleteSource("feed-2#3"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Entity_profile_has_mentions_quotes_and_co_occurring_entities(string kind)
    {
        using var t = TestStores.Create(kind);
        var archive = t.Open();
        archive.Store([DocA(), DocB(), DocC()]);

        var un = archive.GetEntity(KeyUn);
        Assert.NotNull(un);
        Assert.Equal("الأمم المتحدة", un.Entity.Canonical);
        Assert.Equal(2, un.Entity.Articles);
        Assert.Equal(3, un.Entity.Mentions);
        Assert.Equal(3, un.Mentions.Count);
        Assert.Equal("2020-03-12", un.Mentions[0].Published); // newest first
        Assert.Equal(["الأمم المتحدة"], un.Aliases);
        Assert.Equal([KeyBaghdad, KeyGeneva, KeyHussein], un.CoOccurring.Select(c => c.Entity.Key).Order(StringComparer.Ordinal));
        Assert.Single(un.QuotesAbout);
        Assert.Equal("المتحدث", un.QuotesAbout[0].SpeakerText);

        var hussein = archive.GetEntity(KeyHussein)!;
        Assert.Equal(["وزير الخارجية العراقي"], hussein.Roles);
        Assert.Single(hussein.QuotesBy);
        Assert.Equal("الحوار مع الجيران هو الطريق الوحيد", hussein.QuotesBy[0].Text);
        Assert.Equal(KeyHussein, hussein.QuotesBy[0].SpeakerKey);

        var places = archive.ListEntities(new EntityQuery { Type = "LOC" });
        Assert.Equal(3, places.Total);
        Assert.Equal(["جنيف"], archive.ListEntities(new EntityQuery { NameContains = "جني" }).Items.Select(e => e.Canonical));
        Assert.Equal(["الرياض"], archive.ListEntities(new EntityQuery { Country = "sa" }).Items.Select(e => e.Canonical));
    }

    public static TheoryData<string, ArticleQuery, string[]> ArticleFilters()
    {
        var rows = new TheoryData<string, ArticleQuery, string[]>();
        var cases = new (ArticleQuery Query, string[] Expected)[]
        {
            (new ArticleQuery(), ["c", "b", "a"]),
            (new ArticleQuery { Section = "politics" }, ["b", "a"]),
            (new ArticleQuery { From = new DateOnly(2020, 3, 11) }, ["c", "b"]),
            (new ArticleQuery { From = new DateOnly(2020, 3, 10), To = new DateOnly(2020, 3, 10) }, ["a"]),
            (new ArticleQuery { Entity = KeyUn }, ["b", "a"]),
            (new ArticleQuery { EntityType = "per" }, ["a"]),
            (new ArticleQuery { Place = "بغداد" }, ["a"]),
            (new ArticleQuery { Place = "جنيف" }, ["b"]),
            (new ArticleQuery { Country = "CH" }, ["b"]),
            (new ArticleQuery { Speaker = "فؤاد حسين" }, ["a"]),
            (new ArticleQuery { Speaker = KeyHussein }, ["a"]),
            (new ArticleQuery { Section = "politics", Country = "SA" }, []),
            (new ArticleQuery { Limit = 1, Offset = 1 }, ["b"]),
        };
        foreach (var kind in TestStores.KindNames())
        {
            foreach (var (q, expected) in cases)
                rows.Add(kind, q, expected);
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(ArticleFilters))]
    public void Article_lists_filter_and_page(string kind, ArticleQuery query, string[] expected)
    {
        using var t = TestStores.Create(kind);
        var archive = t.Open();
        var docs = new Dictionary<string, string> { [DocA().Article.Id] = "a", [DocB().Article.Id] = "b", [DocC().Article.Id] = "c" };
        archive.Store([DocA(), DocB(), DocC()]);

        var page = archive.ListArticles(query);

        Assert.Equal(expected, page.Items.Select(a => docs[a.Id]));
        if (query.Limit >= 3)
            Assert.Equal(expected.Length, page.Total);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Quotes_by_speaker_name_key_and_date(string kind)
    {
        using var t = TestStores.Create(kind);
        var archive = t.Open();
        archive.Store([DocA(), DocB(), DocC()]);

        Assert.Equal(2, archive.ListQuotes(new QuoteQuery()).Total);
        Assert.Equal(["المتحدث"], archive.ListQuotes(new QuoteQuery { Speaker = "المتحدث" }).Items.Select(q => q.SpeakerText));
        Assert.Single(archive.ListQuotes(new QuoteQuery { Speaker = "حسين" }).Items);
        Assert.Single(archive.ListQuotes(new QuoteQuery { About = KeyUn }).Items);
        Assert.Single(archive.ListQuotes(new QuoteQuery { From = new DateOnly(2020, 3, 11) }).Items);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Hostile_filter_values_are_treated_as_data(string kind)
    {
        using var t = TestStores.Create(kind);
        var archive = t.Open();
        archive.Store([DocA(), DocB()]);
        var longText = new string('ب', 100_000);

        foreach (var hostile in new[] { "'; DROP TABLE articles; --", "x' OR '1'='1", "%", "_", "\\", "\"", longText })
        {
            Assert.Empty(archive.ListArticles(new ArticleQuery { Section = hostile, Speaker = hostile }).Items);
            Assert.Empty(archive.ListArticles(new ArticleQuery { Entity = hostile }).Items);
            Assert.Empty(archive.ListArticles(new ArticleQuery { Place = hostile, Country = hostile }).Items);
            Assert.Empty(archive.ListEntities(new EntityQuery { NameContains = hostile }).Items);
            Assert.Empty(archive.ListQuotes(new QuoteQuery { Speaker = hostile }).Items);
            Assert.Empty(archive.ListEvents(new EventQuery { Actor = hostile, Place = hostile }).Items);
            Assert.Null(archive.GetEntity(hostile));
            Assert.Null(archive.GetArticle(hostile));
        }
        Assert.Equal(2, archive.CountArticles());
        Assert.Equal(2, archive.ListArticles(new ArticleQuery { Limit = int.MaxValue, Offset = int.MinValue }).Items.Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Changes_follow_stores_and_deletions_in_order(string kind)
    {
        using var t = TestStores.Create(kind);
        var archive = t.Open();
        archive.Store([DocA("s1"), DocB("s2")]);
        var updated = TestStores.Doc(BodyC, "s1"); // page s1 now carries another body
        archive.Store([updated]);

        var changes = archive.ChangesSince(0, 100);

        // A (1) was replaced: its row is gone, its deletion (4) comes after the new article (3).
        Assert.Equal([2L, 3, 4], changes.Select(c => c.Sequence));
        Assert.Equal([DocB().Article.Id, updated.Article.Id, DocA().Article.Id], changes.Select(c => c.ArticleId));
        Assert.Null(changes[^1].Article);
        Assert.Equal(BodyC, changes[1].Article!.Body);
        Assert.Equal(4, archive.LastChange());
        Assert.Equal([4L], archive.ChangesSince(3, 100).Select(c => c.Sequence));
        Assert.Equal([2L, 3], archive.ChangesSince(0, 2).Select(c => c.Sequence));
        var b = changes[0].Article!;
        Assert.Equal([KeyGeneva, KeyUn], b.EntityKeys.Order(StringComparer.Ordinal));
        Assert.Contains("CH", b.Countries);
        Assert.Contains("جنيف", b.Places);
        Assert.Contains("المتحدث", b.Speakers);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Stats_count_what_is_stored_and_reopening_migrates_once(string kind)
    {
        using var t = TestStores.Create(kind);
        t.Open().Store([DocA(), DocB(), DocC()]);
        var stats = t.Open().Stats();

        Assert.Equal(3, stats.Articles);
        Assert.Equal(3, stats.Sources);
        Assert.Equal(5, stats.Entities);
        Assert.Equal(2, stats.Quotes);
        Assert.Equal(0, stats.Events);
        Assert.Equal("2020-03-10T09:30", stats.FirstPublished);
        Assert.Equal([("politics", 2L), ("economy", 1L)], stats.Sections);
        Assert.Equal(2, stats.SchemaVersion);
    }

    [Fact]
    public void Events_written_by_the_event_stage_are_read_from_the_analysis_json()
    {
        const string json = """
            {"article":{"id":"x"},"events":[
              {"code":"190","actor":{"entity":"e1","text":"الجيش"},"target":"مسلحون","place":{"canonical":"الموصل"},"date":{"value":"2017-04-18"},"start":3,"end":9},
              {"cameo_root":"04","source":"وزير الخارجية","when":"2017-04"}]}
            """;
        var rows = DocumentRows.ParseEvents(json, new Dictionary<string, string> { ["e1"] = "ORG:الجيش العراقي" });

        Assert.Equal(2, rows.Count);
        Assert.Equal(("190", "19", "الجيش", "ORG:الجيش العراقي", "مسلحون", "الموصل", "2017-04-18", 3, 9),
            (rows[0].Code, rows[0].Root, rows[0].Actor, rows[0].ActorKey, rows[0].Target, rows[0].Place, rows[0].Date, rows[0].Start!.Value, rows[0].End!.Value));
        Assert.Equal((null, "04", "وزير الخارجية", "2017-04"), (rows[1].Code, rows[1].Root, rows[1].Actor, rows[1].Date));
    }
}

/// <summary>Says why the PostgreSQL rows are missing when they are.</summary>
public sealed class PostgresAvailabilityTests
{
    [TestStores.PostgresFact]
    public void Postgres_test_server_is_reachable()
    {
        Assert.True(TestStores.PostgresConnection is not null,
            "MARSAD_TEST_PG is not set in CI: .ci/run must start PostgreSQL (.ci/postgres.sh) before the tests");
        using var t = TestArchive.NewPostgres();
        using var archive = t.Open();
        Assert.Equal("postgres", archive.Kind);
        Assert.Equal(0, archive.CountArticles());
    }
}
