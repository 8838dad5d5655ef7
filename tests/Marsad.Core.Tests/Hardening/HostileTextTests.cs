using Marsad.Ingest;
using Marsad.Model;
using Marsad.Testing;
using static Marsad.Tests.Hardening.Hostile;
using static Marsad.Tests.Ingest.Fixtures;

namespace Marsad.Tests.Hardening;

/// <summary>
/// The hostile-input catalogue, text side (issue 7): bidi controls, zero-width characters, mixed
/// right-to-left and left-to-right titles, and numbers in every digit family. Offsets stay valid
/// (<see cref="Hostile.AssertOffsetsValid"/> runs on every analysis) and words are not split or glued wrong.
/// </summary>
public sealed class HostileTextTests
{
    private const string Rlm = "\u200F";
    private const string Lrm = "\u200E";
    private const string Alm = "\u061C";
    private const string Zwj = "\u200D";
    private const string Zwnj = "\u200C";
    private const string Zwsp = "\u200B";

    [Fact]
    public void Direction_marks_between_words_separate_them_and_stay_out_of_the_tokens()
    {
        var doc = Analyze("قال" + Rlm + " الوزير" + Lrm + " إن" + Alm + " الاجتماع انتهى.");
        Assert.Equal(["قال", "الوزير", "إن", "الاجتماع", "انتهى", "."], TokenTexts(doc));
    }

    [Fact]
    public void Embedding_and_isolate_controls_around_a_latin_name_do_not_enter_its_tokens()
    {
        // RLE … PDF around the Arabic, LRI … PDI around the Latin name.
        var doc = Analyze("\u202Bأعلنت شركة\u202C \u2066Acme Corp\u2069 \u202Bعن نتائجها السنوية.\u202C");
        var tokens = TokenTexts(doc);
        Assert.Equal(["أعلنت", "شركة", "Acme", "Corp", "عن", "نتائجها", "السنوية", "."], tokens);
        Assert.Equal(TokenKind.Latin, doc.Tokens[2].Kind);
    }

    [Fact]
    public void Zero_width_joiner_inside_a_word_keeps_one_token_with_its_clitics()
    {
        var doc = Analyze("وقالت والحكو" + Zwj + "مة في بيان إنها ستدرس الطلب.");
        var token = doc.Tokens[1];
        Assert.Equal("والحكو" + Zwj + "مة", doc.Article.Body[token.Start..token.End]);
        Assert.Equal(["و", "ال"], token.Proclitics.Select(c => c.Form));
    }

    [Fact]
    public void Zero_width_non_joiner_inside_a_word_keeps_one_token()
    {
        var doc = Analyze("أعلنت الوزا" + Zwnj + "رة خطة جديدة.");
        Assert.Equal(["أعلنت", "الوزا" + Zwnj + "رة", "خطة", "جديدة", "."], TokenTexts(doc));
    }

    [Fact]
    public void Zero_width_space_between_words_separates_them()
    {
        var doc = Analyze("وصلت" + Zwsp + "القافلة إلى المدينة.");
        Assert.Equal(["وصلت", "القافلة", "إلى", "المدينة", "."], TokenTexts(doc));
    }

    [Fact]
    public void Joiners_at_the_edges_of_a_word_are_not_part_of_it()
    {
        var doc = Analyze(Zwj + "المدينة" + Zwj + " " + Zwnj + "الكبيرة" + Zwnj + ".");
        Assert.Equal(["المدينة", "الكبيرة", "."], TokenTexts(doc));
    }

    [Fact]
    public void Soft_hyphen_inside_a_word_keeps_one_token()
    {
        // HTML pages carry &shy; as a hyphenation hint; it must not cut the word in three.
        var doc = Analyze("وصلت المسا\u00ADعدات إلى المدينة.");
        Assert.Equal(["وصلت", "المسا\u00ADعدات", "إلى", "المدينة", "."], TokenTexts(doc));
    }

    [Fact]
    public void Direction_mark_after_a_full_stop_still_ends_the_sentence()
    {
        const string First = "افتتحت البلدية جسرا جديدا فوق النهر.";
        const string Second = "وقال رئيس البلدية إن الجسر يخفف الازدحام.";
        var doc = Analyze(First + Rlm + " " + Second);
        Assert.Equal(2, doc.Sentences.Length);
        Assert.Equal(First, doc.Article.Body[doc.Sentences[0].Start..doc.Sentences[0].End]);
        Assert.Equal(Second, doc.Article.Body[doc.Sentences[1].Start..doc.Sentences[1].End]);
    }

