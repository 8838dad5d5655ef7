using Marsad.Ingest;
using Marsad.Ingest.Html;

namespace Marsad.Tests.Ingest.Html;

/// <summary>One test per extraction rule, on short pages written for the test.</summary>
public sealed class MainTextRulesTests
{
    // Article paragraphs (prose: eight words or more with sentence punctuation).
    private const string P1 = "أعلنت وزارة الصحة اليوم تسجيل حالات جديدة في عدة محافظات، وقالت إن الوضع تحت السيطرة.";
    private const string P2 = "وأضافت الوزارة أن المستشفيات استقبلت المرضى في أقسام العزل، وأن حالتهم مستقرة حتى الآن.";
    private const string P3 = "ودعت المواطنين إلى الالتزام بالإجراءات الوقائية وارتداء الكمامات في الأماكن العامة المغلقة.";

    private static string Body(string html) => Assert.IsType<ReadResult.Ok>(new HtmlReader().Read(html, "test")).Article.Body;

    private static string Page(string body) => $"<html><head><title>خبر</title></head><body>{body}</body></html>";

    private static string Article => $"<p>{P1}</p><p>{P2}</p><p>{P3}</p>";

    [Fact]
    public void Paragraphs_of_the_article_are_the_body() =>
        Assert.Equal($"{P1}\n{P2}\n{P3}", Body(Page($"<div class='story'>{Article}</div>")));

    [Fact]
    public void Menu_of_links_is_not_body() =>
        Assert.DoesNotContain("الرئيسية", Body(Page($"<ul><li><a href='/'>الرئيسية</a></li><li><a href='/s'>سياسة واقتصاد ورياضة وثقافة وفنون</a></li></ul><div>{Article}</div>")), StringComparison.Ordinal);

    [Fact]
    public void Share_widget_inside_the_article_is_dropped() =>
        Assert.DoesNotContain("شارك", Body(Page($"<article>{Article}<div class='post-share'>شارك هذا الخبر مع أصدقائك على فيسبوك وتويتر، وتابعنا دائما.</div></article>")), StringComparison.Ordinal);

    [Fact]
    public void Class_words_match_whole_words_only() =>
        // «selectionShareable» is {selection, shareable}: not a share widget.
        Assert.Contains(P2, Body(Page($"<div id='articleBody'><p class='selectionShareable'>{P1}</p><p class='selectionShareable'>{P2}</p></div>")), StringComparison.Ordinal);

    [Fact]
    public void Negated_class_word_is_no_hint() =>
        Assert.Contains(P1, Body(Page($"<div class='entry-content no-share'>{Article}</div><div class='comments'><p>{P3} {P3}</p></div>")), StringComparison.Ordinal);

    [Fact]
    public void Comments_are_not_the_article_even_when_longer()
    {
        var comments = string.Concat(Enumerable.Repeat($"<p>{P3}</p>", 8));
        var body = Body(Page($"<div class='article-body'><p>{P1}</p><p>{P2}</p></div><div class='comments-list'>{comments}</div>"));
        Assert.Equal($"{P1}\n{P2}", body);
    }

    [Fact]
    public void Comment_rules_popup_is_not_the_article_even_when_longer()
    {
        var rules = string.Concat(Enumerable.Repeat($"<p>{P3}</p>", 8));
        var body = Body(Page($"<div class='modal-window window-comments-rules'>{rules}</div><div class='b-article__text'><p>{P1}</p><p>{P2}</p></div>"));
        Assert.StartsWith(P1, body, StringComparison.Ordinal);
        Assert.DoesNotContain(P3, body, StringComparison.Ordinal);
    }

    [Fact]
    public void Layout_class_on_a_wrapper_of_the_whole_article_is_ignored() =>
        // A wrapper that holds most of the page's prose is not a sidebar, whatever its class says.
        Assert.Equal($"{P1}\n{P2}\n{P3}", Body(Page($"<div class='layout-with-sidebar'>{Article}</div>")));

