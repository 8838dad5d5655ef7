using Marsad.Text;

namespace Marsad.Entities.Ner;

/// <summary>
/// A model with its featuriser: tags the tokens of a sentence with IOB2 labels. Thread-safe: each
/// thread gets its own scratch buffers.
/// </summary>
public sealed class NerTagger
{
    private readonly ThreadLocal<Scratch> _scratch = new(() => new Scratch());

    public NerTagger(NerModel model, NerFeaturizer featurizer)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Featurizer = featurizer ?? throw new ArgumentNullException(nameof(featurizer));
        if (model.Features != featurizer.Set)
            throw new ArgumentException($"model uses features {model.Features}, featuriser {featurizer.Set}", nameof(featurizer));
    }

    public NerModel Model { get; }

    public NerFeaturizer Featurizer { get; }

    /// <summary>
    /// Tags the tokens <paramref name="tokens"/> of <paramref name="text"/> (one sentence) into
    /// <paramref name="labels"/>. <paramref name="stemStarts"/>: each token's stem start (absolute),
    /// or empty to segment here. When <paramref name="confidence"/> is not empty it receives each
    /// token's posterior for its label.
    /// </summary>
    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<TokenRange> tokens, ReadOnlySpan<int> stemStarts, Span<byte> labels, Span<float> confidence = default)
    {
        var n = tokens.Length;
        if (n == 0)
            return;
        var s = _scratch.Value!;
        Featurizer.Extract(text, tokens, stemStarts, s.Buffer);
        var scores = s.Scores(n * NerLabels.Count);
        Model.Emissions(s.Buffer, scores);
        Viterbi.Decode(scores, n, NerLabels.Count, Model.Transitions, labels);
        if (!confidence.IsEmpty)
            Viterbi.Marginals(scores, n, NerLabels.Count, Model.Transitions, labels, confidence);
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
