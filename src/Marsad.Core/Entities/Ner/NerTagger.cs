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
    private readonly ThreadLocal<Scratch> _scratch = new(() => new Scratch());
    private readonly NerFeaturizer? _firstFeaturizer;

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
        SentenceContext context = default;
        if (_firstFeaturizer is not null)
        {
            var first = new byte[n];
            Decode(Model.FirstPass!, _firstFeaturizer, text, tokens, stemStarts, default, s, first, default);
            var evidence = new DocumentEvidence();
            var stems = s.Buffer.Stems;
            evidence.Add(stems, first, 1);
            context = new SentenceContext(first, evidence.For(stems, first));
        }
        Decode(Model, Featurizer, text, tokens, stemStarts, context, s, labels, confidence);
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
            if (confidence is not null)
                confidence[i] = new float[input.Ranges.Length];
            Decode(Model, Featurizer, input.Text, input.Ranges, input.StemStarts, contexts is null ? default : contexts[i], s, labels[i], confidence is null ? default : confidence[i]);
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

    private sealed class Scratch
    {
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
