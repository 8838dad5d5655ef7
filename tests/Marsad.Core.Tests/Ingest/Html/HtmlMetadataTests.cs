using Marsad.Ingest.Html;

namespace Marsad.Tests.Ingest.Html;

/// <summary>Title, date, section and author, one source per test, on short pages written for the test.</summary>
public sealed class HtmlMetadataTests
{
    private const string Text = "<p>أعلنت وزارة الصحة اليوم تسجيل حالات جديدة في عدة محافظات، وقالت إن الوضع تحت السيطرة.</p>";

    private static HtmlPage Extract(string head, string body = "") =>
        new HtmlArticleExtractor().Extract($"<html><head>{head}</head><body>{body}{Text}</body></html>");

    [Fact]
    public void Title_from_og_title() =>
        Assert.Equal("الصحة تسجل حالات جديدة", Extract("<meta property='og:title' content='الصحة تسجل حالات جديدة'><title>عنوان آخر</title>").Title);

    [Fact]
    public void Title_from_json_ld_headline_with_entities_decoded() =>
        Assert.Equal("\"شعر وردي\" يشعل السخرية", Extract("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"&quot;شعر وردي&quot; يشعل السخرية\"}</script>").Title);

    [Fact]
    public void Title_from_h1_when_no_meta() =>
        Assert.Equal("الصحة تسجل حالات جديدة", Extract("<title>الصحة - الموقع</title>", "<h1>الصحة تسجل حالات جديدة</h1>").Title);

    [Fact]
    public void Title_site_suffix_is_dropped() =>
        Assert.Equal("مصر تسجل 30 إصابة جديدة", Extract("<title>مصر تسجل 30 إصابة جديدة - Sputnik Arabic</title>").Title);

    [Fact]
    public void Title_site_name_in_front_is_dropped() =>
        Assert.Equal("ورود نقدینگی به بورس در سه ماه", Extract("<meta property='og:site_name' content='خبرگزاری آریا'><title>خبرگزاری آریا - ورود نقدینگی به بورس در سه ماه</title>").Title);

    [Fact]
    public void Published_from_json_ld_before_meta() =>
        Assert.Equal("2026-01-08T11:42:50+00:00", Extract("<meta property='article:published_time' content='2020-01-01T00:00:00Z'><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":\"2026-01-08T11:42:50+00:00\"}</script>").Published?.ToString());

    [Fact]
    public void Published_from_the_article_in_a_json_ld_graph() =>
        Assert.Equal("2024-05-13T06:00+03:00", Extract("<script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebSite\",\"datePublished\":\"2010-01-01\"},{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-05-13T06:00:00+03:00\"}]}</script>").Published?.ToString());

    [Fact]
    public void Published_from_article_published_time() =>
        Assert.Equal("2020-12-25T01:59:50+02:00", Extract("<meta property='article:published_time' content='2020-12-25T01:59:50+02:00'>").Published?.ToString());

    [Fact]
    public void Published_from_itemprop() =>
        Assert.Equal("2020-03-17T17:27", Extract("", "<span itemprop='datePublished' content='2020-03-17T17:27'>17 مارس</span>").Published?.ToString());

    [Fact]
    public void Published_from_time_element() =>
        Assert.Equal("2020-08-24", Extract("", "<article><time datetime='2020-08-24'>الإثنين، 24 أغسطس 2020</time></article>").Published?.ToString());

    [Fact]
    public void Modified_date_is_used_only_without_a_published_date() =>
        Assert.Equal("2021-02-02", Extract("<meta property='article:modified_time' content='2021-02-02'>").Published?.ToString());

    [Fact]
    public void Section_from_article_section() =>
        Assert.Equal("تقارير مصرية", Extract("<meta property='article:section' content='تقارير مصرية'>").Section);

    [Fact]
    public void Section_from_json_ld_article_section() =>
        Assert.Equal("اقتصاد", Extract("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"articleSection\":[\"اقتصاد\",\"أسواق\"]}</script>").Section);

    [Fact]
    public void Section_from_breadcrumbs_skips_home_and_the_headline() =>
        Assert.Equal("رياضة", Extract("<meta property='og:title' content='الأهلي يفوز على الزمالك في القمة'>",
            "<ol class='breadcrumb'><li><a href='/'>الرئيسية</a></li><li><a href='/sport'>رياضة</a></li><li><a href='#'>الأهلي يفوز على الزمالك في القمة</a></li></ol>").Section);

    [Fact]
    public void Section_from_json_ld_breadcrumb_list() =>
        Assert.Equal("سياسة", Extract("<script type='application/ld+json'>{\"@type\":\"BreadcrumbList\",\"itemListElement\":[{\"@type\":\"ListItem\",\"position\":1,\"name\":\"الرئيسية\"},{\"@type\":\"ListItem\",\"position\":2,\"name\":\"سياسة\"}]}</script>").Section);

    [Fact]
    public void Author_from_json_ld_names() =>
        Assert.Equal("منى علي، أحمد حسن", Extract("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\",\"name\":\"منى علي\"},{\"@type\":\"Person\",\"name\":\"أحمد حسن\"}]}</script>").Author);

    [Fact]
    public void Author_meta_that_is_a_url_is_not_a_name() =>
        Assert.Null(Extract("<meta property='article:author' content='https://www.facebook.com/site'>").Author);

    [Fact]
    public void Author_from_a_byline_element_without_the_verb() =>
        Assert.Equal("سيد الخلفاوى", Extract("", "<span class='writeBy'>كتب سيد الخلفاوى</span>").Author);

    [Fact]
    public void Declared_language_from_html_lang() =>
        Assert.Equal("ar", new HtmlArticleExtractor().Extract($"<html lang='ar'><body>{Text}</body></html>").DeclaredLanguage);
}
