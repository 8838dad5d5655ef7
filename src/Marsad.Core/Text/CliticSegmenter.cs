namespace Marsad.Text;

/// <summary>One proclitic found inside a word: offsets relative to the word, and its canonical form.</summary>
public readonly record struct CliticSpan(int Start, int End, string Form);

/// <summary>The proclitics of a word (outermost first) and where its stem begins.</summary>
public readonly struct Segmentation
{
    private readonly CliticSpan _a, _b, _c;

    internal Segmentation(int count, int stemStart, CliticSpan a = default, CliticSpan b = default, CliticSpan c = default)
    {
        Count = count;
        StemStart = stemStart;
        _a = a;
        _b = b;
        _c = c;
    }

    /// <summary>Number of proclitics (0–3).</summary>
    public int Count { get; }

    /// <summary>Offset in the word where the stem starts (0 when there are no proclitics).</summary>
    public int StemStart { get; }

    public CliticSpan this[int index] => index switch
    {
        0 when Count > 0 => _a,
        1 when Count > 1 => _b,
        2 when Count > 2 => _c,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}

/// <summary>
/// Splits the proclitics off an Arabic word: conjunctions و ف, prepositions ب ك ل, the article ال,
/// the fused لل (ل + ال) and a tatweel-marked clitic such as «لـ» or «بـ» written before a quote.
/// It strips only what is safe without a lexicon: the article and the clitics chained to it
/// (وال، بال، فبال، لل، وللـ…), and a clitic marked with tatweel. A bare و/ب/ل before a stem
/// (وقال، بغداد، لبنان) is ambiguous without a lexicon and is left whole.
/// </summary>
public static class CliticSegmenter
{
    private const string Conj = "و";
    private const string Article = "ال";

    /// <summary>Words that begin like the article but are not article + stem.</summary>
    private static readonly HashSet<string> ArticleLike = new(StringComparer.Ordinal)
    {
        "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي", "اللائي", "اللواتي",
        "الا", "الى", "الي", "الان", "الله", "اللهم", "الذى", "التى",
    };

    /// <summary>Segments <paramref name="word"/> (one Arabic token, diacritics allowed).</summary>
    public static Segmentation Segment(ReadOnlySpan<char> word)
    {
        // Letter positions, skipping diacritics and tatweel so that «وَالـ» segments like «وال».
        Span<int> pos = stackalloc int[Math.Min(word.Length, 64)];
        var n = 0;
        var tatweelAfter = -1; // index into pos of the letter a tatweel follows first
        for (var i = 0; i < word.Length && n < pos.Length; i++)
        {
            var c = word[i];
            if (c == ArabicChars.Tatweel)
            {
                if (tatweelAfter < 0 && n > 0)
                    tatweelAfter = n - 1;
                continue;
            }
            if (ArabicChars.IsDiacritic(c) || ArabicChars.IsQuranicMark(c) || !ArabicChars.IsArabicLetter(c))
                continue;
            pos[n++] = i;
        }
        if (n == 0)
            return default;

        pos = pos[..n];

        // A lone clitic marked with tatweel: «لـ», «بـ», «ولـ».
        if (tatweelAfter >= 0 && tatweelAfter == n - 1 && n <= 2)
        {
            var spans = new CliticSpan[2];
            var count = 0;
            if (n == 2 && L(word, pos, 0) is 'و' or 'ف')
                spans[count++] = new CliticSpan(pos[0], pos[1], L(word, pos, 0) == 'و' ? Conj : "ف");
            var k = n - 1;
            if (L(word, pos, k) is 'ب' or 'ل' or 'ك' or 'و' or 'ف')
            {
                spans[count++] = new CliticSpan(pos[k], word.Length, FormOf(L(word, pos, k)));
                return new Segmentation(count, word.Length, spans[0], count > 1 ? spans[1] : default);
            }
            return default;
        }

        // Find the article: at letter 0, 1 (after و ف ب ك ل) or 2 (after و/ف + ب/ك/ل), or the fused لل.
        for (var k = 0; k <= 2 && k + 1 < n; k++)
        {
            // Everything before k must be a valid proclitic chain.
            if (!IsChain(word, pos, k))
                break;
            var isArticle = L(word, pos, k) == 'ا' && L(word, pos, k + 1) == 'ل';
            var isFused = k >= 1 && L(word, pos, k - 1) == 'ل' && L(word, pos, k) == 'ل' && IsChain(word, pos, k - 1);
            int stemLetter;
            if (isArticle)
                stemLetter = k + 2;
            else if (isFused)
                stemLetter = k + 1;
            else
                continue;
            if (n - stemLetter < 2)
                continue;
            if (isArticle && k == 0 && ArticleLike.Contains(ArabicNormalizer.Normalize(word)))
                return default;
            var spans = new CliticSpan[3];
            var count = 0;
            var chainEnd = isFused ? k - 1 : k;
            for (var j = 0; j < chainEnd; j++)
                spans[count++] = new CliticSpan(pos[j], pos[j + 1], FormOf(L(word, pos, j)));
            if (isFused)
            {
                spans[count++] = new CliticSpan(pos[k - 1], pos[k], "ل");
                spans[count++] = new CliticSpan(pos[k], pos[k + 1], Article);
            }
            else
            {
                spans[count++] = new CliticSpan(pos[k], End(word, pos, k + 1), Article);
            }
            return new Segmentation(count, pos[stemLetter], spans[0], count > 1 ? spans[1] : default, count > 2 ? spans[2] : default);
        }
        return default;
    }

    private static char L(ReadOnlySpan<char> word, Span<int> pos, int k) => ArabicNormalizer.Map(word[pos[k]]);

    private static int End(ReadOnlySpan<char> word, Span<int> pos, int k) => k + 1 < pos.Length ? pos[k + 1] : word.Length;

    // Letters [0, k) form a proclitic chain: (و|ف)? (ب|ك|ل)?
    private static bool IsChain(ReadOnlySpan<char> word, Span<int> pos, int k)
    {
        if (k == 0)
            return true;
        var first = ArabicNormalizer.Map(word[pos[0]]);
        if (k == 1)
            return first is 'و' or 'ف' or 'ب' or 'ك' or 'ل';
        if (k == 2)
            return first is 'و' or 'ف' && ArabicNormalizer.Map(word[pos[1]]) is 'ب' or 'ك' or 'ل';
        return false;
    }

    private static string FormOf(char c) => c switch
    {
        'و' => Conj,
        'ف' => "ف",
        'ب' => "ب",
        'ك' => "ك",
        'ل' => "ل",
        _ => c.ToString(),
    };
}
