using System.Text;
using Marsad.Ingest;
using Marsad.Ingest.Html;
using Marsad.Testing;

namespace Marsad.Tests.Ingest.Html;

/// <summary>
/// Hostile and broken pages: each gives a clear result (an article or a failure that says why), never a crash.
/// In a collection of its own that runs alone: the 20 MB pages take seconds and much memory, and
/// would starve the timeouts of other tests running beside them.
/// </summary>
[Collection(BigPages.Name)]
public sealed class HtmlRobustnessTests
{
    private const string Paragraph = "<p>أعلنت وزارة الصحة اليوم تسجيل حالات جديدة في عدة محافظات، وقالت إن الوضع تحت السيطرة وإن الفرق الطبية تعمل على مدار الساعة.</p>";

    private static ReadResult ReadOne(string html) => Assert.Single(Analyzer.ReadBytes(Encoding.UTF8.GetBytes(html), "page.html"));

    [Fact]
    public void Page_nested_10000_deep_is_refused_with_the_reason()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + Paragraph + string.Concat(Enumerable.Repeat("</div>", 10_000)) + "</body></html>";
        var failed = Assert.IsType<ReadResult.Failed>(ReadOne(html));
        Assert.Contains("nests elements more than 512 levels", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_nested_10000_deep_with_inline_tags_is_refused_too()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<b><span>", 5_000)) + Paragraph + "</body></html>";
        Assert.IsType<ReadResult.Failed>(ReadOne(html));
    }

    [Fact]
    public void Nesting_within_the_limit_is_read()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 300)) + Paragraph + string.Concat(Enumerable.Repeat("</div>", 300)) + "</body></html>";
        var ok = Assert.IsType<ReadResult.Ok>(ReadOne(html));
        Assert.StartsWith("أعلنت وزارة الصحة", ok.Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_check_is_skipped_by_unclosed_paragraphs_and_list_items()
    {
        // 2,000 unclosed <p> and <li> are siblings in HTML, not 2,000 levels.
        var html = "<html><body><ul>" + string.Concat(Enumerable.Repeat("<li>بند", 2_000)) + "</ul>" + string.Concat(Enumerable.Repeat("<p>فقرة", 2_000)) + "</body></html>";
        Assert.True(HtmlNesting.MaxDepth(html, 512).Depth < 10);
    }

    [Fact]
    public void Nesting_check_ignores_tags_inside_scripts_and_comments()
    {
        var inner = string.Concat(Enumerable.Repeat("<div>", 1_000));
        var html = $"<html><body><script>var s = '{inner}';</script><!-- {inner} -->" + Paragraph + "</body></html>";
        Assert.Equal(-1, HtmlNesting.MaxDepth(html, 512).ExceededAt);
    }

    [Fact]
    public void Page_of_20_MB_is_read()
    {
        var sb = new StringBuilder("<html><head><title>صفحة كبيرة</title></head><body><article>");
        while (sb.Length < 20 * 1024 * 1024)
            sb.Append(Paragraph);
        sb.Append("</article></body></html>");
        var result = ReadOne(sb.ToString());
        // 20 MB of paragraphs is ~10 million characters of text: over the body limit, and said so.
        var failed = Assert.IsType<ReadResult.Failed>(result);
        Assert.Contains("over the 1,000,000 limit", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_of_20_MB_of_furniture_around_an_article_is_read()
    {
        var sb = new StringBuilder("<html><body><nav>");
        while (sb.Length < 20 * 1024 * 1024)
            sb.Append("<a href='/x'>رابط القسم</a> ");
        sb.Append("</nav><article>").Append(Paragraph).Append(Paragraph).Append("</article></body></html>");
        var ok = Assert.IsType<ReadResult.Ok>(ReadOne(sb.ToString()));
        Assert.DoesNotContain("رابط القسم", ok.Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_only_page_fails_with_the_reason()
    {
        var failed = Assert.IsType<ReadResult.Failed>(ReadOne("<html><head><script>var a = 'نص داخل سكربت طويل جدا جدا';</script></head><body><script>document.write('مرحبا بكم في الموقع الإخباري');</script></body></html>"));
        Assert.Contains("no article text found", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("no text", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_with_only_menus_fails_with_the_reason()
    {
        var html = "<html><body><ul><li><a href='/a'>الرئيسية</a></li><li><a href='/b'>سياسة</a></li><li><a href='/c'>اقتصاد</a></li><li>رياضة</li></ul><div>حقوق النشر محفوظة</div></body></html>";
        var failed = Assert.IsType<ReadResult.Failed>(ReadOne(html));
        Assert.Contains("no paragraph of prose", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_markup_still_gives_the_text()
    {
        // Unclosed tags, a stray end tag, an unquoted attribute and a bare ampersand.
        var html = "<html><body><div class=main><p>أعلنت وزارة الصحة اليوم تسجيل حالات جديدة في عدة محافظات، وقالت إن الوضع تحت السيطرة & الفرق تعمل<p>وأضافت الوزارة أن المستشفيات استقبلت المرضى في أقسام العزل، وأن الحالات مستقرة</span></div";
        var ok = Assert.IsType<ReadResult.Ok>(ReadOne(html));
        Assert.Contains("وأضافت الوزارة", ok.Article.Body, StringComparison.Ordinal);
        Assert.Contains("تحت السيطرة & الفرق", ok.Article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_1256_page_is_decoded_by_its_meta_charset()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"><title>خبر</title></head><body>" + Paragraph + "</body></html>";
        var bytes = Encoding.GetEncoding(1256).GetBytes(html);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes)); // really not UTF-8
        var ok = Assert.IsType<ReadResult.Ok>(Assert.Single(Analyzer.ReadBytes(bytes, "page.html")));
        Assert.StartsWith("أعلنت وزارة الصحة اليوم", ok.Article.Body, StringComparison.Ordinal);
        Assert.Equal("ar", ok.Article.Language);
    }

    [Fact]
    public void Empty_body_fails_with_the_reason()
    {
        var failed = Assert.IsType<ReadResult.Failed>(ReadOne("<html><head><title>عنوان فقط</title></head><body></body></html>"));
        Assert.Contains("no article text found", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_item_html_nested_too_deep_is_refused_not_parsed()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 5_000)) + "نص";
        Assert.Throws<InvalidInputException>(() => HtmlText.Paragraphs(html));
    }

    [Fact]
    public void Broken_json_ld_is_ignored_and_meta_tags_are_used()
    {
        var html = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": </script>"
            + "<meta property=\"article:published_time\" content=\"2024-05-13T06:00:00+03:00\"></head><body>" + Paragraph + "</body></html>";
        var page = new HtmlArticleExtractor().Extract(html);
        Assert.Equal("2024-05-13T06:00+03:00", page.Published?.ToString());
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BigPages
{
    public const string Name = "big HTML pages";
}
