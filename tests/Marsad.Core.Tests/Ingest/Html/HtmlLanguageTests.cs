using Marsad.Ingest;
using Marsad.Testing;
using Marsad.Text;

namespace Marsad.Tests.Ingest.Html;

/// <summary>
/// Arabic script is not Arabic: the Persian and Urdu pages of ../shared/data/news/html come out of
/// <see cref="ArticleReader"/> as skips that name the language; the Arabic pages as articles in "ar".
/// </summary>
public sealed class HtmlLanguageTests
{
    private static readonly Lazy<IReadOnlyList<GoldPage>> Pages = new(() => HtmlGold.Load(SharedData.Path("data/news/html")));

    public static TheoryData<string> NotArabic => [.. Pages.Value.Where(p => p.Language != "ar").Select(p => p.Id)];

    public static TheoryData<string> Arabic => [.. Pages.Value.Where(p => p.Language == "ar").Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(NotArabic))]
    public void Persian_and_Urdu_pages_are_skipped_naming_the_language(string id)
    {
        var page = Pages.Value.Single(p => p.Id == id);
        var result = Assert.Single(Analyzer.ReadAll(page.HtmlPath));
        var skipped = Assert.IsType<ReadResult.Skipped>(result);
        var name = LanguageDetector.Name(page.Language);
        Assert.Contains(name, skipped.Reason, StringComparison.Ordinal);
        Assert.Contains("not Arabic", skipped.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Arabic))]
    public void Arabic_pages_are_read_as_Arabic(string id)
    {
        var page = Pages.Value.Single(p => p.Id == id);
        var result = Assert.Single(Analyzer.ReadAll(page.HtmlPath));
        var ok = Assert.IsType<ReadResult.Ok>(result);
        Assert.Equal("ar", ok.Article.Language);
        Assert.Equal("html", ok.Article.Format);
    }

    public static TheoryData<string, string> Sentences => new()
    {
        { "ar", "أعلنت وزارة الصحة المصرية اليوم تسجيل حالات جديدة في عدة محافظات، وقالت إن الوضع تحت السيطرة." },
        { "fa", "وزارت بهداشت ایران امروز اعلام کرد که تعداد بیماران در چند استان کشور افزایش یافته است." },
        { "ur", "پاکستان نے آئرلینڈ کو دوسرے میچ میں سات وکٹوں سے شکست دے کر سیریز برابر کر دی ہے۔" },
        { "en", "The ministry of health said on Monday that new cases were recorded in several provinces." },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Detector_tells_the_language_of_a_sentence(string code, string sentence) =>
        Assert.Equal(code, LanguageDetector.Detect(sentence));

    [Fact]
    public void Arabic_with_one_Persian_loanword_letter_stays_Arabic() =>
        // گ in a transliterated name (غوستاف / گوستاف) must not make an Arabic paragraph Persian.
        Assert.Equal("ar", LanguageDetector.Detect("وأوضح مصفف الشعر اللندني گوستاف فوشيه لصحيفة ديلي ميل أن اللون الوردي قد يكون ناتجا عن عملية تعديل لون تستخدم عادة."));

    [Fact]
    public void Persian_without_its_own_letters_is_told_by_its_words() =>
        // No پ چ ژ گ and ي/ك spelled the Arabic way (as some Persian sites do): the function words tell.
        Assert.Equal("fa", LanguageDetector.Detect("این خبر در روز دوشنبه منتشر شد و مسئولان می خواهند از این برنامه در سال آینده هم استفاده کنند."
            .Replace('\u06CC', '\u064A').Replace('\u06A9', '\u0643')));

    [Fact]
    public void Too_little_text_is_unknown() => Assert.Null(LanguageDetector.Detect("خبر"));
}
