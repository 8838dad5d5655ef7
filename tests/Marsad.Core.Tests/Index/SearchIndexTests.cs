using Lucene.Net.Analysis.TokenAttributes;
using Marsad.Index;
using Marsad.Store;
using Marsad.Tests.Store;
using static Marsad.Tests.Store.ArchiveTests;

namespace Marsad.Tests.Index;

public sealed class ArabicAnalyzerTests
{
    public static TheoryData<string, string[]> MarsadTerms() => new()
    {
        { "والحكومات", ["حكوم"] },        // article chain وال + plural ات
        { "العراقيين", ["عراق"] },         // nisba plural يين
        { "بالأمم المتحدة", ["امم", "متحد"] }, // بال + hamza normalised; ة → ه then stripped
        { "مسؤولون", ["مسءول"] },          // ؤ → ء, masculine plural ون
        { "إلى في من", [] },               // stop words (normalised before the stop filter)
        { "غزة", ["غزه"] },                // too short to stem
        { "OPEC ٢٠١٧", ["opec", "2017"] },  // Latin lower-cased, Arabic-Indic digits to ASCII
    };

    [Theory]
    [MemberData(nameof(MarsadTerms))]
    public void Marsad_analyser_normalises_segments_and_stems(string text, string[] expected) =>
        Assert.Equal(expected, Terms(new MarsadArabicAnalyzer(), text));

    [Fact]
    public void Lucene_analyser_is_the_library_arabic_analyser() =>
        Assert.Equal(["حكوم"], Terms(LuceneArabic.Create(), "والحكومات"));

    [Theory]
    [InlineData("والحكومات", "حكوم")]
    [InlineData("اللاجئين", "لاجء")]
    [InlineData("سوريا", "سوريا")]
    [InlineData("كتب", "كتب")]
    public void Light_stemmer_keeps_at_least_three_letters(string normalisedInput, string stem)
    {
        var input = Marsad.Text.ArabicNormalizer.Normalize(normalisedInput);
        Assert.Equal(stem, ArabicLightStemmer.Stem(input).ToString());
    }

    private static string[] Terms(Lucene.Net.Analysis.Analyzer analyzer, string text)
    {
        using (analyzer)
        using (var ts = analyzer.GetTokenStream("body", text))
        {
            var term = ts.AddAttribute<ICharTermAttribute>();
            ts.Reset();
            var list = new List<string>();
            while (ts.IncrementToken())
                list.Add(term.ToString());
            ts.End();
            return [.. list];
        }
    }
}

/// <summary>The search index over every store kind: it follows the archive, ranks, filters, snippets, and survives hostile queries.</summary>
public sealed class SearchIndexTests
{
    public static TheoryData<string> Kinds() => TestStores.Kinds();

    private static (TestArchive Test, IArchive Archive, SearchIndex Index) Setup(string kind, string analyzer = MarsadArabicAnalyzer.Name)
    {
        var t = TestStores.Create(kind);
        var archive = t.Open();
        archive.Store([DocA(), DocB(), DocC()]);
        var index = SearchIndex.Create(Path.Combine(t.Scratch, "index"), analyzer);
        Assert.Equal(3, index.Sync(archive));
        return (t, archive, index);
    }

