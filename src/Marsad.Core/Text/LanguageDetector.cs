using System.Collections.Frozen;

namespace Marsad.Text;

/// <summary>
/// Tells Arabic from the other languages written in Arabic script (Persian, Urdu) and from
/// non-Arabic-script text. Two kinds of evidence, counted over the words of the text:
/// <list type="bullet">
/// <item>letters Arabic does not use: پ چ ژ گ (Persian and Urdu), ٹ ڈ ڑ ں ے ھ ہ (Urdu), and the
/// Persian/Urdu forms ی ک where Arabic writes ي ك;</item>
/// <item>function words, which every sentence has and which do not depend on spelling habits (some
/// Persian sites type the Arabic ي ك): Arabic في من على إلى أن التي…, Persian است این را از می…,
/// Urdu ہے کے کی میں نے…, plus the Arabic definite article ال that opens a quarter of Arabic words.</item>
/// </list>
/// A text is Persian or Urdu only when that evidence clearly outweighs the Arabic evidence, so a
/// Persian name or a quoted Persian phrase in an Arabic article does not flip it.
/// </summary>
public static class LanguageDetector
{
    /// <summary>Fewer letters than this (Arabic script plus Latin) is too little to tell.</summary>
    public const int MinLetters = 20;

    // Function words after the key mapping below (ی→ي, ک→ك, ۀ/ة kept, hamza forms of alef → ا).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ArabicWords = Set(
        "في", "من", "على", "الى", "عن", "ان", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك", "تلك", "مع", "كان", "كانت", "قد", "لا", "لم", "لن",
        "ما", "بين", "بعد", "قبل", "ان", "كما", "حيث", "او", "خلال", "عند", "حتى", "اليوم", "وقال", "قال", "وفي", "ومن", "الى", "عليه", "انه", "فيه", "منذ", "الا", "اي", "هو", "هي");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersianWords = Set(
        "است", "اين", "را", "از", "مي", "شد", "شده", "شود", "كرد", "كرده", "كند", "كه", "براي", "هاي", "ها", "آن", "اند", "بود", "خواهد",
        "نيز", "با", "تا", "يك", "بايد", "دارد", "گفت", "پس", "چه", "چون", "اگر", "همه", "وي", "ايشان", "آنها", "ديگر", "درباره");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UrduWords = Set(
        "ہے", "ہیں", "کے", "کی", "کا", "میں", "نے", "کو", "سے", "اور", "پر", "یہ", "وہ", "تھا", "تھی", "تھے", "گیا", "گئی", "کر", "بھی", "جو", "ہو", "کہ", "لیے", "رہا", "رہی");

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(params string[] words) =>
        words.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>ISO 639-1 code: <c>ar</c>, <c>fa</c>, <c>ur</c>, <c>en</c> (Latin script), or null when there is too little text.</summary>
    public static string? Detect(ReadOnlySpan<char> text)
    {
        int arabicScript = 0, latin = 0, persianLetters = 0, urduLetters = 0, farsiYehKeheh = 0, arabicYehKaf = 0;
        int arabicWords = 0, persianWords = 0, urduWords = 0, definite = 0, words = 0;
        Span<char> key = stackalloc char[16];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!ArabicChars.IsArabicLetter(c) && !ArabicChars.IsDiacritic(c) && c != ArabicChars.Tatweel)
            {
                if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
                    latin++;
                i++;
                continue;
            }
            // One Arabic-script word: count its letters, and look it up raw (Urdu) and by key (Arabic, Persian).
            var start = i;
            var k = 0;
            while (i < text.Length && (ArabicChars.IsArabicLetter(text[i]) || ArabicChars.IsDiacritic(text[i]) || text[i] == ArabicChars.Tatweel))
            {
                var ch = text[i++];
                if (!ArabicChars.IsArabicLetter(ch))
                    continue;
                arabicScript++;
                switch (ch)
                {
                    case '\u067E' or '\u0686' or '\u0698' or '\u06AF': // پ چ ژ گ
                        persianLetters++;
                        break;
                    case '\u0679' or '\u0688' or '\u0691' or '\u06BA' or '\u06D2' or '\u06BE' or '\u06C1': // ٹ ڈ ڑ ں ے ھ ہ
                        urduLetters++;
                        break;
                    case '\u06CC' or '\u06A9': // ی ک
                        farsiYehKeheh++;
                        break;
                    case '\u064A' or '\u0643' or '\u0629' or '\u0649': // ي ك ة ى
                        arabicYehKaf++;
                        break;
                }
                if (k < key.Length)
                {
                    key[k++] = ch switch
                    {
                        '\u06CC' => '\u064A',
                        '\u06A9' => '\u0643',
                        '\u0623' or '\u0625' or '\u0671' => '\u0627',
                        _ => ch,
                    };
                }
            }
            var raw = text[start..i];
            words++;
            var w = key[..k];
            if (ArabicWords.Contains(w))
                arabicWords++;
            if (PersianWords.Contains(w))
                persianWords++;
            if (UrduWords.Contains(raw))
                urduWords++;
            if (w.Length > 3 && (w.StartsWith("ال") || w.StartsWith("وال") || w.StartsWith("بال") || w.StartsWith("لل")))
                definite++;
        }
        if (arabicScript + latin < MinLetters)
            return null;
        if (latin > arabicScript)
            return "en";

        // Evidence per language, in "words": function words count one each, the definite article a
        // half, and letters of the other alphabets a quarter (a word has four or five letters).
        var arabic = arabicWords + 0.5 * definite + 0.25 * arabicYehKaf;
        var persian = persianWords + 0.25 * (persianLetters + farsiYehKeheh);
        var urdu = urduWords + 0.25 * (urduLetters + persianLetters + farsiYehKeheh);
        var other = Math.Max(persian, urdu);
        if (other > 2 * arabic && other >= 0.05 * words)
            return urdu >= persian ? "ur" : "fa";
        return "ar";
    }

    /// <summary>English name of a code this detector returns.</summary>
    public static string Name(string? code) => code switch
    {
        "ar" => "Arabic",
        "fa" => "Persian",
        "ur" => "Urdu",
        "en" => "English or another Latin-script language",
        _ => "unknown",
    };
}
