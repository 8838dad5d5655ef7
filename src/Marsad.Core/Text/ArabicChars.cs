using System.Buffers;
using System.Runtime.CompilerServices;

namespace Marsad.Text;

/// <summary>Character classes of Arabic text, as named constants and cheap predicates.</summary>
public static class ArabicChars
{
    public const char Hamza = '\u0621';
    public const char AlefMadda = '\u0622';
    public const char AlefHamzaAbove = '\u0623';
    public const char WawHamza = '\u0624';
    public const char AlefHamzaBelow = '\u0625';
    public const char YehHamza = '\u0626';
    public const char Alef = '\u0627';
    public const char Beh = '\u0628';
    public const char TehMarbuta = '\u0629';
    public const char Teh = '\u062A';
    public const char Fa = '\u0641';
    public const char Kaf = '\u0643';
    public const char Lam = '\u0644';
    public const char Heh = '\u0647';
    public const char Waw = '\u0648';
    public const char AlefMaksura = '\u0649';
    public const char Yeh = '\u064A';
    public const char Tatweel = '\u0640';
    public const char SuperscriptAlef = '\u0670';
    public const char AlefWasla = '\u0671';
    public const char FarsiKeheh = '\u06A9';
    public const char FarsiYeh = '\u06CC';
    public const char ArabicComma = '\u060C';
    public const char ArabicSemicolon = '\u061B';
    public const char ArabicQuestionMark = '\u061F';
    public const char ArabicFullStop = '\u06D4';
    public const char GuillemetOpen = '\u00AB';
    public const char GuillemetClose = '\u00BB';

    /// <summary>Harakat, tanween, shadda, sukun and the extended marks U+064B–U+065F, plus U+0670.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDiacritic(char c) => c is >= '\u064B' and <= '\u065F' or SuperscriptAlef;

    /// <summary>Quranic annotation marks U+06D6–U+06ED (except the letters among them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsQuranicMark(char c) => c is >= '\u06D6' and <= '\u06DC' or >= '\u06DF' and <= '\u06E4' or '\u06E7' or '\u06E8' or >= '\u06EA' and <= '\u06ED';

    /// <summary>A base Arabic-script letter (not a digit, mark or punctuation), including presentation forms.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsArabicLetter(char c) =>
        c is >= '\u0621' and <= '\u063A'
            or >= '\u0641' and <= '\u064A'
            or >= '\u0671' and <= '\u06D3'
            or '\u06D5'
            or >= '\u06EE' and <= '\u06EF'
            or >= '\u06FA' and <= '\u06FF'
            or >= '\u0750' and <= '\u077F'
            or >= '\u08A0' and <= '\u08C9'
            or >= '\uFB50' and <= '\uFDFB'
            or >= '\uFE70' and <= '\uFEFC';

    /// <summary>Letters, marks and tatweel: what may continue an Arabic word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsArabicWordChar(char c) => IsArabicLetter(c) || IsDiacritic(c) || c == Tatweel || IsQuranicMark(c);

    /// <summary>Arabic-Indic (U+0660–0669) or Eastern Arabic-Indic (U+06F0–06F9) digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsArabicIndicDigit(char c) => c is >= '\u0660' and <= '\u0669' or >= '\u06F0' and <= '\u06F9';

    /// <summary>The value 0–9 of an ASCII, Arabic-Indic or Eastern Arabic-Indic digit, else -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\u0660' and <= '\u0669' => c - '\u0660',
        >= '\u06F0' and <= '\u06F9' => c - '\u06F0',
        _ => -1,
    };

    /// <summary>Invisible format characters that only steer rendering: ZWJ/ZWNJ, LRM/RLM/ALM, bidi embeddings and isolates, BOM, soft hyphen.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsFormatControl(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\uFEFF' or '\u2060' or '\u00AD'
            or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>Characters that may open a quotation.</summary>
    public static readonly SearchValues<char> QuoteOpeners = SearchValues.Create("«“„‹\"");

    /// <summary>Letters peculiar to Persian and Urdu (پ چ ژ گ ک ی ے ۀ ٹ ڈ ڑ ں ھ), used by the language check.</summary>
    public static readonly SearchValues<char> PersianUrduLetters = SearchValues.Create("\u067E\u0686\u0698\u06AF\u06A9\u06CC\u06D2\u06C0\u0679\u0688\u0691\u06BA\u06BE\u06C1");
}
