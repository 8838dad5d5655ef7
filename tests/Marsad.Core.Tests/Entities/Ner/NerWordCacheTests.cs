using Marsad.Entities.Ner;
using Marsad.Testing;
using Marsad.Text;

namespace Marsad.Tests.Entities.Ner;

/// <summary>
/// Tagging with the per-document word cache (word-level weight sums computed once per distinct word,
/// one featurisation for both passes) gives exactly the labels of the uncached path, which builds
/// and looks up every feature key the way training does.
/// </summary>
public sealed class NerWordCacheTests
{
    [Fact]
    public void The_cached_tagger_gives_the_uncached_labels_on_the_ANERcorp_dev_split()
    {
        var dev = ConllReader.ReadPath(SharedData.Path("data/ner/anercorp-camel/ANERCorp_CamelLab_train.txt")).SplitTail(0.1).Tail;
        var inputs = dev.Sentences.Select(s =>
        {
            var (text, ranges) = s.Join();
            return new NerInput(text, ranges);
        }).ToArray();
        var tagger = NerResources.DefaultTagger;
        var cached = tagger.TagDocument(inputs, 10);
        var uncached = tagger.TagDocumentUncached(inputs, 10);
        Assert.Equal(uncached.Length, cached.Length);
        for (var i = 0; i < cached.Length; i++)
            Assert.Equal(uncached[i], cached[i]);
        Assert.Contains(cached, labels => labels.Any(l => l != NerLabels.Outside));
    }

    [Fact]
    public void A_repeated_word_with_given_stem_starts_is_tagged_as_without_the_cache()
    {
        // «والبصرة» twice, with the stem start given (as the tokeniser gives it) and segmenter-found.
        const string text = "زار رئيس الوزراء العراقي مدينة البصرة أمس، وقال إن البصرة والبصرة الجديدة تستحقان الدعم.";
        var ranges = new List<TokenRange>();
        var stems = new List<int>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '،' and not '.';
            if (letter && start < 0)
                start = i;
            if (!letter && start >= 0)
            {
                ranges.Add(new TokenRange(start, i));
                stems.Add(start + CliticSegmenter.Segment(text.AsSpan(start, i - start)).StemStart);
                start = -1;
            }
        }
        var tagger = NerResources.DefaultTagger;
        NerInput[] withStems = [new(text, [.. ranges], [.. stems])];
        NerInput[] segmentHere = [new(text, [.. ranges])];
        Assert.Equal(tagger.TagDocumentUncached(withStems)[0], tagger.TagDocument(withStems)[0]);
        Assert.Equal(tagger.TagDocumentUncached(segmentHere)[0], tagger.TagDocument(segmentHere)[0]);
    }
}
