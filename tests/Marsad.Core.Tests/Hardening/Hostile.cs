using System.Globalization;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Tests.Hardening;

/// <summary>Assertions shared by the hardening tests: what "no crash, clear error, nothing else lost" means.</summary>
internal static class Hostile
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Every annotation of <paramref name="doc"/> lies inside the body, start ≤ end.</summary>
    public static void AssertOffsetsValid(Document doc)
    {
        var n = doc.Article.Body.Length;
        void Check(IAnnotation a, string what) =>
            Assert.True(a.Start >= 0 && a.Start <= a.End && a.End <= n, string.Create(Inv, $"{what} [{a.Start},{a.End}) is outside the body of {n} characters ({a.By})"));
        foreach (var s in doc.Sentences)
            Check(s, "sentence");
        foreach (var t in doc.Tokens)
        {
            Check(t, "token");
            Assert.InRange(t.StemStart, t.Start, t.End);
            foreach (var c in t.Proclitics)
                Assert.True(c.Start >= t.Start && c.End <= t.End && c.Start <= c.End, "proclitic outside its token");
        }
        foreach (var m in doc.Mentions)
            Check(m, "mention");
        foreach (var e in doc.Entities)
        {
            foreach (var m in e.Mentions)
                Check(m, "entity mention");
        }
        foreach (var t in doc.Times)
            Check(t, "time");
        foreach (var q in doc.Quotes)
            Check(q, "quote");
        foreach (var e in doc.Events)
            Check(e, "event");
        for (var i = 1; i < doc.Sentences.Length; i++)
            Assert.True(doc.Sentences[i - 1].End <= doc.Sentences[i].Start, "sentences overlap");
        for (var i = 1; i < doc.Tokens.Length; i++)
            Assert.True(doc.Tokens[i - 1].End <= doc.Tokens[i].Start, "tokens overlap");
    }

    /// <summary>Analyses an article made of <paramref name="body"/> with the default pipeline and checks its offsets.</summary>
    public static Document Analyze(string body, string source = "hostile", string? title = null)
    {
        var doc = AnalysisPipeline.Default.Analyze(new Article { Id = ArticleId.Compute(body), Source = source, Format = "text", Title = title, Body = body });
        AssertOffsetsValid(doc);
        return doc;
    }

    /// <summary>The text of each token of <paramref name="doc"/>.</summary>
    public static List<string> TokenTexts(Document doc) => [.. doc.Tokens.Select(t => doc.Article.Body[t.Start..t.End])];

    /// <summary>A failure reason that is a clear message, not an unexpected exception caught by the batch guard.</summary>
    public static void AssertClearReason(string reason)
    {
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.DoesNotContain("reader failed", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", reason, StringComparison.Ordinal);
    }

    public static string Describe(IEnumerable<ReadResult> results) => string.Join("; ", results.Take(5).Select(r => r.ToString()));
}
