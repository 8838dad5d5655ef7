using BenchmarkDotNet.Attributes;
using Marsad.Ingest;
using Marsad.Ingest.Html;

namespace Marsad.Bench;

/// <summary>
/// HTML article extraction on real pages of ../shared/data/news/html: the nesting pre-check alone,
/// the extractor (parse + metadata + main text) and the whole reader (extractor + headline, byline
/// and cleaning, the baseline). The comparison with the peers (SmartReader, Readability.js,
/// python-readability, boilerpipe) is bench/html-peers/run.sh.
/// </summary>
[MemoryDiagnoser]
public class HtmlBenchmarks
{
    private readonly HtmlArticleExtractor _extractor = new();
    private readonly HtmlReader _reader = new();
    private string _html = "";

    [Params("youm7-eg/f1e9572d5e8ee235.html", "lbcgroup-lb/LBCGroup_2026_01_08.html", "cnn-arabic-2013/newspaper_arabic_article.html")]
    public string Page { get; set; } = "";

    [GlobalSetup]
    public void Setup() =>
        _html = File.ReadAllText(Path.Combine(TextCoreBenchmarks.FindShared(), "data", "news", "html", Page));

    [Benchmark]
    public int NestingCheck() => HtmlNesting.MaxDepth(_html, 512).Depth;

    [Benchmark]
    public int Extract() => _extractor.Extract(_html).Paragraphs.Count;

    [Benchmark(Baseline = true)]
    public int Read() => _reader.Read(_html, "bench") is ReadResult.Ok ok ? ok.Article.Body.Length : 0;
}
