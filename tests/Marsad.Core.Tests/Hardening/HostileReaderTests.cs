using System.Text;
using Marsad.Ingest;
using Marsad.Testing;
using static Marsad.Tests.Hardening.Hostile;
using static Marsad.Tests.Ingest.Fixtures;

namespace Marsad.Tests.Hardening;

/// <summary>
/// The hostile-input catalogue, reader side (issue 7), beyond the encodings, binary, empty, huge-line and
/// gzip cases of <c>Ingest/BadInputTests</c>: UTF-16 records without a BOM, 100,000 records in one file,
/// 10,000-deep HTML, DTDs, external entities and entity expansion in feeds, deep JSON, lone surrogates and
/// control characters, script injection. Each case: a failure that names the file (and record) with a
/// readable reason, or the correct article; never a crash; the good input beside it still read.
/// </summary>
public sealed class HostileReaderTests
{
    private const string GoodFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>مرصد</title><link>https://example.org/</link><description>أخبار</description>
        <item><title>افتتاح جسر جديد في المدينة</title><link>https://example.org/1</link><pubDate>Thu, 07 Mar 2024 10:30:00 +0300</pubDate>
        <description>افتتحت البلدية جسرا جديدا فوق النهر صباح اليوم. وقال رئيس البلدية إن الجسر يخفف الازدحام في وسط المدينة.</description></item>
        </channel></rss>
        """;

    private static string FeedWithDoctype(string doctype, string itemTitle) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        {doctype}
        <rss version="2.0"><channel><title>t</title><link>https://example.org/</link><description>d</description>
        <item><title>{itemTitle}</title><link>https://example.org/2</link>
        <description>وصلت قافلة مساعدات إلى المدينة صباح اليوم وقال مسؤول إنها تضم عشرين شاحنة.</description></item>
        </channel></rss>
        """;

    private static ReadResult.Failed AssertRefusedFeed(string xml, string name)
    {
        var results = Analyzer.ReadBytes(Utf8(xml), name);
        var f = Assert.IsType<ReadResult.Failed>(Assert.Single(results));
        Assert.Equal(name, f.Source);
        AssertClearReason(f.Reason);
        Assert.Contains("DTD", f.Reason, StringComparison.Ordinal);
        return f;
    }

    [Fact]
    public void Feed_with_an_internal_DTD_is_refused_naming_the_file()
    {
        AssertRefusedFeed(FeedWithDoctype("<!DOCTYPE rss [<!ELEMENT rss ANY>]>", "خبر"), "dtd.xml");
    }

    [Fact]
    public void Feed_with_an_external_entity_is_refused_and_the_file_is_never_read()
    {
        // XXE: if the entity were resolved, the item title would carry the first line of /etc/passwd («root:…»).
        var f = AssertRefusedFeed(FeedWithDoctype("<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;"), "xxe.xml");
        Assert.DoesNotContain("root:", f.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_with_an_external_parameter_entity_is_refused_without_a_network_fetch()
    {
        AssertRefusedFeed(FeedWithDoctype("<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %remote;]>", "خبر"), "xxe-param.xml");
    }

    [Fact]
    public void Billion_laughs_entity_expansion_is_refused()
    {
        var dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
            dtd.Append(string.Create(Inv, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat(i == 1 ? "&lol;" : $"&lol{i - 1};", 10))}\">"));
        dtd.Append(']').Append('>');
        AssertRefusedFeed(FeedWithDoctype(dtd.ToString(), "&lol9;"), "laughs.xml");
    }

