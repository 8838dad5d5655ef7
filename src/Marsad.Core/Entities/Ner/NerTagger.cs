namespace Marsad.Entities.Ner;

/// <summary>One sentence to tag: a text, its tokens' ranges in it, and optionally their stem starts (absolute).</summary>
public readonly record struct NerInput(string Text, TokenRange[] Ranges, int[]? StemStarts = null);

/// <summary>
/// A model with its featuriser: tags the tokens of sentences with IOB2 labels. A stacked model
/// (<see cref="NerModel.FirstPass"/>) tags a whole document in two passes: the first pass labels every
/// sentence, then the second reads those labels and what they say about the same stems elsewhere
/// in the document. Thread-safe: each thread gets its own scratch buffers.
/// </summary>
public sealed class NerTagger
{
    private readonly ThreadLocal<Scratch> _scratch;
    private const int L = NerLabels.Count;
    private readonly NerFeaturizer? _firstFeaturizer;
    private readonly NerFeaturizer _base;
    private readonly NerModel[] _models;
    private readonly int[] _pads;
    private readonly WeightTable _weights;
    private readonly int[] _first;
    private readonly int[] _phraseBits;
    private readonly int[] _context;
    private const int LabelOffset = 0;
    private const int PrevOffset = 10;
    private const int NextOffset = 110;
    private const int BucketOffset = 210;
    private const int MajorOffset = 220;
    private const int MajorLabelOffset = 320;
    private const int ContextSize = 420;

    private Span<int> ContextRow(int row) => _context.AsSpan(row * L, L);

