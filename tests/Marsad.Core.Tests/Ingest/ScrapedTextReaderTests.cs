using Marsad.Ingest;
using Marsad.Testing;
using static Marsad.Tests.Ingest.Fixtures;

namespace Marsad.Tests.Ingest;

/// <summary>The scraped-text reader: the seed's page shape and every variation of it the issue lists.</summary>
public sealed class ScrapedTextReaderTests
{
    [Fact]
    public void Page_gives_title_section_date_time_counters_picture_dateline_and_clean_body()
    {
        var a = SingleArticle(Analyzer.ReadText(Page()));
        Assert.Equal(Title, a.Title);
        Assert.Equal(Section, a.Section);
        Assert.Equal("2024-03-07T10:30", a.Published?.ToString());
        Assert.Equal<int>([12, 0], a.Counters);
        Assert.True(a.HasPicture);
        Assert.Equal(new Model.Dateline("عمّان", "مرصد"), a.Dateline);
        Assert.StartsWith(BodyStart, a.Body, StringComparison.Ordinal);
        Assert.EndsWith(BodyEnd, a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("مشاركة", a.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("news-picture", a.Body, StringComparison.Ordinal);
        Assert.Equal("text", a.Format);
    }

    [Fact]
    public void Bom_is_not_part_of_the_title()
    {
        var a = SingleArticle(Analyzer.ReadText("\uFEFF" + Page()));
        Assert.Equal(Title, a.Title);
    }

    [Fact]
    public void Crlf_and_extra_blank_lines_read_like_lf()
    {
        var expected = SingleArticle(Analyzer.ReadText(Page()));
        var crlf = SingleArticle(Analyzer.ReadText(Page("\r\n").Replace("news-picture", "\r\n\r\nnews-picture\r\n\r\n", StringComparison.Ordinal)));
        Assert.Equal((expected.Title, expected.Section, expected.Published, expected.Dateline, expected.HasPicture, expected.Body),
            (crlf.Title, crlf.Section, crlf.Published, crlf.Dateline, crlf.HasPicture, crlf.Body));
        Assert.Equal<int>(expected.Counters, crlf.Counters);
    }

    [Fact]
    public void Missing_metadata_lines_leave_those_fields_empty()
    {
        var text = Title + " - " + Section + "\n\nعمّان - مرصد - " + BodyStart + " في العاصمة.\n";
        var a = SingleArticle(Analyzer.ReadText(text));
        Assert.Equal(Title, a.Title);
        Assert.Null(a.Published);
        Assert.Empty(a.Counters);
        Assert.False(a.HasPicture);
        Assert.StartsWith(BodyStart, a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_without_a_title_line_is_all_body()
    {
        var text = "عمّان - مرصد - " + BodyStart + " في العاصمة بعد أمطار غزيرة.\n";
        var a = SingleArticle(Analyzer.ReadText(text));
        Assert.Null(a.Title);
        Assert.StartsWith(BodyStart, a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_with_dash_and_colon_inside_keeps_them()
    {
        var text = "الأردن - العراق: اتفاق على خط نقل جديد - اقتصاد\n  • 1/2/2024\nبغداد - وكالات - وقع البلدان اتفاقاً لإنشاء خط نقل بري.\n";
        var a = SingleArticle(Analyzer.ReadText(text));
        Assert.Equal("الأردن - العراق: اتفاق على خط نقل جديد", a.Title);
        Assert.Equal("اقتصاد", a.Section);
    }

    [Fact]
    public void Long_tail_after_the_last_dash_is_title_not_section()
    {
        var text = "وزير الخارجية: لا تراجع عن الاتفاق - وسنمضي في تنفيذه خلال الأشهر المقبلة كما وعدنا\n  • 1/2/2024\nقال وزير الخارجية إن الحكومة ماضية في الاتفاق.\n";
        var a = SingleArticle(Analyzer.ReadText(text));
        Assert.Null(a.Section);
        Assert.Equal("وزير الخارجية: لا تراجع عن الاتفاق - وسنمضي في تنفيذه خلال الأشهر المقبلة كما وعدنا", a.Title);
    }

    [Fact]
    public void Arabic_indic_digits_in_date_time_and_counters()
    {
        var text = "افتتاح جسر جديد في البصرة - محليات\n  • ٤/١٩/٢٠١٧\n  • ١٤:٠٥\n  • ٥\n  • ٠\nالبصرة - مرصد - افتتح المحافظ جسراً جديداً يربط ضفتي شط العرب.\n";
        var a = SingleArticle(Analyzer.ReadText(text));
        Assert.Equal("2017-04-19T14:05", a.Published?.ToString());
        Assert.Equal<int>([5, 0], a.Counters);
    }

    [Fact]
    public void Persian_digits_in_the_date_bullet()
    {
        var text = "افتتاح جسر جديد في البصرة - محليات\n  • ۴/۱۹/۲۰۱۷\nالبصرة - مرصد - افتتح المحافظ جسراً جديداً.\n";
        Assert.Equal("2017-04-19", SingleArticle(Analyzer.ReadText(text)).Published?.ToString());
    }

    [Fact]
    public void Bullet_date_is_month_first()
    {
        var text = "عنوان الخبر هنا - محليات\n  • 4/5/2017\nالبصرة - مرصد - افتتح المحافظ جسراً جديداً.\n";
        Assert.Equal("2017-04-05", SingleArticle(Analyzer.ReadText(text)).Published?.ToString());
    }

    [Fact]
    public void Bullet_time_with_arabic_pm_marker()
    {
        var text = "عنوان الخبر هنا - محليات\n  • 4/5/2017\n  • 02:15 م\nالبصرة - مرصد - افتتح المحافظ جسراً جديداً.\n";
        Assert.Equal("2017-04-05T14:15", SingleArticle(Analyzer.ReadText(text)).Published?.ToString());
    }

    [Fact]
    public void Invalid_bullet_date_leaves_published_empty()
    {
        var text = "عنوان الخبر هنا - محليات\n  • 2/31/2017\nالبصرة - مرصد - افتتح المحافظ جسراً جديداً.\n";
        Assert.Null(SingleArticle(Analyzer.ReadText(text)).Published);
    }

    [Fact]
    public void Title_and_metadata_without_body_is_refused_as_no_body()
    {
        var text = Title + " - " + Section + "\n  • 3/7/2024\n  • 10:30\nnews-picture\nمشاركة :\n";
        AssertFails(Analyzer.ReadText(text, "nobody.txt"), "nobody.txt", "no article body");
    }

    [Fact]
    public void Only_share_line_and_picture_is_refused_as_no_body()
    {
        AssertFails(Analyzer.ReadText("news-picture\n\nمشاركة :\n", "share.txt"), "share.txt", "no article body");
    }

    [Fact]
    public void Over_long_line_is_refused_with_its_line_number_in_a_crlf_file()
    {
        var options = new ReaderOptions { MaxBodyChars = 200 };
        var text = Title + " - " + Section + "\r\n  • 3/7/2024\r\n" + new string('ن', 300) + "\r\n";
        AssertFails(Analyzer.ReadText(text, "long-line.txt", options), "long-line.txt", "line 3 is 300 characters long");
    }

    [Fact]
    public void Body_over_the_limit_is_refused_not_truncated()
    {
        var options = new ReaderOptions { MaxBodyChars = 100 };
        AssertFails(Analyzer.ReadText(Page(), "long.txt", options), "long.txt", "characters", "limit");
    }

    [Fact]
    public void Sniffing_ignores_a_misleading_extension()
    {
        var a = SingleArticle(Analyzer.ReadText(Page(), "page.html"));
        Assert.Equal("text", a.Format);
        Assert.Equal(Title, a.Title);
    }
}
