using Marsad.Events.Lexicon;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Events.Dedup;

/// <summary>
/// Word shingles of a normalised text and their MinHash signature. Words are read with the project tokeniser,
/// normalised (<see cref="ArabicNormalizer"/>: hamza/alef/ya/ta-marbuta folding, diacritics and tatweel out),
/// stripped of the article and «و/ف + ال» (<see cref="TriggerLexicon.BareWord"/>); digits stay. A shingle is
/// <see cref="ShingleWords"/> consecutive words hashed to 64 bits (FNV-1a). The signature keeps the minimum of
/// <see cref="Size"/> independent 64-bit mixes (splitmix64 of the shingle hash xor a per-row seed), so the share of
/// equal rows of two signatures estimates the Jaccard similarity of the shingle sets.
/// </summary>
public static class MinHash
{
    /// <summary>Rows of a signature.</summary>
    public const int Size = 64;

    /// <summary>Words per shingle.</summary>
    public const int ShingleWords = 3;

    private static readonly ulong[] Seeds = MakeSeeds();

    /// <summary>The normalised words of <paramref name="text"/> (Arabic, Latin and number tokens).</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var t in Tokenizer.Enumerate(text))
        {
            if (t.Kind is not (TokenKind.Arabic or TokenKind.Latin or TokenKind.Number))
                continue;
            var w = TriggerLexicon.BareWord(text.Substring(t.Start, t.Length));
            if (w.Length > 0)
                words.Add(t.Kind == TokenKind.Latin ? w.ToLowerInvariant() : w);
        }
        return words;
    }

    /// <summary>The set of shingle hashes of <paramref name="text"/> (a text shorter than a shingle gives one shingle of all its words).</summary>
    public static HashSet<ulong> Shingles(string text)
    {
        var words = Words(text);
        var set = new HashSet<ulong>();
        if (words.Count == 0)
            return set;
        var n = Math.Min(ShingleWords, words.Count);
        for (var i = 0; i + n <= words.Count; i++)
        {
            var h = 14695981039346656037UL;
            for (var k = i; k < i + n; k++)
            {
                foreach (var c in words[k])
                {
                    h ^= c;
                    h *= 1099511628211UL;
                }
                h ^= ' ';
                h *= 1099511628211UL;
            }
            set.Add(h);
        }
        return set;
    }

    /// <summary>The MinHash signature of a shingle set (all rows <see cref="ulong.MaxValue"/> for an empty set).</summary>
    public static ulong[] Signature(IReadOnlyCollection<ulong> shingles)
    {
        var sig = new ulong[Size];
        Array.Fill(sig, ulong.MaxValue);
        foreach (var s in shingles)
        {
            for (var r = 0; r < Size; r++)
            {
                var v = Mix(s ^ Seeds[r]);
                if (v < sig[r])
                    sig[r] = v;
            }
        }
        return sig;
    }

    /// <summary>Share of equal rows: the MinHash estimate of the Jaccard similarity.</summary>
    public static double Estimate(ulong[] a, ulong[] b)
    {
        var same = 0;
        for (var r = 0; r < Size; r++)
        {
            if (a[r] == b[r] && a[r] != ulong.MaxValue)
                same++;
        }
        return (double)same / Size;
    }

    /// <summary>Exact Jaccard similarity of two shingle sets.</summary>
    public static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 || b.Count == 0)
            return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = 0;
        foreach (var x in small)
        {
            if (large.Contains(x))
                common++;
        }
        return (double)common / (a.Count + b.Count - common);
    }

    /// <summary>Share of the smaller set found in the larger one (a short wire version inside a longer rewrite).</summary>
    public static double Containment(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 || b.Count == 0)
            return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = 0;
        foreach (var x in small)
        {
            if (large.Contains(x))
                common++;
        }
        return (double)common / small.Count;
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[Size];
        var x = 0x4D61727361645F31UL; // fixed: signatures are comparable across runs
        for (var r = 0; r < Size; r++)
        {
            x = Mix(x);
            seeds[r] = x;
        }
        return seeds;
    }
}