    public NerTagger(NerModel model, NerFeaturizer featurizer)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Featurizer = featurizer ?? throw new ArgumentNullException(nameof(featurizer));
        if (model.Features != featurizer.Set)
            throw new ArgumentException($"model uses features {model.Features}, featuriser {featurizer.Set}", nameof(featurizer));
        if (model.Features.HasFlag(NerFeatureSet.DocumentContext))
        {
            if (model.FirstPass is null)
                throw new ArgumentException("a document-context model needs its first pass", nameof(model));
            _firstFeaturizer = featurizer.WithoutContext();
            _models = [model.FirstPass, model];
        }
        else
        {
            _models = [model];
        }
        _base = _firstFeaturizer ?? featurizer;
        var count = _models.Length;
        _scratch = new(() => new Scratch(count));
        _weights = new WeightTable(_models);
        _pads = new int[_models.Length * NerFeaturizer.NeighbourCount * L];
        Span<ulong> keys = stackalloc ulong[NerFeaturizer.MaxGroupKeys];
        for (var g = 0; g < NerFeaturizer.NeighbourCount; g++)
        {
            var k = _base.NeighbourKeys((NerFeaturizer.Neighbour)g, false, default, keys);
            _weights.Accumulate(keys[..k], _pads.AsSpan(g * _weights.Width, _weights.Width));
        }
        // Features with small domains are tabulated once: no hashing or table probe per token.
        var w = _weights.Width;
        _first = new int[w];
        _weights.Accumulate([NerFeaturizer.FirstKey], _first);
        _phraseBits = new int[2 * 32 * w];
        for (var b = 0; b < 64; b++)
            _weights.Accumulate([NerFeaturizer.PhraseBitKey(b < 32, b % 32)], _phraseBits.AsSpan(b * w, w));
        _context = new int[ContextSize * L];
        if (_firstFeaturizer is not null)
        {
            for (var a = 0; a < 10; a++)
            {
                for (var b = 0; b < 10; b++)
                {
                    var av = a == 9 ? NerFeaturizer.OutsideSentence : a;
                    var bv = b == 9 ? NerFeaturizer.OutsideSentence : b;
                    if (b < 9)
                        model.Accumulate([NerFeaturizer.ContextKey(NerFeaturizer.ContextTemplate.Pm1P0, av, b)], ContextRow(PrevOffset + (a * 10) + b));
                    if (a < 9)
                        model.Accumulate([NerFeaturizer.ContextKey(NerFeaturizer.ContextTemplate.P0Pp1, a, bv)], ContextRow(NextOffset + (a * 10) + b));
                    if (a < 5 && b < 5)
                        model.Accumulate([NerFeaturizer.ContextKey(NerFeaturizer.ContextTemplate.DocMajor, a, b)], ContextRow(MajorOffset + (a * 10) + b));
                    if (a < 5 && b < 9)
                        model.Accumulate([NerFeaturizer.ContextKey(NerFeaturizer.ContextTemplate.DocMajorP0, a, b)], ContextRow(MajorLabelOffset + (a * 10) + b));
                }
                if (a < 9)
                    model.Accumulate([NerFeaturizer.ContextKey(NerFeaturizer.ContextTemplate.P0, a, 0)], ContextRow(LabelOffset + a));
                if (a < 5)
                    model.Accumulate([NerFeaturizer.ContextKey(NerFeaturizer.ContextTemplate.DocFrac, a, 0)], ContextRow(BucketOffset + a));
            }
        }
    }

    public NerModel Model { get; }

    public NerFeaturizer Featurizer { get; }

    /// <summary>True when the model tags in two passes and benefits from a whole document at once.</summary>
    public bool IsStacked => _firstFeaturizer is not null;

    /// <summary>
    /// Tags one sentence: the tokens <paramref name="tokens"/> of <paramref name="text"/> into
    /// <paramref name="labels"/>. <paramref name="stemStarts"/>: each token's stem start (absolute), or
    /// empty to segment here. When <paramref name="confidence"/> is not empty it receives each token's
    /// posterior for its label. A stacked model sees this sentence as the whole document.
    /// </summary>
    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<TokenRange> tokens, ReadOnlySpan<int> stemStarts, Span<byte> labels, Span<float> confidence = default)
    {
        var n = tokens.Length;
        if (n == 0)
            return;
        var s = _scratch.Value!;
        s.Cache.Reset();
        var sums = new int[n * _models.Length * L];
        var stems = StaticSums(text, tokens, stemStarts, s, sums);
        if (_firstFeaturizer is null)
        {
            DecodeSums(Model, sums, 0, 1, default, s, labels, confidence);
            return;
        }
        var first = new byte[n];
        DecodeSums(_models[0], sums, 0, 2, default, s, first, default);
        var evidence = new DocumentEvidence();
        evidence.Add(stems, first, 1);
        var context = new SentenceContext(first, evidence.For(stems, first));
        DecodeSums(Model, sums, 1, 2, context, s, labels, confidence);
    }

    /// <summary>Tags a sentence given as separate token strings (CoNLL input; no re-tokenisation).</summary>
    public byte[] Tag(IReadOnlyList<string> tokens)
    {
        var s = _scratch.Value!;
        var text = s.Join(tokens, out var ranges);
        var labels = new byte[tokens.Count];
        Tag(text, ranges, [], labels);
        return labels;
    }

    /// <summary>
    /// Tags the sentences of one document. A stacked model's second pass sees the first pass's labels
    /// of the sentences within <paramref name="window"/> of each sentence (all of them when ≤ 0).
    /// When <paramref name="confidence"/> is given it receives each token's posterior.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public byte[][] TagDocument(IReadOnlyList<NerInput> sentences, int window = 0, float[][]? confidence = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var s = _scratch.Value!;
        s.Cache.Reset();
        var models = _models.Length;
        var labels = new byte[sentences.Count][];
        var sums = new int[sentences.Count][];
        var stems = models > 1 ? new ulong[sentences.Count][] : null;
        var first = models > 1 ? new byte[sentences.Count][] : null;
        // One pass over the document computes every token's static scores under both models; the
        // first pass decodes them, the second adds only its context features.
        for (var i = 0; i < sentences.Count; i++)
        {
            var input = sentences[i];
            var n = input.Ranges.Length;
            sums[i] = new int[n * models * L];
            var st = StaticSums(input.Text, input.Ranges, input.StemStarts, s, sums[i]);
            if (stems is not null)
            {
                stems[i] = st.ToArray();
                first![i] = new byte[n];
                DecodeSums(_models[0], sums[i], 0, models, default, s, first[i], default);
            }
            else
            {
                labels[i] = new byte[n];
                if (confidence is not null)
                    confidence[i] = new float[n];
                DecodeSums(Model, sums[i], 0, models, default, s, labels[i], confidence is null ? default : confidence[i]);
            }
        }
        if (stems is null)
            return labels;
        var contexts = DocumentEvidence.Contexts(stems, first!, window);
        for (var i = 0; i < sentences.Count; i++)
        {
            var n = sentences[i].Ranges.Length;
            labels[i] = new byte[n];
            if (confidence is not null)
                confidence[i] = new float[n];
            DecodeSums(Model, sums[i], 1, models, contexts[i], s, labels[i], confidence is null ? default : confidence[i]);
        }
        return labels;
    }

    /// <summary>
    /// Every token's summed weights under each model of the chain for all features but the
    /// second pass's context ones, into <paramref name="sums"/> (token × model × label). Word-level
    /// parts come from the document's <see cref="WordCache"/>. Returns the stems (valid until the next call).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<ulong> StaticSums(ReadOnlySpan<char> text, ReadOnlySpan<TokenRange> tokens, ReadOnlySpan<int> stemStarts, Scratch s, Span<int> sums)
    {
        var n = tokens.Length;
        var buffer = s.Buffer;
        var cache = s.Cache;
        var width = _weights.Width;
        var f = _base;
        buffer.Reset(n);
        var entries = s.Entries(n);
        var keyScratch = s.KeyScratch;
        // 1. Resolve each token in the document's cache; for a new word, its facts and the keys of
        //    its five groups (own word, then as neighbour −1, +1, −2, +2), all in one key buffer.
        var misses = 0;
        var total = 0;
        for (var i = 0; i < n; i++)
        {
            var r = tokens[i];
            var token = text[r.Start..r.End];
            var given = stemStarts.IsEmpty ? -1 : Math.Clamp(stemStarts[i] - r.Start, 0, Math.Min(token.Length, NerFeaturizer.MaxTokenChars));
            if (cache.TryGet(token, given, keyScratch, out var e))
            {
                buffer.SetFacts(i, cache.Facts(e));
            }
            else
            {
                f.ComputeFacts(token, given >= 0 ? given : NerFeaturizer.StemOffset(token, r, default, i), buffer, i);
                ref var facts = ref cache.Facts(e);
                facts = NerFeaturizer.Facts(buffer, i);
                var keys = s.Keys(total + (WordCache.Groups * NerFeaturizer.MaxGroupKeys));
                var bounds = s.Bounds(misses + 1);
                bounds[misses].Entry = e;
                bounds[misses].Ends[0] = total += f.UnigramKeys(facts, buffer.StemChars(i)[..buffer.StemLength[i]], keys[total..]);
                for (var g = 0; g < NerFeaturizer.NeighbourCount; g++)
                    bounds[misses].Ends[1 + g] = total += f.NeighbourKeys((NerFeaturizer.Neighbour)g, true, facts, keys[total..]);
                misses++;
            }
            entries[i] = e;
        }
        if (misses > 0)
        {
            var keys = s.Keys(total);
            _weights.Touch(keys[..total]);
            var start = 0;
            for (var m = 0; m < misses; m++)
            {
                ref readonly var bound = ref s.Bounds(misses)[m];
                for (var g = 0; g < WordCache.Groups; g++)
                {
                    _weights.Accumulate(keys[start..bound.Ends[g]], cache.Vectors(bound.Entry, g));
                    start = bound.Ends[g];
                }
            }
        }
        // 2. Features across tokens: their keys for the whole sentence, then the lookups.
        f.MatchPhrases(buffer, n);
        total = 0;
        var ends = s.Entries2(n);
        for (var i = 0; i < n; i++)
        {
            var keys = s.Keys(total + NerFeaturizer.MaxFeaturesPerToken);
            total += f.PairKeys(buffer, i, n, keys[total..], smallDomains: false);
            ends[i] = total;
        }
        var pairKeys = s.Keys(total)[..total];
        _weights.Touch(pairKeys);
        var from = 0;
        for (var i = 0; i < n; i++)
        {
            var acc = sums.Slice(i * width, width);
            _weights.Accumulate(pairKeys[from..ends[i]], acc);
            from = ends[i];
            if (i == 0)
                Add(acc, _first);
            AddBits(acc, buffer.GazBegin[i], 0);
            AddBits(acc, buffer.GazInside[i], 32);
            Add(acc, cache.Vectors(entries[i], 0));
            Add(acc, i > 0 ? cache.Vectors(entries[i - 1], 1 + (int)NerFeaturizer.Neighbour.Left1) : Pad(NerFeaturizer.Neighbour.Left1));
            Add(acc, i + 1 < n ? cache.Vectors(entries[i + 1], 1 + (int)NerFeaturizer.Neighbour.Right1) : Pad(NerFeaturizer.Neighbour.Right1));
            Add(acc, i > 1 ? cache.Vectors(entries[i - 2], 1 + (int)NerFeaturizer.Neighbour.Left2) : Pad(NerFeaturizer.Neighbour.Left2));
            Add(acc, i + 2 < n ? cache.Vectors(entries[i + 2], 1 + (int)NerFeaturizer.Neighbour.Right2) : Pad(NerFeaturizer.Neighbour.Right2));
        }
        return buffer.Stems;
    }

    private ReadOnlySpan<int> Pad(NerFeaturizer.Neighbour which) =>
        _pads.AsSpan((int)which * _weights.Width, _weights.Width);

    private void AddBits(Span<int> acc, uint flags, int offset)
    {
        while (flags != 0)
        {
            var b = System.Numerics.BitOperations.TrailingZeroCount(flags);
            flags &= flags - 1;
            Add(acc, _phraseBits.AsSpan((offset + b) * acc.Length, acc.Length));
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<int> acc, ReadOnlySpan<int> v)
    {
        for (var y = 0; y < acc.Length; y++)
            acc[y] += v[y];
    }

    /// <summary>Decodes one sentence from its static sums (model <paramref name="model"/> of <paramref name="models"/>), adding the context features when given.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DecodeSums(NerModel model, int[] sums, int index, int models, SentenceContext context, Scratch s, Span<byte> labels, Span<float> confidence)
    {
        var n = labels.Length;
        if (n == 0)
            return;
        var scores = s.Scores(n * L);
        Span<int> acc = stackalloc int[L];
        var fp = context.FirstPass;
        for (var i = 0; i < n; i++)
        {
            sums.AsSpan(((i * models) + index) * L, L).CopyTo(acc);
            if (fp is not null)
            {
                var (major, bucket) = NerFeaturizer.Evidence(context, i);
                var p0 = fp[i];
                Add(acc, ContextRow(LabelOffset + p0));
                Add(acc, ContextRow(PrevOffset + ((i > 0 ? fp[i - 1] : 9) * 10) + p0));
                Add(acc, ContextRow(NextOffset + (p0 * 10) + (i + 1 < n ? fp[i + 1] : 9)));
                Add(acc, ContextRow(BucketOffset + bucket));
                Add(acc, ContextRow(MajorOffset + (major * 10) + bucket));
                Add(acc, ContextRow(MajorLabelOffset + (major * 10) + p0));
            }
            model.Scores(acc, scores.Slice(i * L, L));
        }
        Viterbi.Decode(scores, n, L, model.Transitions, labels);
        if (!confidence.IsEmpty)
            Viterbi.Marginals(scores, n, L, model.Transitions, labels, confidence);
    }

    /// <summary>
    /// The reference path (no cache: every feature key built and looked up, as in training). Tests
    /// check <see cref="TagDocument"/> gives the same labels.
    /// </summary>
    internal byte[][] TagDocumentUncached(IReadOnlyList<NerInput> sentences, int window = 0)
    {
        var s = _scratch.Value!;
        var labels = new byte[sentences.Count][];
        SentenceContext[]? contexts = null;
        if (_firstFeaturizer is not null)
        {
            var stems = new ulong[sentences.Count][];
            var first = new byte[sentences.Count][];
            for (var i = 0; i < sentences.Count; i++)
            {
                var input = sentences[i];
                first[i] = new byte[input.Ranges.Length];
                Decode(Model.FirstPass!, _firstFeaturizer, input.Text, input.Ranges, input.StemStarts, default, s, first[i], default);
                stems[i] = s.Buffer.Stems.ToArray();
            }
            contexts = DocumentEvidence.Contexts(stems, first, window);
        }
        for (var i = 0; i < sentences.Count; i++)
        {
            var input = sentences[i];
            labels[i] = new byte[input.Ranges.Length];
            Decode(Model, Featurizer, input.Text, input.Ranges, input.StemStarts, contexts is null ? default : contexts[i], s, labels[i], default);
        }
        return labels;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Decode(NerModel model, NerFeaturizer featurizer, ReadOnlySpan<char> text, ReadOnlySpan<TokenRange> tokens, ReadOnlySpan<int> stemStarts, SentenceContext context, Scratch s, Span<byte> labels, Span<float> confidence)
    {
        var n = tokens.Length;
        if (n == 0)
            return;
        featurizer.Extract(text, tokens, stemStarts, s.Buffer, context);
        var scores = s.Scores(n * NerLabels.Count);
        model.Emissions(s.Buffer, scores);
        Viterbi.Decode(scores, n, NerLabels.Count, model.Transitions, labels);
        if (!confidence.IsEmpty)
            Viterbi.Marginals(scores, n, NerLabels.Count, model.Transitions, labels, confidence);
    }

    /// <summary>Where the keys of one new word's groups end in the sentence's key buffer.</summary>
    private struct MissBounds
    {
        public int Entry;
        public GroupEnds Ends;
    }

    [System.Runtime.CompilerServices.InlineArray(WordCache.Groups)]
    private struct GroupEnds
    {
        private int _element;
    }

    private sealed class Scratch(int models)
    {
        private int[] _entries = new int[128];
        private int[] _entries2 = new int[128];
        private ulong[] _keys = new ulong[4096];
        private MissBounds[] _bounds = new MissBounds[128];

        public char[] KeyScratch { get; } = new char[NerFeaturizer.MaxTokenChars + 1];

        public Span<ulong> Keys(int size)
        {
            if (_keys.Length < size)
                Array.Resize(ref _keys, Math.Max(size, _keys.Length * 2));
            return _keys;
        }

        public Span<MissBounds> Bounds(int size)
        {
            if (_bounds.Length < size)
                Array.Resize(ref _bounds, Math.Max(size, _bounds.Length * 2));
            return _bounds;
        }

        public Span<int> Entries2(int size)
        {
            if (_entries2.Length < size)
                _entries2 = new int[Math.Max(size, _entries2.Length * 2)];
            return _entries2.AsSpan(0, size);
        }

        public WordCache Cache { get; } = new(models);

        public Span<int> Entries(int size)
        {
            if (_entries.Length < size)
                _entries = new int[Math.Max(size, _entries.Length * 2)];
            return _entries.AsSpan(0, size);
        }

        private float[] _scores = new float[1024];
        private char[] _text = new char[1024];
        private TokenRange[] _ranges = new TokenRange[128];

        public FeatureBuffer Buffer { get; } = new();

        public Span<float> Scores(int size)
        {
            if (_scores.Length < size)
                _scores = new float[Math.Max(size, _scores.Length * 2)];
            return _scores.AsSpan(0, size);
        }

        public ReadOnlySpan<char> Join(IReadOnlyList<string> tokens, out ReadOnlySpan<TokenRange> ranges)
        {
            var length = 0;
            for (var i = 0; i < tokens.Count; i++)
                length += tokens[i].Length + 1;
            if (_text.Length < length)
                _text = new char[Math.Max(length, _text.Length * 2)];
            if (_ranges.Length < tokens.Count)
                _ranges = new TokenRange[Math.Max(tokens.Count, _ranges.Length * 2)];
            var p = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                t.CopyTo(_text.AsSpan(p));
                _ranges[i] = new TokenRange(p, p + t.Length);
                p += t.Length;
                _text[p++] = ' ';
            }
            ranges = _ranges.AsSpan(0, tokens.Count);
            return _text.AsSpan(0, Math.Max(0, p - 1));
        }
    }
}
