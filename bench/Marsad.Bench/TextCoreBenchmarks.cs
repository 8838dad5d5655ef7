using BenchmarkDotNet.Attributes;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Bench;

/// <summary>The text core on a real-shaped body: normalise, split, tokenise.</summary>
[MemoryDiagnoser]
public class TextCoreBenchmarks
{
    private string _body = "";

    [GlobalSetup]
    public void Setup()
    {
        _body = SeedBody();
        _ = CliticSegmenter.Segment("وقال"); // load the lexicon outside the measurement
    }

    [Benchmark]
    public string Normalize() => ArabicNormalizer.Normalize(_body);

    [Benchmark]
    public int SplitSentences() => SentenceSplitter.Split(_body).Count;

    [Benchmark(Baseline = true)]
    public int EnumerateTokens()
    {
        var n = 0;
        foreach (var t in Tokenizer.Enumerate(_body))
            n += t.Length;
        return n;
    }

    [Benchmark]
    public int Tokenize() => Tokenizer.Tokenize(_body, 0, _body.Length).Count;

    [Benchmark]
    public int Pipeline() => AnalysisPipeline.Default.Analyze(new Article { Id = "x", Source = "bench", Format = "text", Body = _body }).Tokens.Length;

    internal static string SeedBody()
    {
        var seed = Path.Combine(FindShared(), "seed", "000_2bf1e917491ed886.txt");
        return new Marsad.Ingest.ArticleReader().ReadPath(seed).OfType<Marsad.Ingest.ReadResult.Ok>().First().Article.Body;
    }

    internal static string FindShared()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "shared", "seed")))
            dir = dir.Parent;
        return dir is null ? throw new DirectoryNotFoundException("../shared not found") : Path.Combine(dir.FullName, "shared");
    }
}

/// <summary>
/// Proclitic segmentation of every Arabic word of the seed body: the article-only rules (an empty lexicon)
/// as the baseline, against the shipped ANT lexicon (one probe of the precomputed choices per word) and a
/// lexicon passed explicitly (every rule evaluated against the word counts).
/// </summary>
[MemoryDiagnoser]
public class CliticSegmenterBenchmarks
{
    private string[] _words = [];

    [GlobalSetup]
    public void Setup()
    {
        var body = TextCoreBenchmarks.SeedBody();
        var words = new List<string>();
        foreach (var t in Tokenizer.Enumerate(body))
        {
            if (t.Kind == TokenKind.Arabic)
                words.Add(body.Substring(t.Start, t.Length));
        }
        _words = [.. words];
        _ = CliticSegmenter.Segment("وقال");
    }

    [Benchmark(Baseline = true)]
    public int WithoutLexicon() => Run(WordLexicon.Empty);

    [Benchmark]
    public int ShippedLexicon() => Run(null);

    [Benchmark]
    public int ExplicitLexicon() => Run(WordLexicon.Default);

    private int Run(WordLexicon? lexicon)
    {
        var n = 0;
        foreach (var w in _words)
            n += CliticSegmenter.Segment(w, lexicon).Count;
        return n;
    }
}
