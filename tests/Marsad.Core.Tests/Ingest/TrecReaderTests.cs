using Marsad.Ingest;
using Marsad.Testing;
using static Marsad.Tests.Ingest.Fixtures;

namespace Marsad.Tests.Ingest;

/// <summary>TREC-style files (&lt;DOC&gt;…&lt;/DOC&gt;, not well-formed XML): fields, several documents, broken files.</summary>
public sealed class TrecReaderTests
{
    private static string Doc(string id, string text, string time = "Thu, 09 Aug 2018 12:10:10 +0000") =>
        $"<DOC>\n<DOCNO>{id}</DOCNO>\n<URL>https://example.org/{id}</URL>\n<SRC>مرصد</SRC>\n<CAT>economy</CAT>\n<TITLE>أسعار & عروض <جديدة></TITLE>\n<TIME>{time}</TIME>\n<AUTHOR></AUTHOR>\n<ABSTRACT>\nملخص الخبر.\n</ABSTRACT>\n<TEXT>\n{text}\n</TEXT>\n</DOC>\n";

    private static IReadOnlyList<ReadResult> Read(string text, string name = "doc.txt") => Analyzer.ReadBytes(Utf8(text), name);

    [Fact]
    public void Document_fields_map_to_the_article_with_unescaped_markup_characters()
    {
        var a = SingleArticle(Read(Doc("MR-economy-1", "دبي، الإمارات العربية المتحدة (مرصد)-- ارتفعت أسعار الذهب اليوم.\nوقال متعاملون إن الطلب قوي.")));
        Assert.Equal("doc.txt#MR-economy-1", a.Source);
        Assert.Equal("trec", a.Format);
        Assert.Equal("أسعار & عروض <جديدة>", a.Title);
        Assert.Equal("economy", a.Section);
        Assert.Equal("https://example.org/MR-economy-1", a.Url);
        Assert.Equal("2018-08-09T12:10:10+00:00", a.Published?.ToString());
        Assert.Equal(new Model.Dateline("دبي، الإمارات العربية المتحدة", "مرصد"), a.Dateline);
        Assert.Equal("ارتفعت أسعار الذهب اليوم.\nوقال متعاملون إن الطلب قوي.", a.Body);
    }

    [Fact]
    public void Several_documents_in_one_file_are_each_read()
    {
        var results = Read(Doc("d1", "نص الخبر الأول هنا.") + Doc("d2", "نص الخبر الثاني هنا."));
        Assert.Equal(["doc.txt#d1", "doc.txt#d2"], results.OfType<ReadResult.Ok>().Select(r => r.Article.Source));
    }

    [Fact]
    public void Empty_text_falls_back_to_the_abstract()
    {
        Assert.Equal("ملخص الخبر.", SingleArticle(Read(Doc("d1", ""))).Body);
    }

    [Fact]
    public void Unclosed_document_fails_after_the_good_ones()
    {
        var text = Doc("d1", "نص الخبر الأول هنا.") + "<DOC>\n<DOCNO>d2</DOCNO>\n<TEXT>\nنص مقطوع";
        var results = Read(text);
        Assert.Single(results.OfType<ReadResult.Ok>());
        var f = SingleFailure(results);
        Assert.Equal("doc 2", f.Location);
        Assert.Contains("never closed", f.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_time_leaves_published_empty()
    {
        Assert.Null(SingleArticle(Read(Doc("d1", "نص الخبر هنا.", time: "قبل ساعة"))).Published);
    }
}
