namespace Marsad.Entities.Ner;

/// <summary>
/// First-order Viterbi decoding over a linear chain. Scores are additive: <c>emissions[i·L + y]</c>
/// for label y at token i, and <c>transitions[p·L + y]</c> for p → y, where row <c>p = L</c> holds the
/// start scores. A transition of <see cref="float.NegativeInfinity"/> is forbidden.
/// </summary>
public static class Viterbi
{
    /// <summary>Writes the best label sequence into <paramref name="labels"/> and returns its score.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static float Decode(ReadOnlySpan<float> emissions, int length, int labelCount, ReadOnlySpan<float> transitions, Span<byte> labels)
    {
        if (length == 0)
            return 0;
        var L = labelCount;
        if (emissions.Length < length * L || transitions.Length < (L + 1) * L || labels.Length < length)
            throw new ArgumentException("buffers too small");
        var rented = System.Buffers.ArrayPool<float>.Shared.Rent(2 * L);
        var back = System.Buffers.ArrayPool<byte>.Shared.Rent(length * L);
        try
        {
            var prev = rented.AsSpan(0, L);
            var cur = rented.AsSpan(L, L);
            var start = transitions.Slice(L * L, L);
            for (var y = 0; y < L; y++)
                prev[y] = start[y] + emissions[y];
            // Only allowed transitions are tried (IOB2 forbids most pairs into I-X), in p order so
            // ties break as a full scan would.
            Span<byte> from = stackalloc byte[L * L];
            Span<float> score = stackalloc float[L * L];
            Span<int> fromCount = stackalloc int[L];
            for (var y = 0; y < L; y++)
            {
                var c = 0;
                for (var p = 0; p < L; p++)
                {
                    var t = transitions[(p * L) + y];
                    if (!float.IsNegativeInfinity(t))
                    {
                        from[(y * L) + c] = (byte)p;
                        score[(y * L) + c] = t;
                        c++;
                    }
                }
                fromCount[y] = c;
            }
            for (var i = 1; i < length; i++)
            {
                var e = emissions.Slice(i * L, L);
                for (var y = 0; y < L; y++)
                {
                    var best = float.NegativeInfinity;
                    var arg = 0;
                    var ps = from.Slice(y * L, fromCount[y]);
                    var ts = score.Slice(y * L, ps.Length);
                    for (var c = 0; c < ps.Length; c++)
                    {
                        var s = prev[ps[c]] + ts[c];
                        if (s > best)
                        {
                            best = s;
                            arg = ps[c];
                        }
                    }
                    cur[y] = best + e[y];
                    back[(i * L) + y] = (byte)arg;
                }
                var t = prev;
                prev = cur;
                cur = t;
            }
            var bestLast = float.NegativeInfinity;
            var label = 0;
            for (var y = 0; y < L; y++)
            {
                if (prev[y] > bestLast)
                {
                    bestLast = prev[y];
                    label = y;
                }
            }
            for (var i = length - 1; i >= 0; i--)
            {
                labels[i] = (byte)label;
                if (i > 0)
                    label = back[(i * L) + label];
            }
            return bestLast;
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(rented);
            System.Buffers.ArrayPool<byte>.Shared.Return(back);
        }
    }

    /// <summary>
    /// Per-token posterior of the given labels under the softmax of the chain scores
    /// (forward-backward in log space). Used as the mention confidence: perceptron scores are not
    /// calibrated probabilities, but the relative margin is informative.
    /// </summary>
    public static void Marginals(ReadOnlySpan<float> emissions, int length, int labelCount, ReadOnlySpan<float> transitions, ReadOnlySpan<byte> labels, Span<float> marginals)
    {
        if (length == 0)
            return;
        var L = labelCount;
        var alpha = new double[length * L];
        var beta = new double[length * L];
        for (var y = 0; y < L; y++)
            alpha[y] = transitions[(L * L) + y] + emissions[y];
        Span<double> tmp = stackalloc double[L];
        for (var i = 1; i < length; i++)
        {
            for (var y = 0; y < L; y++)
            {
                for (var p = 0; p < L; p++)
                    tmp[p] = alpha[((i - 1) * L) + p] + transitions[(p * L) + y];
                alpha[(i * L) + y] = LogSumExp(tmp) + emissions[(i * L) + y];
            }
        }
        for (var y = 0; y < L; y++)
            beta[((length - 1) * L) + y] = 0;
        for (var i = length - 2; i >= 0; i--)
        {
            for (var p = 0; p < L; p++)
            {
                for (var y = 0; y < L; y++)
                    tmp[y] = transitions[(p * L) + y] + emissions[((i + 1) * L) + y] + beta[((i + 1) * L) + y];
                beta[(i * L) + p] = LogSumExp(tmp);
            }
        }
        var z = LogSumExp(alpha.AsSpan((length - 1) * L, L));
        for (var i = 0; i < length; i++)
        {
            var y = labels[i];
            marginals[i] = (float)Math.Exp(alpha[(i * L) + y] + beta[(i * L) + y] - z);
        }
    }

    private static double LogSumExp(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
            max = Math.Max(max, v);
        if (double.IsNegativeInfinity(max))
            return max;
        var sum = 0.0;
        foreach (var v in values)
            sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }
}
