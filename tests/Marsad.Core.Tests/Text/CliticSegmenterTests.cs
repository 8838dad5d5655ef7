using Marsad.Model;
using Marsad.Text;

namespace Marsad.Tests.Text;

/// <summary>
/// Proclitic segmentation, one row per rule. Rows marked «shipped» use the ANT lexicon; the rule tests
/// use a small lexicon written here so the rule itself is checked, not the corpus counts.
/// Expected: proclitic forms joined with «+», then «|» and the stem as written.
/// </summary>
public sealed class CliticSegmenterTests
{
    private static string Show(string word, WordLexicon? lexicon = null)
    {
        var seg = CliticSegmenter.Segment(word, lexicon);
        var forms = new List<string>();
        for (var i = 0; i < seg.Count; i++)
            forms.Add(seg[i].Form);
        return string.Join('+', forms) + "|" + word[seg.StemStart..];
    }

    public static TheoryData<string, string, string> Shipped() => new()
    {
        { "conjunction before a verb", "وأوضح", "و|أوضح" },
        { "conjunction before a frequent verb", "وقال", "و|قال" },
        { "و that begins a stem", "وزير", "|وزير" },
        { "ب that begins a name", "بغداد", "|بغداد" },
        { "ل that begins a name", "لبنان", "|لبنان" },
        { "preposition before a noun", "بمدينة", "ب|مدينة" },
        { "preposition before a name", "لأوباما", "ل|أوباما" },
        { "ك before a noun", "كرئيس", "ك|رئيس" },
        { "ك of the verb كان", "كان", "|كان" },
        { "conjunction then preposition", "وبعد", "و|بعد" },
        { "article", "الرئيس", "ال|رئيس" },
        { "conjunction and article", "والرئيس", "و+ال|رئيس" },
        { "preposition and article", "بالنسبة", "ب+ال|نسبة" },
        { "three clitics", "وبالتالي", "و+ب+ال|تالي" },
        { "fused لل", "للسلطة", "ل+ال|سلطة" },
        { "conjunction before a relative pronoun", "والتي", "و|التي" },
        { "relative pronoun", "الذي", "|الذي" },
        { "Allah", "الله", "|الله" },
        { "hamza alef is not the article", "ألمانيا", "|ألمانيا" },
        { "preposition before a pronoun suffix", "لها", "ل|ها" },
        { "ب before a pronoun suffix", "به", "ب|ه" },
        { "closed-class word", "كما", "|كما" },
        { "closed-class word لكن", "لكن", "|لكن" },
        { "ك + لها is not a chain", "كلها", "|كلها" },
        { "preposition before أن", "بأن", "ب|أن" },
        { "بان is a word", "بان", "|بان" },
        { "conjunction before a function word", "وهو", "و|هو" },
        { "ف before إن", "فإن", "ف|إن" },
        { "unattested word after و", "وسخالين", "و|سخالين" },
        { "tatweel-marked ل", "لـ", "ل|" },
        { "tatweel-marked article", "الـ", "ال|" },
        { "tatweel-marked و + ل + article", "وللـ", "و+ل+ال|" },
        { "diacritics", "وَالْكِتَابُ", "و+ال|كِتَابُ" },
        { "word without clitic letters", "مدينة", "|مدينة" },
    };

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Shipped_lexicon_segments_as_specified(string rule, string word, string expected)
    {
        var got = Show(word);
        Assert.True(expected == got, $"{rule}: {word} → {got}");
    }

    // A lexicon written for the rule tests: counts chosen to show each condition on its own.
    private static readonly WordLexicon Small = new(
    [
        ("قال", 500, 0), ("وقال", 900, 800),
        ("وزير", 800, 0), ("زير", 50, 0), ("الوزير", 300, 0), ("لندن", 900, 0), ("ندن", 10, 0),
        ("مدينه", 400, 0), ("المدينه", 600, 0), ("بمدينه", 80, 0),
        ("رءيس", 900, 0), ("الرءيس", 2000, 0),
        ("بدا", 300, 0), ("دا", 20, 0),
        ("اتت", 40, 0), ("باتت", 200, 0),
    ]);

