namespace Marsad.Entities.Ner;

/// <summary>
/// Non-local evidence for the second pass: over a document (or a window of sentences), how often
/// the first pass labelled each stem O, PER, ORG, LOC or MISC. A name the first pass recognised once
/// («البنك التجاري» after «قال رئيس …») lends that reading to its other occurrences.
/// </summary>
public sealed class DocumentEvidence
{
    /// <summary>Counts per stem: O, then the four types.</summary>
    public const int Width = 5;

    private readonly Dictionary<ulong, int[]> _counts = [];

    /// <summary>The column of a label: 0 for O, 1 + type otherwise.</summary>
    public static int Column(byte label) => label == NerLabels.Outside ? 0 : 1 + (int)NerLabels.TypeOf(label);

    /// <summary>Adds (<paramref name="sign"/> = 1) or removes (−1) one sentence's first-pass labels.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<ulong> stems, ReadOnlySpan<byte> labels, int sign)
    {
        for (var i = 0; i < stems.Length; i++)
        {
            if (!_counts.TryGetValue(stems[i], out var c))
                _counts[stems[i]] = c = new int[Width];
            c[Column(labels[i])] += sign;
        }
    }

    /// <summary>The counts for each token of a sentence, minus the token's own label.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public int[] For(ReadOnlySpan<ulong> stems, ReadOnlySpan<byte> labels)
    {
        var result = new int[stems.Length * Width];
        for (var i = 0; i < stems.Length; i++)
        {
            if (_counts.TryGetValue(stems[i], out var c))
                c.AsSpan().CopyTo(result.AsSpan(i * Width, Width));
            result[(i * Width) + Column(labels[i])]--;
            if (result[(i * Width) + Column(labels[i])] < 0)
                result[(i * Width) + Column(labels[i])] = 0;
        }
        return result;
    }

    /// <summary>
    /// Contexts for a sequence of sentences: each sentence sees the first-pass labels of the
    /// sentences within <paramref name="window"/> of it (all of them when <paramref name="window"/> ≤ 0).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static SentenceContext[] Contexts(IReadOnlyList<ulong[]> stems, IReadOnlyList<byte[]> firstPass, int window)
    {
        var n = stems.Count;
        var result = new SentenceContext[n];
        var evidence = new DocumentEvidence();
        if (window <= 0)
        {
            for (var s = 0; s < n; s++)
                evidence.Add(stems[s], firstPass[s], 1);
            for (var s = 0; s < n; s++)
                result[s] = new SentenceContext(firstPass[s], evidence.For(stems[s], firstPass[s]));
            return result;
        }
        var hi = -1; // last sentence added
        var lo = 0;  // first sentence still in
        for (var s = 0; s < n; s++)
        {
            while (hi < Math.Min(n - 1, s + window))
            {
                hi++;
                evidence.Add(stems[hi], firstPass[hi], 1);
            }
            while (lo < s - window)
            {
                evidence.Add(stems[lo], firstPass[lo], -1);
                lo++;
            }
            result[s] = new SentenceContext(firstPass[s], evidence.For(stems[s], firstPass[s]));
        }
        return result;
    }
}