    private static string[] Ids(SearchResults r) => [.. r.Hits.Select(h => h.ArticleId == DocA().Article.Id ? "a" : h.ArticleId == DocB().Article.Id ? "b" : h.ArticleId == DocC().Article.Id ? "c" : h.ArticleId)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Search_matches_inflected_forms_and_ranks_title_matches_first(string kind)
    {
        var (t, _, index) = Setup(kind);
        using var _t = t;
        using var _i = index;

        Assert.Equal(["a"], Ids(index.Search(new SearchQuery { Text = "حكومات" })));    // الحكومة in A
        Assert.Equal(["b"], Ids(index.Search(new SearchQuery { Text = "لاجئون" })));     // اللاجئين in B
        Assert.Equal(["c"], Ids(index.Search(new SearchQuery { Text = "أسعار النفط" })));
        Assert.Equal(["b", "a"], Ids(index.Search(new SearchQuery { Text = "الأمم المتحدة" })));
        Assert.Equal(["a"], Ids(index.Search(new SearchQuery { Text = "\"وزير الخارجية\"" })));
        Assert.Empty(index.Search(new SearchQuery { Text = "\"الخارجية وزير\"" }).Hits);
        Assert.Empty(index.Search(new SearchQuery { Text = "كرة القدم" }).Hits);
    }

    public static TheoryData<string, SearchQuery, string[]> Filters()
    {
        var rows = new TheoryData<string, SearchQuery, string[]>();
        var un = "الأمم المتحدة";
        var cases = new (SearchQuery Query, string[] Expected)[]
        {
            (new SearchQuery { Text = un, Section = "economy" }, []),
            (new SearchQuery { Text = un, Section = "politics" }, ["b", "a"]),
            (new SearchQuery { Text = un, Place = "جنيف" }, ["b"]),
            (new SearchQuery { Text = un, Place = "بغداد" }, ["a"]),
            (new SearchQuery { Text = un, Country = "iq" }, ["a"]),
            (new SearchQuery { Text = un, Speaker = "وزير الخارجية العراقي فؤاد حسين" }, ["a"]),
            (new SearchQuery { Text = un, Speaker = KeyHussein }, ["a"]),
            (new SearchQuery { Text = un, Entity = KeyGeneva }, ["b"]),
            (new SearchQuery { Text = un, EntityType = "PER" }, ["a"]),
            (new SearchQuery { Text = un, From = new DateOnly(2020, 3, 11) }, ["b"]),
            (new SearchQuery { Text = un, To = new DateOnly(2020, 3, 10) }, ["a"]),
            (new SearchQuery { Text = un, Limit = 1, Offset = 1 }, ["a"]),
        };
        foreach (var kind in TestStores.KindNames())
        {
            foreach (var (q, expected) in cases)
                rows.Add(kind, q, expected);
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public void Search_filters_by_section_place_country_speaker_entity_type_and_date(string kind, SearchQuery query, string[] expected)
    {
        var (t, _, index) = Setup(kind);
        using var _t = t;
        using var _i = index;
        Assert.Equal(expected, Ids(index.Search(query)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Snippets_highlight_the_matching_words(string kind)
    {
        var (t, _, index) = Setup(kind);
        using var _t = t;
        using var _i = index;

        var hit = Assert.Single(index.Search(new SearchQuery { Text = "اللاجئين" }).Hits);

        Assert.Equal(2, hit.Snippet.Highlights.Count);
        foreach (var (s, e) in hit.Snippet.Highlights)
            Assert.Equal("اللاجئين", hit.Snippet.Text[s..e]);
        Assert.Equal(BodyB.Substring(hit.Snippet.BodyStart, hit.Snippet.Text.Length), hit.Snippet.Text);
        Assert.Contains("<m>اللاجئين</m>", hit.Snippet.Marked("<m>", "</m>"), StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileQueries() => new()
    {
        "\"",
        "\"الأمم",
        "AND OR NOT * ? : \\ ( ) [ ] { } ~ ^ - + ! /",
        "' OR 1=1; DROP TABLE articles; --",
        "title:النفط body:*",
        "النفط~2 الأمم^10",
        "",
        "   ",
        new string('ن', 100_000),
        string.Join(' ', Enumerable.Repeat("النفط الأسعار الأمم", 5000)),
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public void Hostile_queries_are_plain_words(string text)
    {
        var (t, _, index) = Setup(TestStores.Sqlite);
        using var _t = t;
        using var _i = index;

        var results = index.Search(new SearchQuery { Text = text, Limit = 1000 });

        Assert.True(results.Terms.Count <= 32);
        Assert.True(results.Hits.Count <= 3);
        Assert.All(results.Hits, h => Assert.NotEmpty(h.ArticleId));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Index_follows_a_replaced_page_and_rebuilds_from_zero(string kind)
    {
        var (t, archive, index) = Setup(kind);
        using var _t = t;
        using (index)
        {
            Assert.Equal(["a"], Ids(index.Search(new SearchQuery { Text = "الأسبوع" })));
            var changed = TestStores.Doc(BodyA.Replace("الأسبوع المقبل", "يوم الخميس", StringComparison.Ordinal), "test/a.txt");
            archive.Store([changed]);

            Assert.Equal(2, index.Sync(archive)); // the new article and the old one's deletion
            Assert.Empty(index.Search(new SearchQuery { Text = "الأسبوع" }).Hits);
            Assert.Equal([changed.Article.Id], index.Search(new SearchQuery { Text = "الخميس" }).Hits.Select(h => h.ArticleId));
            Assert.Equal(3, index.Count);
            Assert.Equal(0, index.Sync(archive));
        }

        // Reopening keeps the analyser the index was built with and its place in the archive.
        using (var reopened = SearchIndex.Open(Path.Combine(t.Scratch, "index"), LuceneArabic.Name))
        {
            Assert.Equal(MarsadArabicAnalyzer.Name, reopened.AnalyzerName);
            Assert.Equal(archive.LastChange(), reopened.Sequence);
        }
        using var rebuilt = SearchIndex.Create(Path.Combine(t.Scratch, "index"), LuceneArabic.Name);
        rebuilt.Sync(archive);
        Assert.Equal(3, rebuilt.Count);
        Assert.Equal(LuceneArabic.Name, rebuilt.AnalyzerName);
        Assert.Equal(["b"], Ids(rebuilt.Search(new SearchQuery { Text = "اللاجئين" })));
    }

    [Fact]
    public void Judged_query_relevance_needs_every_group()
    {
        var q = new JudgedQuery("أسعار النفط", JudgedQuery.Parse("نفط | خام & سعر|اسعار"));
        Assert.True(q.IsRelevant(JudgedQuery.JudgedText("صعود أسعار النفط", "")));
        Assert.False(q.IsRelevant(JudgedQuery.JudgedText("صعود أسعار الذهب", "")));
        Assert.True(q.IsRelevant(JudgedQuery.JudgedText(null, "ارتفع سعر الخام اليوم")));
    }
}
