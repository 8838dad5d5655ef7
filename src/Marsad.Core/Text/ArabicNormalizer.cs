using System.Buffers;
using System.Text;

namespace Marsad.Text;

/// <summary>
/// Normalises Arabic text for matching: it never rewrites stored text, only the keys that
/// lexicons, gazetteers and features compare. Rules, applied per character:
/// <list type="bullet">
/// <item>diacritics (U+064B–065F, U+0670), Quranic marks, tatweel and invisible format characters are removed;</item>
/// <item>آ أ إ ٱ → ا; ة → ه; ى → ي; ؤ ئ → ء (so مسؤول and مسئول meet);</item>
/// <item>Persian/Urdu look-alikes ک ی → ك ي; decimal digits of every script (Arabic-Indic ٠–٩, Eastern ۰–۹,
/// Devanagari, fullwidth …) → ASCII 0–9;</item>
/// <item>presentation forms (U+FB50–FDFF, U+FE70–FEFF) → their letters (via NFKC, then these rules);</item>
/// <item>ASCII letters → lower case; no-break space → space.</item>
/// </list>
/// The result is a fixed point: <c>Normalize(Normalize(s)) == Normalize(s)</c>.
/// </summary>
public static class ArabicNormalizer
{
    // Presentation forms expand (ﷺ is 18 letters), so their mapping is a table built once from NFKC.
    private static readonly string?[] PresentationForms = BuildPresentationTable();

    /// <summary>The most characters one input character can become.</summary>
    public const int MaxExpansion = 32;

    /// <summary>Normalises <paramref name="text"/>; returns the same instance when nothing changes.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        var first = IndexOfFirstChange(span);
        if (first < 0)
            return text;
        return NormalizeSlow(span, first);
    }

    /// <summary>Normalises a span into a new string.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        var first = IndexOfFirstChange(text);
        return first < 0 ? new string(text) : NormalizeSlow(text, first);
    }

    /// <summary>
    /// Normalises <paramref name="source"/> into <paramref name="destination"/> and returns the
    /// number of characters written, or -1 when <paramref name="destination"/> is too small
    /// (it never is when it holds <c>source.Length * MaxExpansion</c>, and rarely beyond <c>source.Length</c>).
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> source, Span<char> destination)
    {
        var w = 0;
        foreach (var c in source)
        {
            var mapped = Map(c);
            if (mapped == '\0')
            {
                if (IsPresentationForm(c))
                {
                    var expansion = PresentationForms[c - '\uFB50'];
                    if (expansion is null)
                        continue;
                    if (w + expansion.Length > destination.Length)
                        return -1;
                    expansion.CopyTo(destination[w..]);
                    w += expansion.Length;
                }
                continue;
            }
            if (w >= destination.Length)
                return -1;
            destination[w++] = mapped;
        }
        return w;
    }

    /// <summary>True when <paramref name="text"/> is already normalised.</summary>
    public static bool IsNormalized(ReadOnlySpan<char> text) => IndexOfFirstChange(text) < 0;

    /// <summary>
    /// The single-character mapping: the replacement, the character itself when unchanged,
    /// or <c>'\0'</c> when it is removed (or, for presentation forms, expanded by the table).
    /// </summary>
    internal static char Map(char c)
    {
        if (c < '\u00A0')
            return c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        switch (c)
        {
            case '\u00A0': return ' ';
            case ArabicChars.AlefMadda:
            case ArabicChars.AlefHamzaAbove:
            case ArabicChars.AlefHamzaBelow:
            case ArabicChars.AlefWasla:
                return ArabicChars.Alef;
            case ArabicChars.TehMarbuta: return ArabicChars.Heh;
            case ArabicChars.AlefMaksura: return ArabicChars.Yeh;
            case ArabicChars.WawHamza:
            case ArabicChars.YehHamza:
                return ArabicChars.Hamza;
            case ArabicChars.FarsiKeheh: return ArabicChars.Kaf;
            case ArabicChars.FarsiYeh: return ArabicChars.Yeh;
            case ArabicChars.Tatweel: return '\0';
        }
        if (ArabicChars.IsDiacritic(c) || ArabicChars.IsQuranicMark(c) || ArabicChars.IsFormatControl(c))
            return '\0';
        var digit = ArabicChars.DigitValue(c);
        if (digit >= 0)
            return (char)('0' + digit);
        if (IsPresentationForm(c))
            return '\0';
        if (c >= '\u07C0' && char.IsDigit(c))
            return (char)('0' + (int)char.GetNumericValue(c)); // NKo, Devanagari, Thai, fullwidth … decimal digits
        return c;
    }

    private static bool IsPresentationForm(char c) => c is >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFE';

    private static int IndexOfFirstChange(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Map(c) == c)
                continue;
            if (IsPresentationForm(c) && PresentationForms[c - '\uFB50'] is { Length: 1 } self && self[0] == c)
                continue; // a presentation-block code point with no decomposition stays as it is
            return i;
        }
        return -1;
    }

    private static string NormalizeSlow(ReadOnlySpan<char> text, int first)
    {
        var capacity = text.Length + 16;
        while (true)
        {
            var rented = ArrayPool<char>.Shared.Rent(capacity);
            try
            {
                text[..first].CopyTo(rented);
                var written = Normalize(text[first..], rented.AsSpan(first));
                if (written >= 0)
                    return new string(rented, 0, first + written);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(rented);
            }
            capacity = text.Length * MaxExpansion + 16;
        }
    }

    private static string?[] BuildPresentationTable()
    {
        var table = new string?['\uFEFF' - '\uFB50'];
        Span<char> buffer = stackalloc char[MaxExpansion * 2];
        for (var c = '\uFB50'; c <= '\uFEFE'; c++)
        {
            if (!IsPresentationForm(c))
                continue;
            var decomposed = c.ToString().Normalize(NormalizationForm.FormKC);
            if (decomposed.Length == 1 && decomposed[0] == c)
            {
                table[c - '\uFB50'] = c.ToString(); // unassigned or no decomposition: keep as is
                continue;
            }
            // Apply the per-character rules to the decomposition (it holds only basic letters and marks).
            var w = 0;
            foreach (var d in decomposed)
            {
                var m = Map(d);
                if (m != '\0' && !IsPresentationForm(d))
                    buffer[w++] = m;
            }
            var mapped = new string(buffer[..w]).Trim();
            table[c - '\uFB50'] = mapped.Length == 0 ? null : mapped;
        }
        return table;
    }
}