    [Fact]
    public void Every_bidi_and_zero_width_control_in_every_position_keeps_offsets_valid()
    {
        string[] controls = ["\u200B", Zwnj, Zwj, Lrm, Rlm, Alm, "\uFEFF", "\u2060", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u00AD"];
        const string Text = "قال الوزير «سنعيد فتح الطريق». وأضاف أن 12 شاحنة وصلت.";
        foreach (var c in controls)
        {
            for (var at = 0; at <= Text.Length; at += 3)
            {
                var doc = Analyze(Text[..at] + c + Text[at..]);
                Assert.DoesNotContain(doc.Tokens, t => doc.Article.Body[t.Start] == c[0] || doc.Article.Body[t.End - 1] == c[0]);
            }
        }
    }

    [Fact]
    public void Mixed_right_to_left_and_left_to_right_title_is_read_whole()
    {
        var page = "قمة G20 في New York تناقش COVID-19 والـ AI - اقتصاد\n  • 3/7/2024\nنيويورك - مرصد - بدأت القمة أعمالها اليوم بحضور وزراء المال. وقال المتحدث إن جدول الأعمال يتضمن الذكاء الاصطناعي.";
        var a = SingleArticle(Analyzer.ReadText(page, "mixed.txt"));
        Assert.Equal("قمة G20 في New York تناقش COVID-19 والـ AI", a.Title);
        Assert.Equal("اقتصاد", a.Section);
        var doc = Analyze(a.Title!);
        Assert.Equal(["قمة", "G20", "في", "New", "York", "تناقش", "COVID", "-", "19", "والـ", "AI"], TokenTexts(doc));
        Assert.Equal([TokenKind.Arabic, TokenKind.Latin, TokenKind.Arabic, TokenKind.Latin, TokenKind.Latin, TokenKind.Arabic, TokenKind.Latin, TokenKind.Punctuation, TokenKind.Number, TokenKind.Arabic, TokenKind.Latin],
            doc.Tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Mixed_title_with_direction_marks_in_html_keeps_its_words()
    {
        var html = "<html><head><title>" + Rlm + "شركة " + Lrm + "OpenAI" + Lrm + " تطلق نموذج GPT-5" + Rlm + "</title></head><body><article><p>أعلنت الشركة اليوم عن نموذج جديد للذكاء الاصطناعي. وقال متحدث باسمها إن النموذج متاح للمطورين في أنحاء العالم.</p></article></body></html>";
        var a = SingleArticle(Analyzer.ReadBytes(Utf8(html), "mixed.html"));
        Assert.NotNull(a.Title);
        foreach (var word in new[] { "شركة", "OpenAI", "تطلق", "GPT-5" })
            Assert.Contains(word, a.Title, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> DigitFamilies() => new()
    {
        { "Latin", "3/7/2024", "10:30", "12" },
        { "Arabic-Indic", "٣/٧/٢٠٢٤", "١٠:٣٠", "١٢" },
        { "Persian", "۳/۷/۲۰۲۴", "۱۰:۳۰", "۱۲" },
    };

    [Theory]
    [MemberData(nameof(DigitFamilies))]
    public void Scraped_page_date_time_and_counters_read_the_same_in_every_digit_family(string family, string date, string time, string counter)
    {
        var page = Title + " - " + Section + "\n  • " + date + "\n  • " + time + "\n  • " + counter + "\n  • 0\n\nعمّان - مرصد - " + BodyStart + " في العاصمة بعد أمطار غزيرة.";
        var a = SingleArticle(Analyzer.ReadText(page, "digits.txt"));
        Assert.True(a.Published?.ToString() == "2024-03-07T10:30", $"{family}: {a.Published}");
        Assert.Equal(new[] { 12, 0 }, a.Counters.ToArray());
    }

    [Theory]
    [MemberData(nameof(DigitFamilies))]
    public void Record_date_reads_the_same_in_every_digit_family(string family, string date, string time, string counter)
    {
        _ = counter;
        var line = Record(("id", "d"), ("date", date + " " + time), ("text", "وصلت قافلة مساعدات إلى المدينة صباح اليوم وقال مسؤول إنها تضم عشرين شاحنة."));
        var a = SingleArticle(Analyzer.ReadText(line + "\n", "digits.jsonl"));
        Assert.True(a.Published?.ToString() == "2024-07-03T10:30", $"{family}: {a.Published}");
    }

    [Fact]
    public void Numbers_with_separators_in_every_digit_family_are_one_token_each()
    {
        var doc = Analyze("بلغ العدد 12,500 و١٢٬٥٠٠ و۱۲٫۵ و12.5 شخصا.");
        var numbers = doc.Tokens.Where(t => t.Kind == TokenKind.Number).Select(t => doc.Article.Body[t.Start..t.End]).ToList();
        Assert.Equal(["12,500", "١٢٬٥٠٠", "۱۲٫۵", "12.5"], numbers);
    }

    [Fact]
    public void Time_expressions_resolve_the_same_in_every_digit_family()
    {
        static string? Value(string date)
        {
            var body = "عقد الاجتماع في " + date + " في العاصمة بحضور الوزراء.";
            var doc = Analyze(body);
            return Assert.Single(doc.Times).Value;
        }
        var latin = Value("15 مارس 2024");
        Assert.Equal("2024-03-15", latin);
        Assert.Equal(latin, Value("١٥ مارس ٢٠٢٤"));
        Assert.Equal(latin, Value("۱۵ مارس ۲۰۲۴"));
    }

    [Fact]
    public void A_number_mixing_digit_families_is_one_token_and_analysis_goes_on()
    {
        var doc = Analyze("سجلت المحطة ٢0٢4 زائرا و۱٢3 سيارة أمس.");
        var numbers = doc.Tokens.Where(t => t.Kind == TokenKind.Number).Select(t => doc.Article.Body[t.Start..t.End]).ToList();
        Assert.Equal(["٢0٢4", "۱٢3"], numbers);
    }
}
