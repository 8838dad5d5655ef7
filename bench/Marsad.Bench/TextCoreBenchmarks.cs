using BenchmarkDotNet.Attributes;
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
        var seed = Path.Combine(FindShared(), "seed", "000_2bf1e917491ed886.txt");
        _body = new Marsad.Ingest.ArticleReader().ReadPath(seed).OfType<Marsad.Ingest.ReadResult.Ok>().First().Article.Body;
    }

    [Benchmark]
    public string Normalize() => ArabicNormalizer.Normalize(_body);

    [Benchmark]
    public int SplitSentences() => SentenceSplitter.Split(_body).Count;

    [Benchmark]
    public int Tokenize() => Tokenizer.Tokenize(_body, 0, _body.Length).Count;

    [Benchmark]
    public int Pipeline() => AnalysisPipeline.Default.Analyze(new Marsad.Model.Article { Id = "x", Source = "bench", Format = "text", Body = _body }).Tokens.Length;

    internal static string FindShared()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "shared", "seed")))
            dir = dir.Parent;
        return dir is null ? throw new DirectoryNotFoundException("../shared not found") : Path.Combine(dir.FullName, "shared");
    }
}