    public static TheoryData<string, string, string> RuleRows() => new()
    {
        { "remainder attested and frequent enough after و", "وقال", "و|قال" },
        { "whole word takes the article itself: a stem", "وزير", "|وزير" },
        { "remainder too rare against the whole word", "لندن", "|لندن" },
        { "preposition before a noun seen with the article", "بمدينة", "ب|مدينة" },
        { "unattested word with an attested remainder", "كرئيس", "ك|رئيس" },
        { "two-letter remainder that is not a function word", "بدا", "|بدا" },
        { "ب needs a noun-like remainder", "باتت", "|باتت" },
        { "unattested word: a remainder of three letters after و", "وتفاقم", "و|تفاقم" },
        { "unattested word and remainder after ب", "بلسم", "|بلسم" },
    };

    [Theory]
    [MemberData(nameof(RuleRows))]
    public void Rule_with_a_small_lexicon(string rule, string word, string expected)
    {
        var got = Show(word, Small);
        Assert.True(expected == got, $"{rule}: {word} → {got}");
    }

    [Fact]
    public void Empty_lexicon_still_strips_the_article()
    {
        Assert.Equal("ال|كتاب", Show("الكتاب", WordLexicon.Empty));
        Assert.Equal("|بكتاب", Show("بكتاب", WordLexicon.Empty));
    }

    [Fact]
    public void Clitic_spans_tile_the_word_before_the_stem()
    {
        const string word = "وَبِالْكِتَابِ";
        var seg = CliticSegmenter.Segment(word);
        Assert.Equal(3, seg.Count);
        Assert.Equal(0, seg[0].Start);
        for (var i = 1; i < seg.Count; i++)
            Assert.Equal(seg[i - 1].End, seg[i].Start);
        Assert.Equal(seg[seg.Count - 1].End, seg.StemStart);
    }

    [Fact]
    public void Tokens_carry_proclitic_spans_in_body_offsets()
    {
        const string text = "قال إن الأمر انتهى وأضاف لـ«سكاي» أن للسلطة دورا.";
        var tokens = Tokenizer.Tokenize(text, 0, text.Length);
        var wa = tokens.Single(t => text[t.Start..t.End] == "وأضاف");
        Assert.Equal([new Clitic(wa.Start, wa.Start + 1, "و")], wa.Proclitics);
        Assert.Equal("أضاف", text[wa.StemStart..wa.End]);
        var li = tokens.Single(t => text[t.Start..t.End] == "لـ");
        Assert.Equal("ل", li.Proclitics.Single().Form);
        var lil = tokens.Single(t => text[t.Start..t.End] == "للسلطة");
        Assert.Equal(["ل", "ال"], lil.Proclitics.Select(c => c.Form));
        Assert.Equal("سلطة", text[lil.StemStart..lil.End]);
    }

    [Fact]
    public void Lexicon_is_shipped_and_small()
    {
        var lexicon = WordLexicon.Default;
        Assert.True(lexicon.Count > 100_000, $"{lexicon.Count} forms");
        Assert.True(lexicon.Frequency("قال") > 1000);
        Assert.True(lexicon.Counts("وزير").WithArticle > 100); // الوزير
        Assert.True(lexicon.Counts("واضاف").SentenceInitial > 1000);
        Assert.Equal(0, lexicon.Frequency("كلمةغيرموجودة"));
        Assert.Same(lexicon, WordLexicon.Default);
        using var stream = typeof(WordLexicon).Assembly.GetManifestResourceStream(WordLexicon.ResourceName);
        Assert.NotNull(stream);
        Assert.True(stream.Length < 2_000_000, $"{stream.Length} bytes");
    }

    [Fact]
    public void Lexicon_reader_rejects_a_bad_line()
    {
        Assert.Throws<InvalidDataException>(() => WordLexicon.Read(new StringReader("قال\tكثير\n")));
        var ok = WordLexicon.Read(new StringReader("# comment\nقال\t12\nوقال\t30\t25\n"));
        Assert.Equal(12, ok.Frequency("قال"));
        Assert.Equal(25, ok.Counts("وقال").SentenceInitial);
        Assert.Equal(30, ok.Counts("قال").WithWaw);
    }
}
