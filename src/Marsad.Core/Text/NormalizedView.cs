namespace Marsad.Text;

/// <summary>
/// A normalised copy of a range of text with a map back to the original offsets, so rules can
/// match on the normalised form (ا for أ إ آ, ه for ة, no diacritics or tatweel) and still report
/// spans of the stored text. <c>Map[i]</c> is the original offset of normalised character i;
/// <c>Map[Text.Length]</c> is the end of the range.
/// </summary>
public sealed class NormalizedView
{
    private readonly string _source;
    private readonly int[] _map;

    private NormalizedView(string source, string text, int[] map)
    {
        _source = source;
        Text = text;
        _map = map;
    }

    public string Text { get; }

    /// <summary>Original offset of normalised position <paramref name="i"/> (0 ≤ i ≤ Text.Length).</summary>
    public int MapIndex(int i) => _map[i];

    /// <summary>
    /// The original range covered by normalised <c>[start, end)</c>. Diacritics and tatweel right after
    /// the last character belong to it («غداً» keeps its tanween).
    /// </summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        var s = _map[start];
        if (end <= start)
            return (s, s);
        var e = _map[end - 1] + 1;
        var limit = _map[end];
        while (e < limit && (ArabicChars.IsDiacritic(_source[e]) || _source[e] == ArabicChars.Tatweel))
            e++;
        return (s, e);
    }

    /// <summary>Normalises <c>source[start..end)</c> character by character, recording where each output character came from.</summary>
    public static NormalizedView Create(string source, int start, int end)
    {
        var chars = new char[end - start + 8];
        var map = new int[chars.Length + 1];
        var w = 0;
        Span<char> one = stackalloc char[ArabicNormalizer.MaxExpansion];
        for (var i = start; i < end; i++)
        {
            var c = source[i];
            var m = ArabicNormalizer.Map(c);
            if (m == c || (m != '\0' && !char.IsSurrogate(c)))
            {
                if (w + 1 >= chars.Length)
                    Grow(ref chars, ref map, w + 1);
                chars[w] = m;
                map[w++] = i;
                continue;
            }
            var n = ArabicNormalizer.Normalize(source.AsSpan(i, 1), one);
            if (n <= 0)
                continue;
            if (w + n >= chars.Length)
                Grow(ref chars, ref map, w + n);
            for (var k = 0; k < n; k++)
            {
                chars[w] = one[k];
                map[w++] = i;
            }
        }
        map[w] = end;
        return new NormalizedView(source, new string(chars, 0, w), map);
    }

    private static void Grow(ref char[] chars, ref int[] map, int needed)
    {
        var size = Math.Max(chars.Length * 2, needed + 8);
        Array.Resize(ref chars, size);
        Array.Resize(ref map, size + 1);
    }
}
