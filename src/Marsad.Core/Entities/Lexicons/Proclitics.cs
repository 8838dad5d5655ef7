namespace Marsad.Entities.Lexicons;

/// <summary>
/// One way to read a word for a lexicon lookup: skip <see cref="Strip"/> letters of proclitics, and put «ال» back when a
/// fused «لل» was stripped. <see cref="WordAt"/> is where the last stripped proclitic starts (the word it was read off).
/// </summary>
internal readonly record struct WordVariant(int Strip, bool AddArticle, int WordAt = 0);

/// <summary>
/// The proclitic readings of a normalised word, for lexicon lookups: as written (بغداد), without a conjunction
/// (وبغداد → بغداد), without a preposition (لبنان stays; ببغداد → بغداد), both (وبالموصل → الموصل), and the
/// fused «لل» read as «ل + ال» (للموصل → الموصل). The lexicon decides which reading names something:
/// the word as written is tried first, so a name that starts with one of these letters (بغداد، لبنان) is never cut.
/// </summary>
internal static class Proclitics
{
    /// <summary>The most readings <see cref="Variants"/> returns.</summary>
    public const int MaxVariants = 6;

    /// <summary>Writes the readings of <paramref name="key"/> into <paramref name="into"/> (as written first) and returns how many.</summary>
    public static int Variants(ReadOnlySpan<char> key, Span<WordVariant> into)
    {
        var n = 0;
        into[n++] = new WordVariant(0, false);
        var conj = key.Length >= 4 && key[0] is 'و' or 'ف' && LongEnough(key[1..]) ? 1 : 0;
        if (conj == 1)
            into[n++] = new WordVariant(1, false, 0);
        for (var b = 0; b <= conj; b++)
        {
            var rest = key[b..];
            if (rest.Length >= 5 && rest[0] == 'ل' && rest[1] == 'ل')
                into[n++] = new WordVariant(b + 2, true, b);
            else if (rest.Length >= 4 && rest[0] is 'ب' or 'ل' or 'ك' && LongEnough(rest[1..]))
                into[n++] = new WordVariant(b + 1, false, b);
        }
        return n;
    }

    // What is left after a preposition must be a word of its own: three letters, or the article and three letters
    // (so «وكالة» is never read as «و + ك + الة»).
    private static bool LongEnough(ReadOnlySpan<char> rest) =>
        rest.Length >= 3 && !(rest.Length < 5 && rest[0] == 'ا' && rest[1] == 'ل');

    /// <summary>Writes the text of <paramref name="variant"/> of <paramref name="key"/> into <paramref name="buffer"/>; returns the length.</summary>
    public static int Write(ReadOnlySpan<char> key, WordVariant variant, Span<char> buffer)
    {
        var rest = key[variant.Strip..];
        var w = 0;
        if (variant.AddArticle)
        {
            buffer[w++] = 'ا';
            buffer[w++] = 'ل';
        }
        rest.CopyTo(buffer[w..]);
        return w + rest.Length;
    }

    /// <summary>True when the word carries the article (after optional proclitics): الموصل, والموصل, بالموصل, للموصل.</summary>
    public static bool IsDefinite(ReadOnlySpan<char> key)
    {
        var s = key;
        if (s.Length >= 4 && s[0] is 'و' or 'ف')
            s = s[1..];
        if (s.Length >= 4 && s[0] == 'ل' && s[1] == 'ل')
            return true;
        if (s.Length >= 5 && s[0] is 'ب' or 'ك' && s[1] == 'ا' && s[2] == 'ل')
            return true;
        return s.Length >= 4 && s[0] == 'ا' && s[1] == 'ل';
    }
}
