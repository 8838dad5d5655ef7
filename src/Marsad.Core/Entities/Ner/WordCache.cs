namespace Marsad.Entities.Ner;

/// <summary>
/// Per-document memo of everything a tagger computes from a word alone: its facts (normalised word,
/// stem, shape, clusters, gazetteer classes — segmentation included) and, for each model of the
/// chain, the summed weights of its word features (<see cref="NerFeaturizer.UnigramKeys"/>) and of
/// the features it gives its neighbours at −2…+2 (<see cref="NerFeaturizer.NeighbourKeys"/>). A word
/// seen again in the same document costs one dictionary probe instead of ~50 weight-table probes.
/// Sums of quantised integer weights are exact, so the tags are the same as without the cache.
/// Not thread-safe (one per thread); <see cref="Reset"/> at the start of every document.
/// </summary>
internal sealed class WordCache
{
    /// <summary>Vectors per model: the word's own, then one per <see cref="NerFeaturizer.Neighbour"/>.</summary>
    public const int Groups = 1 + NerFeaturizer.NeighbourCount;

    private const int L = NerLabels.Count;
    private const char SegmentHere = '\uFFFF';

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _models;
    private WordFacts[] _facts = new WordFacts[1024];
    private int[] _vectors;

    public WordCache(int models)
    {
        _models = models;
        _vectors = new int[1024 * Stride];
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Ints per entry: models × groups × labels.</summary>
    public int Stride => _models * Groups * L;

    /// <summary>Distinct words in the current document.</summary>
    public int Count => _index.Count;

    public void Reset() => _index.Clear();

    /// <summary>
    /// The entry of a token whose stem starts at <paramref name="stemOffset"/> (relative; −1 = the
    /// segmenter decides, which is a function of the token). Returns false when it is new:
    /// the caller fills <see cref="Facts"/> and <see cref="Vectors"/> of the returned entry.
    /// </summary>
    public bool TryGet(ReadOnlySpan<char> token, int stemOffset, Span<char> keyScratch, out int entry)
    {
        if (token.Length > NerFeaturizer.MaxTokenChars)
            token = token[..NerFeaturizer.MaxTokenChars];
        token.CopyTo(keyScratch);
        keyScratch[token.Length] = stemOffset < 0 ? SegmentHere : (char)stemOffset;
        var key = keyScratch[..(token.Length + 1)];
        if (_lookup.TryGetValue(key, out entry))
            return true;
        entry = _index.Count;
        _lookup[key] = entry;
        if (entry >= _facts.Length)
        {
            Array.Resize(ref _facts, _facts.Length * 2);
            Array.Resize(ref _vectors, _facts.Length * Stride);
        }
        Array.Clear(_vectors, entry * Stride, Stride);
        return false;
    }

    public ref WordFacts Facts(int entry) => ref _facts[entry];

    /// <summary>The summed weights of group <paramref name="group"/> (0 = own word, 1 + <see cref="NerFeaturizer.Neighbour"/>) under every model (model 0's labels, then model 1's).</summary>
    public Span<int> Vectors(int entry, int group) => _vectors.AsSpan((entry * Stride) + (group * _models * L), _models * L);
}
