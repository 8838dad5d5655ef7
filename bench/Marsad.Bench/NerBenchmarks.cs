using BenchmarkDotNet.Attributes;
using Marsad.Entities;
using Marsad.Entities.Ner;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Bench;

/// <summary>
/// The NER tagger: tagging the ANERcorp dev split (last 10% of the train file, tokens as given),
/// featurisation alone, and the mention stage on a real article. The CRFsuite comparison lives in
/// bench/ner-baseline/run.sh (a different runtime, so not a BenchmarkDotNet baseline).
/// </summary>
[MemoryDiagnoser]
public class NerBenchmarks
{
    private IReadOnlyList<ConllSentence> _dev = [];
    private (string Text, TokenRange[] Ranges)[] _joined = [];
    private NerTagger _tagger = null!;
    private readonly FeatureBuffer _buffer = new();
    private Document _tokenised = null!;
    private readonly MentionStage _stage = new();

    [GlobalSetup]
    public void Setup()
    {
        var shared = TextCoreBenchmarks.FindShared();
        var train = Path.Combine(shared, "data", "ner", "anercorp-camel", "ANERCorp_CamelLab_train.txt");
        _dev = ConllReader.ReadPath(train).SplitTail(0.1).Tail.Sentences;
        _joined = _dev.Select(s => s.Join()).ToArray();
        _tagger = NerResources.DefaultTagger;
        var seed = Path.Combine(shared, "seed", "000_2bf1e917491ed886.txt");
        var article = new Marsad.Ingest.ArticleReader().ReadPath(seed).OfType<Marsad.Ingest.ReadResult.Ok>().First().Article;
        _tokenised = new PipelineBuilder().UseSentences().UseTokens().Build().Analyze(article);
    }

    /// <summary>Tokens tagged per call: divide to get tokens/s.</summary>
    [Benchmark]
    public int TagDevSplit()
    {
        var labels = 0;
        foreach (var s in _dev)
            labels += _tagger.Tag(s.Tokens).Length;
        return labels;
    }

    [Benchmark]
    public int FeaturiseDevSplit()
    {
        var n = 0;
        foreach (var (text, ranges) in _joined)
        {
            _tagger.Featurizer.Extract(text, ranges, [], _buffer);
            n += _buffer.Length;
        }
        return n;
    }

    [Benchmark]
    public int MentionStageOnSeedArticle() => _stage.Process(_tokenised, CancellationToken.None).Mentions.Length;
}