    [Fact]
    public void Hidden_elements_are_skipped()
    {
        var body = Body(Page($"<div class='story'>{Article}<p style='display: none'>نص مخفي لا يظهر للقارئ، وهو طويل بما يكفي ليعد فقرة كاملة.</p><p class='d-none'>نص مخفي آخر لا يظهر للقارئ، وهو طويل بما يكفي ليعد فقرة.</p></div>"));
        Assert.DoesNotContain("مخفي", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_separated_by_br_are_paragraphs() =>
        Assert.Equal($"{P1}\n{P2}", Body(Page($"<div class='LongDesc'><div>{P1}<br><br>{P2}</div></div>")));

    [Fact]
    public void Lead_in_its_own_box_beside_the_text_joins_it()
    {
        var related = "<ul class='refs'><li><a href='/1'>عنوان خبر آخر عن الصحة في المنطقة</a></li><li><a href='/2'>عنوان خبر ثالث عن الاقتصاد والطاقة</a></li></ul>";
        var body = Body(Page($"<div class='b-article'><div class='b-article__lead'><p>{P1}</p></div>{related}<div class='b-article__text'><p>{P2}</p><p>{P3}</p><p>{P2}</p></div></div>"));
        Assert.StartsWith(P1, body, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_box_with_the_headline_does_not_join_the_text()
    {
        var header = "<div class='news-main'><h1>وزارة الصحة تسجل حالات جديدة</h1><p class='lead'>عنوان فرعي يلخص الخبر في سطر واحد طويل بما يكفي ليكون فقرة كاملة.</p></div>";
        var body = Body(Page($"<div class='news'>{header}<div class='news-text'>{Article}</div></div>"));
        Assert.DoesNotContain("عنوان فرعي", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Timestamp_line_is_not_body() =>
        Assert.Equal($"{P1}\n{P2}\n{P3}", Body(Page($"<div class='story'><div>الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21</div>{Article}</div>")));

    public static TheoryData<string, bool> DateLines => new()
    {
        { "الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21 (GMT+0400)", true },
        { "الإثنين، 13 مايو 2024 06:00 ص", true },
        { "2024-05-13 06:00", true },
        { "نشر في: 17 مارس 2020", true },
        { "قتل 1000 شخص في يناير الماضي", false },
        { "الوزير يلتقي نظيره في 12 مايو 2024", false },
        { "الأربعاء القادم", false },
    };

    [Theory]
    [MemberData(nameof(DateLines))]
    public void Date_line_pattern(string text, bool dateLine) => Assert.Equal(dateLine, MainTextFinder.IsDateLine(text));

    [Fact]
    public void Trailing_heading_without_text_is_dropped() =>
        Assert.Equal($"{P1}\n{P2}\n{P3}", Body(Page($"<div class='story'>{Article}<h3>الموضوعات المتعلقة</h3></div>")));

    [Fact]
    public void Heading_inside_the_article_is_kept() =>
        Assert.Equal($"{P1}\nتفاصيل الإصابات\n{P2}", Body(Page($"<div class='story'><p>{P1}</p><h2>تفاصيل الإصابات</h2><p>{P2}</p></div>")));

    [Fact]
    public void Paragraph_that_is_mostly_a_link_is_dropped() =>
        Assert.DoesNotContain("اقرأ", Body(Page($"<div class='story'><p>{P1}</p><p>اقرأ أيضا: <a href='/x'>الصحة العالمية تحذر من موجة جديدة من الإصابات في الشتاء</a></p><p>{P2}</p></div>")), StringComparison.Ordinal);

    [Fact]
    public void Headline_opening_the_text_is_the_title_not_body()
    {
        var html = $"<html><head><meta property='og:title' content='الصحة تسجل حالات جديدة في عدة محافظات - موقع الأخبار'></head><body><div class='story'><h1>الصحة تسجل حالات جديدة في عدة محافظات</h1>{Article}</div></body></html>";
        var a = Assert.IsType<ReadResult.Ok>(new HtmlReader().Read(html, "test")).Article;
        Assert.Equal("الصحة تسجل حالات جديدة في عدة محافظات", a.Title);
        Assert.StartsWith(P1, a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Byline_at_the_top_becomes_the_author()
    {
        var a = Assert.IsType<ReadResult.Ok>(new HtmlReader().Read(Page($"<div class='story'><p>كتب سيد علي</p>{Article}</div>"), "test")).Article;
        Assert.Equal("سيد علي", a.Author);
        Assert.StartsWith(P1, a.Body, StringComparison.Ordinal);
    }

    public static TheoryData<string, string?> Bylines => new()
    {
        { "كتب سيد الخلفاوى", "سيد الخلفاوى" },
        { "بقلم: منى عبد الله", "منى عبد الله" },
        { "حوار: آسيا العتروس", "آسيا العتروس" },
        { "كتبت الصحيفة أن الحكومة ستعلن القرار غدا", null },
        { "كتب 3 مقالات", null },
    };

    [Theory]
    [MemberData(nameof(Bylines))]
    public void Byline_pattern(string paragraph, string? name) => Assert.Equal(name, HtmlReader.Byline(paragraph));

    public static TheoryData<string, string> ClassNames => new()
    {
        { "articleBody", "Content" },
        { "selectionShareable", "None" },
        { "post-share", "Widget" },
        { "article_details_tags", "Widget" },
        { "related-articles", "Widget" },
        { "entry-content no-share", "Content" },
        { "article_details_prev_next", "Layout" },
        { "main-content has-sidebar", "Content" },
        { "sidebar-content", "Layout" },
        { "most-read Newmost-read", "Widget" },
    };

    [Theory]
    [MemberData(nameof(ClassNames))]
    public void Class_name_hint(string name, string hint) => Assert.Equal(hint, ClassHints.OfName(name).ToString());

    public static TheoryData<string, bool> Headlines => new()
    {
        { "الصحة تسجل حالات جديدة", true },
        { "الصحة تسجل حالات جديدة - موقع الأخبار", true },
        { "الصحة تسجل", false },
        { "وزارة التعليم تعلن النتائج", false },
    };

    [Theory]
    [MemberData(nameof(Headlines))]
    public void Headline_matches_the_title_by_prefix(string paragraph, bool same) =>
        Assert.Equal(same, HtmlReader.Same(paragraph, "الصحة تسجل حالات جديدة"));
}
