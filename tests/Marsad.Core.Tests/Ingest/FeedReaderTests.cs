using Marsad.Ingest;
using Marsad.Testing;
using static Marsad.Tests.Ingest.Fixtures;

namespace Marsad.Tests.Ingest;

/// <summary>RSS 2.0 and Atom feeds: items become articles; hostile or broken XML fails clearly and never reads a file.</summary>
public sealed class FeedReaderTests
{
    private const string Item1 = "<item><title>افتتاح معرض للكتاب</title><link>https://example.org/a</link><pubDate>Thu, 26 Sep 2024 09:15:00 +0300</pubDate><category>ثقافة</category>"
        + "<description><![CDATA[<p>عمّان - مرصد - افتتحت وزيرة الثقافة معرض الكتاب بمشاركة 300 دار نشر.</p><p>ويستمر المعرض عشرة أيام.</p>]]></description></item>";

    private const string Item2 = "<item><title>فوز المنتخب في مباراة ودية</title><link>https://example.org/b</link><pubDate>2024-11-05T21:05:00Z</pubDate>"
        + "<description>الرباط - مرصد - فاز المنتخب بهدفين دون رد.</description></item>";

    private static string Rss(params string[] items) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>مرصد</title><link>https://example.org/</link><description>نشرة</description>"
        + string.Concat(items) + "</channel></rss>";

    private static IReadOnlyList<ReadResult> Read(string xml, string name = "feed.xml") => Analyzer.ReadBytes(Utf8(xml), name);

    [Fact]
    public void Rss_items_become_articles()
    {
        var results = Read(Rss(Item1, Item2));
        var articles = results.OfType<ReadResult.Ok>().Select(r => r.Article).ToList();
        Assert.Equal(2, articles.Count);
        var a = articles[0];
        Assert.Equal("feed.xml#item-1", a.Source);
        Assert.Equal("feed", a.Format);
        Assert.Equal("افتتاح معرض للكتاب", a.Title);
        Assert.Equal("ثقافة", a.Section);
        Assert.Equal("https://example.org/a", a.Url);
        Assert.Equal("2024-09-26T09:15+03:00", a.Published?.ToString());
        Assert.Equal(new Model.Dateline("عمّان", "مرصد"), a.Dateline);
        Assert.Equal("افتتحت وزيرة الثقافة معرض الكتاب بمشاركة 300 دار نشر.\nويستمر المعرض عشرة أيام.", a.Body);
        Assert.Equal("2024-11-05T21:05+00:00", articles[1].Published?.ToString());
    }

    [Fact]
    public void Content_encoded_is_preferred_to_the_description()
    {
        var item = "<item><title>خبر</title><description>ملخص قصير.</description><content:encoded><![CDATA[<p>النص الكامل للخبر مع التفاصيل.</p>]]></content:encoded></item>";
        Assert.Equal("النص الكامل للخبر مع التفاصيل.", SingleArticle(Read(Rss(item))).Body);
    }

    [Fact]
    public void Atom_entries_become_articles()
    {
        var atom = "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>مرصد</title><id>urn:marsad:feed</id><updated>2024-11-05T21:05:00Z</updated>"
            + "<entry><title>فوز المنتخب في مباراة ودية</title><id>urn:marsad:1</id><link href=\"https://example.org/b\"/><updated>2024-11-05T21:05:00+01:00</updated>"
            + "<content type=\"html\">&lt;p&gt;الرباط - مرصد - فاز المنتخب بهدفين دون رد.&lt;/p&gt;</content></entry></feed>";
        var a = SingleArticle(Read(atom, "feed.atom"));
        Assert.Equal("فوز المنتخب في مباراة ودية", a.Title);
        Assert.Equal("https://example.org/b", a.Url);
        Assert.Equal("2024-11-05T21:05+01:00", a.Published?.ToString());
        Assert.Equal("فاز المنتخب بهدفين دون رد.", a.Body);
    }

    [Fact]
    public void Item_with_a_bad_date_is_read_without_a_date()
    {
        var bad = "<item><title>خبر بتاريخ غير صالح</title><pubDate>الخميس الماضي</pubDate><description>افتتحت البلدية حديقة عامة جديدة.</description></item>";
        var results = Read(Rss(bad, Item2));
        var articles = results.OfType<ReadResult.Ok>().Select(r => r.Article).ToList();
        Assert.Equal(2, articles.Count);
        Assert.Null(articles[0].Published);
        Assert.NotNull(articles[1].Published);
    }