    [Fact]
    public void Atom_feed_with_a_DTD_is_refused_too()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/hostname">]>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2024-03-07T10:30:00Z</updated>
            <entry><title>&x;</title><id>urn:y</id><updated>2024-03-07T10:30:00Z</updated><content type="text">نص الخبر هنا.</content></entry></feed>
            """;
        AssertRefusedFeed(xml, "atom.xml");
    }

    [Fact]
    public void Hostile_feeds_beside_a_good_feed_leave_its_items_read()
    {
        using var dir = new TempDir();
        dir.Write("a-dtd.xml", Utf8(FeedWithDoctype("<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;")));
        dir.Write("b-unclosed.xml", Utf8(GoodFeed[..(GoodFeed.Length / 2)]));
        var good = dir.Write("c-good.xml", Utf8(GoodFeed));

        var results = Analyzer.ReadBatch([dir.Path]);

        var ok = Assert.Single(results.OfType<ReadResult.Ok>());
        Assert.StartsWith(good, ok.Article.Source, StringComparison.Ordinal);
        Assert.Equal("افتتاح جسر جديد في المدينة", ok.Article.Title);
        var failed = results.OfType<ReadResult.Failed>().ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, f => AssertClearReason(f.Reason));
        Assert.Contains(failed, f => f.Source.EndsWith("b-unclosed.xml", StringComparison.Ordinal) && f.Location is not null && f.Location.StartsWith("line", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_nested_ten_thousand_deep_is_refused_with_the_depth_not_parsed()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "<p>وصلت قافلة مساعدات إلى المدينة صباح اليوم.</p>" + string.Concat(Enumerable.Repeat("</div>", 10_000)) + "</body></html>";
        var f = Assert.IsType<ReadResult.Failed>(Assert.Single(Analyzer.ReadBytes(Utf8(html), "deep.html")));
        Assert.Equal("deep.html", f.Source);
        AssertClearReason(f.Reason);
        Assert.Contains("nest", f.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Html_with_ten_thousand_unclosed_inline_tags_is_bounded()
    {
        // Unclosed <b><i><span> never close themselves: the depth scan must count them as open.
        var html = "<html><body><p>" + string.Concat(Enumerable.Repeat("<b><i><span>", 3_400)) + "نص قصير</p></body></html>";
        var result = Assert.Single(Analyzer.ReadBytes(Utf8(html), "unclosed.html"));
        if (result is ReadResult.Failed f)
            AssertClearReason(f.Reason);
        else
            Assert.True(result is ReadResult.Ok or ReadResult.Skipped, result.ToString());
    }

    [Fact]
    public void Html_nested_just_under_the_limit_is_read_with_its_text()
    {
        const string Text = "افتتحت البلدية جسرا جديدا فوق النهر صباح اليوم. وقال رئيس البلدية إن الجسر يخفف الازدحام في وسط المدينة ويختصر الطريق إلى السوق.";
        var depth = ReaderOptions.Default.MaxHtmlDepth - 10;
        var html = "<html><head><title>جسر جديد</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "<p>" + Text + "</p>" + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";
        var a = SingleArticle(Analyzer.ReadBytes(Utf8(html), "fine.html"));
        Assert.Contains("جسرا جديدا فوق النهر", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Hundred_thousand_tiny_records_in_one_jsonl_are_all_read_and_a_bad_one_is_named()
    {
        var sb = new StringBuilder(12_000_000);
        for (var i = 0; i < 100_000; i++)
        {
            if (i == 50_000)
                sb.Append("{\"id\": \"broken\", \"text\": \n");
            sb.Append(string.Create(Inv, $"{{\"id\":\"n{i}\",\"text\":\"خبر قصير رقم {i} عن المدينة.\"}}\n"));
        }
        var results = Analyzer.ReadBytes(Utf8(sb.ToString()), "tiny.jsonl");

        var ok = results.OfType<ReadResult.Ok>().ToList();
        Assert.Equal(100_000, ok.Count);
        Assert.Equal(100_000, ok.Select(r => r.Article.Source).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("tiny.jsonl#n99999", ok[^1].Article.Source);
        var f = Assert.Single(results.OfType<ReadResult.Failed>());
        Assert.Equal("tiny.jsonl", f.Source);
        Assert.Equal("line 50001", f.Location);
        AssertClearReason(f.Reason);
    }

    [Fact]
    public void Utf16_jsonl_without_a_BOM_is_read_record_by_record()
    {
        var text = GoodRecord("r1") + "\n" + GoodRecord("r2") + "\n";
        var results = Analyzer.ReadBytes(Encoding.Unicode.GetBytes(text), "records.jsonl");
        Assert.Equal(["records.jsonl#r1", "records.jsonl#r2"], results.OfType<ReadResult.Ok>().Select(r => r.Article.Source));
    }

    [Fact]
    public void Utf16_big_endian_html_without_a_BOM_is_read()
    {
        const string Html = "<html><head><title>جسر جديد فوق النهر</title></head><body><article><p>افتتحت البلدية جسرا جديدا فوق النهر صباح اليوم. وقال رئيس البلدية إن الجسر يخفف الازدحام في وسط المدينة ويختصر الطريق إلى السوق الكبير.</p></article></body></html>";
        var a = SingleArticle(Analyzer.ReadBytes(Encoding.BigEndianUnicode.GetBytes(Html), "page.html"));
        Assert.Contains("جسرا جديدا", a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_nested_ten_thousand_deep_fails_its_line_only()
    {
        var deep = "{\"id\":\"deep\",\"text\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        var results = Analyzer.ReadBytes(Utf8(GoodRecord("a") + "\n" + deep + "\n" + GoodRecord("b") + "\n"), "deep.jsonl");
        Assert.Equal(["deep.jsonl#a", "deep.jsonl#b"], results.OfType<ReadResult.Ok>().Select(r => r.Article.Source));
        var f = Assert.Single(results.OfType<ReadResult.Failed>());
        Assert.Equal("line 2", f.Location);
        AssertClearReason(f.Reason);
    }

    [Fact]
    public void Json_array_nested_ten_thousand_deep_is_refused_naming_the_file()
    {
        var deep = "[{\"id\":\"a\",\"text\":" + new string('[', 10_000) + new string(']', 10_000) + "}]";
        var f = Assert.IsType<ReadResult.Failed>(Assert.Single(Analyzer.ReadBytes(Utf8(deep), "deep.json")));
        Assert.Equal("deep.json", f.Source);
        AssertClearReason(f.Reason);
    }

    [Fact]
    public void Record_whose_text_is_not_a_string_is_reported_and_the_next_is_read()
    {
        var results = Analyzer.ReadBytes(Utf8("{\"id\":\"x\",\"text\":{\"a\":[1,2,3]}}\n{\"id\":\"y\",\"text\":12345}\n" + GoodRecord("z") + "\n"), "odd.jsonl");
        Assert.Equal(["odd.jsonl#z"], results.OfType<ReadResult.Ok>().Select(r => r.Article.Source));
        Assert.Equal(2, results.Count(r => r is ReadResult.Failed or ReadResult.Skipped));
    }

    [Fact]
    public void Lone_surrogates_and_control_characters_in_a_record_do_not_break_the_analysis()
    {
        // JSON escapes for an unpaired high surrogate, NUL, BEL and ESC inside Arabic text.
        var line = "{\"id\":\"s\",\"title\":\"عنوان\\ud800 غريب\",\"text\":\"وصلت\\u0000 قافلة\\u0007 مساعدات\\u001b إلى المدينة \\udc00صباح اليوم. وقال مسؤول إنها تضم عشرين شاحنة.\"}";
        var results = Analyzer.ReadBytes(Utf8(line + "\n" + GoodRecord("next") + "\n"), "controls.jsonl");
        Assert.Contains(results, r => r is ReadResult.Ok ok && ok.Article.Source == "controls.jsonl#next");
        var first = results[0];
        if (first is ReadResult.Ok ok)
        {
            var doc = Analyze(ok.Article.Body, ok.Article.Source, ok.Article.Title);
            Assert.Contains("قافلة", TokenTexts(doc));
            Assert.DoesNotContain(TokenTexts(doc), t => t.Contains('\0', StringComparison.Ordinal) || t.Contains('\u0007', StringComparison.Ordinal));
        }
        else
        {
            AssertClearReason(((ReadResult.Failed)first).Reason);
        }
    }

    [Fact]
    public void Script_and_event_handler_injection_in_html_never_reaches_the_body()
    {
        const string Html = """
            <html><head><title>خبر &lt;script&gt;alert(1)&lt;/script&gt;</title><script>alert('head')</script></head>
            <body onload="alert('body')"><article>
            <p>افتتحت البلدية جسرا جديدا فوق النهر صباح اليوم.<script>document.cookie</script> وقال رئيس البلدية إن الجسر يخفف الازدحام في وسط المدينة.</p>
            <p><img src=x onerror="alert('img')">ويختصر الجسر الطريق إلى السوق الكبير بنحو عشرين دقيقة بحسب البلدية.</p>
            <style>body{background:url(javascript:alert(1))}</style>
            </article></body></html>
            """;
        var a = SingleArticle(Analyzer.ReadBytes(Utf8(Html), "xss.html"));
        Assert.Contains("جسرا جديدا", a.Body, StringComparison.Ordinal);
        foreach (var bad in new[] { "alert(", "document.cookie", "onerror", "javascript:" })
            Assert.DoesNotContain(bad, a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_text_in_a_record_title_and_section_is_kept_verbatim_as_text()
    {
        // Plain-text fields are data: the reader keeps them exactly (escaping is the renderer's job) and never interprets them.
        const string Title = "<script>alert('x')</script> عنوان";
        const string Section = "\"><img src=x onerror=alert(1)>";
        var line = Record(("id", "x"), ("title", Title), ("category", Section), ("text", "وصلت قافلة مساعدات إلى المدينة صباح اليوم وقال مسؤول إنها تضم عشرين شاحنة."));
        var a = SingleArticle(Analyzer.ReadBytes(Utf8(line + "\n"), "xss.jsonl"));
        Assert.Equal(Title, a.Title);
        Assert.Equal(Section, a.Section);
        using var ms = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(ms, Marsad.Output.DocumentJson.WriterOptions))
            Marsad.Output.DocumentJson.Write(w, Analyze(a.Body, a.Source, a.Title) with { Article = a });
        using var parsed = System.Text.Json.JsonDocument.Parse(ms.ToArray());
        Assert.Equal(Title, parsed.RootElement.GetProperty("article").GetProperty("title").GetString());
    }

    [Fact]
    public void Every_hostile_file_in_one_batch_leaves_the_good_articles_read()
    {
        using var dir = new TempDir();
        dir.Write("01-xxe.xml", Utf8(FeedWithDoctype("<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;")));
        dir.Write("02-deep.html", Utf8("<html><body>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "نص" + "</body></html>"));
        dir.Write("03-deep.jsonl", Utf8("{\"text\":" + new string('[', 5_000) + "}\n" + GoodRecord("kept") + "\n"));
        dir.Write("04-utf16.jsonl", Encoding.Unicode.GetBytes(GoodRecord("wide") + "\n"));
        dir.Write("05-nul.txt", [0, 0, 0, 0, 0, 0, 0, 0]);
        var good = dir.Write("06-good.txt", Page());
        var feed = dir.Write("07-feed.xml", Utf8(GoodFeed));

        var results = Analyzer.ReadBatch([dir.Path]);

        var ok = results.OfType<ReadResult.Ok>().Select(r => r.Article.Source).ToList();
        Assert.Contains(good, ok);
        Assert.Contains(ok, s => s.StartsWith(feed, StringComparison.Ordinal));
        Assert.Contains(Path.Combine(dir.Path, "03-deep.jsonl") + "#kept", ok);
        Assert.Contains(Path.Combine(dir.Path, "04-utf16.jsonl") + "#wide", ok);
        var failed = results.OfType<ReadResult.Failed>().ToList();
        foreach (var bad in new[] { "01-xxe.xml", "02-deep.html", "03-deep.jsonl", "05-nul.txt" })
            Assert.Contains(failed, f => f.Source == Path.Combine(dir.Path, bad));
        Assert.All(failed, f => AssertClearReason(f.Reason));
    }
}
