namespace Marsad.Text;

/// <summary>
/// Tells Arabic from the other languages written in Arabic script (Persian, Urdu) and from
/// non-Arabic-script text, by letter statistics: Persian and Urdu use letters Arabic does not
/// (پ چ ژ گ, and ی ک in place of ي ك; Urdu also ے ٹ ڈ ڑ ں ھ ہ), while Arabic uses ة and ي.
/// </summary>
public static class LanguageDetector
{
    /// <summary>ISO 639-1 code: <c>ar</c>, <c>fa</c>, <c>ur</c>, <c>en</c> (Latin script), or null when there is too little text.</summary>
    public static string? Detect(ReadOnlySpan<char> text)
    {
        int arabicScript = 0, latin = 0, persian = 0, urdu = 0, arabicOnly = 0;
        foreach (var c in text)
        {
            if (ArabicChars.IsArabicLetter(c))
            {
                arabicScript++;
                switch (c)
                {
                    case '\u06D2' or '\u0679' or '\u0688' or '\u0691' or '\u06BA' or '\u06BE' or '\u06C1':
                        urdu++;
                        break;
                    case '\u067E' or '\u0686' or '\u0698' or '\u06AF' or '\u06CC' or '\u06A9':
                        persian++;
                        break;
                    case '\u0629' or '\u064A' or '\u0649' or '\u0643':
                        arabicOnly++;
                        break;
                }
            }
            else if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                latin++;
            }
        }
        if (arabicScript + latin < 20)
            return null;
        if (latin > arabicScript)
            return "en";
        // Share of language-specific letters among Arabic-script letters.
        var persianShare = (double)(persian + urdu) / arabicScript;
        if (persianShare > 0.02 && persian + urdu > arabicOnly)
            return urdu * 4 > persian + urdu ? "ur" : "fa";
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
