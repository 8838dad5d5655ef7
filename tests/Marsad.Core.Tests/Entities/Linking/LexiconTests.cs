using Marsad.Entities.Evaluation;
using Marsad.Entities.Lexicons;
using Marsad.Model;
using Marsad.Testing;
using Marsad.Text;

namespace Marsad.Tests.Entities.Linking;

/// <summary>The compiled lexicons, the proclitic readings and the token trie.</summary>
public sealed class LexiconTests
{
    private static string[] Readings(string word)
    {
        var key = ArabicNormalizer.Normalize(word);
        Span<WordVariant> variants = stackalloc WordVariant[Proclitics.MaxVariants];
        Span<char> buffer = stackalloc char[key.Length + 2];
        var n = Proclitics.Variants(key, variants);
        var result = new string[n];
        for (var i = 0; i < n; i++)
            result[i] = new string(buffer[..Proclitics.Write(key, variants[i], buffer)]);
        return result;
    }

    public static TheoryData<string, string> ReadingRows() => new()
    {
        { "وبغداد", "بغداد" },
        { "بالموصل", "الموصل" },
        { "للموصل", "الموصل" },
        { "وللعراق", "العراق" },
        { "فبغداد", "بغداد" },
    };

    [Theory]
    [MemberData(nameof(ReadingRows))]
    public void Proclitic_readings_include_the_name(string word, string name) => Assert.Contains(name, Readings(word));

    [Fact]
    public void The_word_as_written_is_read_first() => Assert.Equal("بغداد", Readings("بغداد")[0]);

    [Fact]
    public void A_preposition_never_leaves_a_two_letter_word_with_the_article() => Assert.DoesNotContain("اله", Readings("وكالة"));

    [Fact]
    public void Lexicons_load_with_their_records()
    {
        var lex = EntityLexicon.Shared;
        Assert.True(lex.Records.Length > 50_000);
        Assert.True(lex.Names.TryGet(ArabicNormalizer.Normalize("الموصل"), out var mosul));
        Assert.Contains(mosul, r => lex.Records[r.Record].Id == "wof:421186153");
        Assert.True(lex.Names.TryGet("داعش", out var isis));
        Assert.Contains(isis, r => lex.Records[r.Record].Names.Contains("ISIS"));
        Assert.True(lex.TryNationality(ArabicNormalizer.Normalize("والأميركية"), out var us));
        Assert.Equal("US", us.Country);
        Assert.True(lex.TryHead(ArabicNormalizer.Normalize("الناطق"), out var head, out var definite));
        Assert.Equal(HeadUse.Person, head.Use);
        Assert.True(definite);
    }

    [Fact]
    public void Token_trie_finds_the_longest_phrase()
    {
        var b = new PhraseIndex<int>.Builder((a, _) => a);
        b.Add("الولايات", 1);
        b.Add("الولايات المتحده", 2);
        b.Add("الولايات المتحده الامريكيه", 3);
        var index = b.Build();
        Assert.True(index.IsPrefix("الولايات المتحده"));
        Assert.False(index.IsPrefix("الولايات المتحده الامريكيه"));
        Assert.True(index.StartsAPhrase("الولايات"));
        Assert.True(index.TryGet("الولايات المتحده", out var v) && v == 2);
        Assert.Equal(3, index.MaxWords);
    }

    [Fact]
    public void Multi_word_name_is_matched_over_several_tokens()
    {
        var doc = Analyzer.AnalyzeText("زار الوفد الولايات المتحدة الأمريكية الأسبوع الماضي.");
        var us = Assert.Single(doc.Entities);
        Assert.Equal("الولايات المتحدة الأمريكية", us.Mentions.Single().Text);
        Assert.Equal("country", us.Kind);
        Assert.Equal("US", us.Country);
    }
}

/// <summary>The scorer that the golden tests and <c>marsad eval</c> use.</summary>
public sealed class EntityScorerTests
{
    private static readonly EntityAnnotationFile Gold = new("test", "t",
    [
        new AnnotatedEntity("سامي العنزي", EntityType.PER, ["سامي العنزي", "العنزي"]),
        new AnnotatedEntity("بغداد", EntityType.LOC, ["بغداد"]),
    ]);

    [Fact]
    public void Gold_forms_are_found_after_proclitics_longest_first()
    {
        const string body = "قال سامي العنزي في بغداد إن العنزي سيعود إلى بغداد ثم لبغداد.";
        var found = EntityScorer.FindGoldMentions(body, Gold);
        Assert.Equal(["سامي العنزي", "بغداد", "العنزي", "بغداد", "بغداد"], found.Select(m => body[m.Start..m.End]));
        Assert.Equal([0, 1, 0, 1, 1], found.Select(m => m.Entity));
    }

    [Fact]
    public void Form_inside_a_longer_word_is_not_a_mention()
    {
        const string body = "وصل البغداديون إلى المدينة.";
        Assert.Empty(EntityScorer.FindGoldMentions(body, Gold));
    }

    [Fact]
    public void Scores_count_spans_overlaps_and_entities()
    {
        const string body = "قال سامي العنزي في بغداد إن العنزي سيعود.";
        var doc = new Document(new Article { Id = "t", Source = "t", Format = "text", Body = body })
        {
            Entities =
            [
                new Entity { Id = "e1", Canonical = "سامي العنزي", Type = EntityType.PER, Mentions = [new EntityMention(4, 15, "سامي العنزي", "x")] },
                new Entity { Id = "e2", Canonical = "العنزي", Type = EntityType.PER, Mentions = [new EntityMention(28, 34, "العنزي", "x")] },
                new Entity { Id = "e3", Canonical = "بغداد", Type = EntityType.ORG, Mentions = [new EntityMention(19, 24, "بغداد", "x")] },
            ],
        };
        var s = EntityScorer.Score(doc, Gold);
        Assert.Equal(new Prf(2, 0, 0), s.Strict(EntityType.PER));
        Assert.Equal(new Prf(0, 1, 1), s.Strict(EntityType.ORG) + s.Strict(EntityType.LOC));
        // The person split in two: one pair, one extra system entity.
        Assert.Equal(new Prf(1, 1, 0), s.Entities(EntityType.PER));
        Assert.Equal(2.0 / 3, s.Strict().Precision, 3);
    }
}
