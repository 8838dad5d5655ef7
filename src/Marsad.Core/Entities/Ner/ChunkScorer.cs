using Marsad.Model;

namespace Marsad.Entities.Ner;

/// <summary>A labelled chunk: tokens [Start, End) of one sentence.</summary>
public readonly record struct Chunk(int Start, int End, EntityType Type);

/// <summary>Precision, recall and F1 of one type or overall.</summary>
public readonly record struct PrfCounts(int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Micro-averaged chunk scores and per-type scores.</summary>
public sealed record NerScore(PrfCounts Overall, IReadOnlyDictionary<EntityType, PrfCounts> PerType, int Tokens);

/// <summary>
/// conlleval's chunk scoring: a chunk starts at <c>B-X</c>, or at <c>I-X</c> after <c>O</c> or
/// after a tag of another type, and goes on over the following <c>I-X</c>. A predicted chunk is
/// correct when a gold chunk has the same start, end and type.
/// </summary>
public sealed class ChunkScorer
{
    private readonly int[] _gold = new int[4];
    private readonly int[] _pred = new int[4];
    private readonly int[] _correct = new int[4];
    private readonly List<Chunk> _g = [];
    private readonly List<Chunk> _p = [];
    private int _tokens;

    /// <summary>The chunks of a label sequence, in order.</summary>
    public static void Chunks(ReadOnlySpan<byte> labels, List<Chunk> into)
    {
        into.Clear();
        var i = 0;
        while (i < labels.Length)
        {
            var l = labels[i];
            if (l == NerLabels.Outside)
            {
                i++;
                continue;
            }
            var type = NerLabels.TypeOf(l);
            var inside = NerLabels.Inside(type);
            var j = i + 1;
            while (j < labels.Length && labels[j] == inside)
                j++;
            into.Add(new Chunk(i, j, type));
            i = j;
        }
    }

    /// <summary>Adds one sentence's gold and predicted labels.</summary>
    public void Add(ReadOnlySpan<byte> gold, ReadOnlySpan<byte> predicted)
    {
        if (gold.Length != predicted.Length)
            throw new ArgumentException("gold and predicted lengths differ");
        _tokens += gold.Length;
        Chunks(gold, _g);
        Chunks(predicted, _p);
        foreach (var c in _g)
            _gold[(int)c.Type]++;
        foreach (var c in _p)
            _pred[(int)c.Type]++;
        // Both lists are sorted by start and non-overlapping: a merge finds the exact matches.
        int a = 0, b = 0;
        while (a < _g.Count && b < _p.Count)
        {
            var g = _g[a];
            var p = _p[b];
            if (g.Start == p.Start)
            {
                if (g.End == p.End && g.Type == p.Type)
                    _correct[(int)g.Type]++;
                a++;
                b++;
            }
            else if (g.Start < p.Start)
            {
                a++;
            }
            else
            {
                b++;
            }
        }
    }

    /// <summary>The scores so far.</summary>
    public NerScore Score()
    {
        var per = new Dictionary<EntityType, PrfCounts>();
        int g = 0, p = 0, c = 0;
        for (var t = 0; t < 4; t++)
        {
            per[(EntityType)t] = new PrfCounts(_gold[t], _pred[t], _correct[t]);
            g += _gold[t];
            p += _pred[t];
            c += _correct[t];
        }
        return new NerScore(new PrfCounts(g, p, c), per, _tokens);
    }
}