    [Fact]
    public void Item_with_an_impossible_date_is_read_without_a_date()
    {
        var bad = "<item><title>خبر</title><pubDate>Mon, 31 Feb 2018 02:20:10 GMT</pubDate><description>افتتحت البلدية حديقة عامة جديدة.</description></item>";
        Assert.Null(SingleArticle(Read(Rss(bad))).Published);
    }

    [Fact]
    public void Item_without_text_is_skipped_and_the_rest_read()
    {
        var empty = "<item><title>عنوان بلا نص</title><link>https://example.org/x</link></item>";
        var results = Read(Rss(empty, Item1));
        var s = Assert.Single(results.OfType<ReadResult.Skipped>());
        Assert.Equal("item 1", s.Location);
        Assert.Single(results.OfType<ReadResult.Ok>());
    }

    [Fact]
    public void Feed_without_items_fails_as_empty()
    {
        AssertFails(Read(Rss()), "feed.xml", "no items");
    }

    [Fact]
    public void Billion_laughs_dtd_is_refused_without_expansion()
    {
        var lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n"
            + string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">\n"))
            + "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>";
        AssertFails(Read(lol), "feed.xml", "DTD", "refused");
    }

    [Fact]
    public void External_entity_is_refused_and_the_file_is_never_read()
    {
        using var dir = new TempDir();
        const string Marker = "MARSAD-XXE-MARKER-7F3A";
        var secret = dir.Write("secret.txt", Marker);
        var xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://" + secret + "\">]>\n"
            + "<rss version=\"2.0\"><channel><title>t</title><item><title>&xxe;</title><description>نص &xxe; نص</description></item></channel></rss>";
        var results = Read(xxe);
        AssertFails(results, "feed.xml", "DTD");
        Assert.DoesNotContain(results, r => r.ToString()!.Contains(Marker, StringComparison.Ordinal));
    }

    [Fact]
    public void External_entity_to_etc_passwd_is_refused()
    {
        var xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
            + "<rss version=\"2.0\"><channel><title>t</title><item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>";
        var results = Read(xxe);
        AssertFails(results, "feed.xml", "DTD");
        Assert.DoesNotContain(results, r => r.ToString()!.Contains("root:", StringComparison.Ordinal));
    }

    [Fact]
    public void Undeclared_entity_without_a_dtd_is_not_well_formed()
    {
        var xml = Rss("<item><title>&nbsp;خبر</title><description>نص</description></item>");
        AssertFails(Read(xml), "feed.xml", "not well-formed");
    }

    [Fact]
    public void Not_well_formed_xml_fails_with_the_line()
    {
        var xml = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel><title>t</title>\n<item><title>خبر</title></itm>\n</channel></rss>";
        var f = AssertFails(Read(xml), "feed.xml", "not well-formed");
        Assert.Equal("line 4", f.Location);
    }

    [Fact]
    public void Truncated_feed_fails_as_not_well_formed()
    {
        var xml = Rss(Item1, Item2);
        AssertFails(Read(xml[..(xml.Length / 2)]), "feed.xml", "not well-formed");
    }

    [Fact]
    public void Unknown_root_element_is_named()
    {
        AssertFails(Read("<?xml version=\"1.0\"?><catalog><book>كتاب</book></catalog>"), "feed.xml", "<catalog>", "neither");
    }

    [Fact]
    public void Rss_version_other_than_2_is_refused_by_name()
    {
        var f = AssertFails(Read("<?xml version=\"1.0\"?><rss version=\"0.91\"><channel><title>t</title></channel></rss>"), "feed.xml");
        Assert.Contains("RSS 2.0", f.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_html_in_a_description_is_handled()
    {
        var deep = string.Concat(Enumerable.Repeat("<div>", 10_000)) + "نص عميق" + string.Concat(Enumerable.Repeat("</div>", 10_000));
        var item = "<item><title>عميق</title><description><![CDATA[" + deep + "]]></description></item>";
        var results = Read(Rss(item, Item2));
        Assert.Contains(results.OfType<ReadResult.Ok>(), r => r.Article.Title == "فوز المنتخب في مباراة ودية");
        Assert.DoesNotContain(results, r => r is ReadResult.Failed f && f.Reason.StartsWith("reader failed", StringComparison.Ordinal));
    }
}
