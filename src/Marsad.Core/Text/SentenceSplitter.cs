using System.Collections.Frozen;
using Marsad.Model;

namespace Marsad.Text;

/// <summary>
/// Splits a body into sentences with offsets. Rules, each named in <see cref="Sentence.By"/>:
/// <list type="bullet">
/// <item><c>newline</c>: a line break always ends a sentence (paragraphs, sub-headings on their own line);</item>
/// <item><c>stop</c>: «.» «!» «?» «؟» «۔» followed by space or the end;</item>
/// <item><c>glued</c>: a stop glued to the next word, as scrapers leave it: «الموصل.وأوضح», «».وأكد»;</item>
/// <item><c>heading</c>: a sub-heading glued to the paragraph after it, seen where a word ending in ة or ى runs
/// straight into a sentence opener: «تعارض أنظمةوأشار» → «تعارض أنظمة» | «وأشار …» (see <see cref="GluedHeadingAt"/>);</item>
/// <item><c>length</c>: a run over <see cref="MaxSentenceLength"/> characters is cut at the last comma or space;</item>
/// <item><c>end</c>: the text ends.</item>
/// </list>
/// Never a boundary: decimals and grouped numbers (3.5, 1.000.000), dotted abbreviations (ان.بي.سي، أ.ف.ب، U.S.)
/// and transliterated letter names, glued or spaced (إم.تي.في، بي.جي، إتش. إس. بي. سي), a one-letter initial
/// («د. أحمد», «د.أحمد»; but «2017 م.» ends a sentence), a list number («1. »; a glued «.5- » starts a new
/// list item), ellipses («..», «...», «…»),
/// dots in URLs, e-mail addresses and Arabic-spelt domains («العربية.نت»), and anything inside a balanced quotation («…» “…” "…") of the same
/// paragraph, so a quote of several sentences stays whole (straight quotes count only when they pair up on
/// their line). A line with no letter or digit («...», «***») is a separator, not a sentence.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Sentences longer than this are cut (bounds the cost of every later stage).</summary>
    public const int MaxSentenceLength = 2000;

    private const string Name = "sentence-splitter";

    /// <summary>The sentences of <paramref name="text"/>.</summary>
    public static List<Sentence> Split(string text) => Split(text.AsSpan());

    /// <summary>The sentences of <paramref name="text"/>, offsets into it.</summary>
    public static List<Sentence> Split(ReadOnlySpan<char> text)
    {
        var result = new List<Sentence>();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var nl = text[lineStart..].IndexOfAny('\n', '\r', '\u2029');
            var lineEnd = nl < 0 ? text.Length : lineStart + nl;
            SplitLine(text, lineStart, lineEnd, nl < 0 ? "end" : "newline", result);
            lineStart = lineEnd + 1;
        }
        return result;
    }

    private static void SplitLine(ReadOnlySpan<char> text, int start, int end, string lastRule, List<Sentence> result)
    {
        var quoted = QuotedRanges(text, start, end);
        var sentenceStart = SkipSpace(text, start, end);
        var i = sentenceStart;
        while (i < end)
        {
            var c = text[i];
            // A glued sub-heading ends even inside an apparent quotation: headings are not quoted, and scraped
            // quotations often miss their closing mark.
            if (c is ArabicChars.TehMarbuta or ArabicChars.AlefMaksura && GluedHeadingAt(text, i + 1, sentenceStart, end))
            {
                Emit(text, sentenceStart, i + 1, "heading", result);
                sentenceStart = i + 1;
                i++;
                continue;
            }
            if (!IsStop(c) || InQuote(quoted, i))
            {
                i++;
                continue;
            }
            // A run of stops: «..», «...», «!!», «؟!».
            var runEnd = i + 1;
            while (runEnd < end && IsStop(text[runEnd]))
                runEnd++;
            var rule = Boundary(text, sentenceStart, i, runEnd, end);
            if (rule is null)
            {
                i = runEnd;
                continue;
            }
            // Closing quotes and brackets right after the stop belong to this sentence.
            var sentenceEnd = runEnd;
            while (sentenceEnd < end && IsCloser(text[sentenceEnd]))
                sentenceEnd++;
            Emit(text, sentenceStart, sentenceEnd, rule, result);
            sentenceStart = SkipSpace(text, sentenceEnd, end);
            i = sentenceStart;
        }
        if (sentenceStart < end)
            Emit(text, sentenceStart, end, lastRule, result);
    }

    /// <summary>Whether the stop run <c>[i, runEnd)</c> ends a sentence, and by which rule.</summary>
    private static string? Boundary(ReadOnlySpan<char> text, int sentenceStart, int i, int runEnd, int end)
    {
        var c = text[i];
        var runLength = runEnd - i;
        if (c == '.' && runLength >= 2)
            return null; // «..» and «...» are pauses in Arabic news prose, not full stops
        if (c == '\u2026')
            return null;
        // Direction marks and zero-width characters after the stop («.\u200F وقال») are looked through.
        var nextAt = runEnd;
        while (nextAt < end && ArabicChars.IsFormatControl(text[nextAt]))
            nextAt++;
        var next = nextAt < end ? text[nextAt] : '\0';
        if (nextAt >= end)
            return "stop";
        if (c != '.' || runLength > 1)
        {
            // ! ? ؟: a boundary when followed by space or a new word (glued).
            return char.IsWhiteSpace(next) ? "stop" : IsWordStart(next) ? "glued" : null;
        }

        var prev = i > 0 ? text[i - 1] : '\0';
        if (IsListNumber(text, sentenceStart, i))
            return null; // «1. » «٢. » numbering a list item
        if (char.IsWhiteSpace(next) || IsCloser(next))
        {
            // «د. محمد», «U. S.»: a single letter after a space or at the start is an initial.
            if (IsInitial(text, i))
                return null;
            if (IsAbbreviationTail(text, i))
                return null;
            if (IsSpacedLetterNames(text, i, end))
                return null; // «إتش. إس. بي. سي»
            return "stop";
        }
        if (char.IsDigit(prev) && char.IsDigit(next))
            return null; // 3.5
        if (IsLatinLetterOrDigit(prev) && IsLatinLetterOrDigit(next))
            return null; // example.com, U.S.A
        if (next is '@' || prev is '@')
            return null;
        if (ArabicChars.IsArabicWordChar(prev) && ArabicChars.IsArabicLetter(next))
            return IsInitial(text, i) || IsArabicAbbreviation(text, i, end) ? null : "glued";
        if (IsCloser(prev) && IsWordStart(next))
            return "glued"; // «…».وأكد
        if (ArabicChars.IsArabicLetter(prev) && !IsInitial(text, i) && IsListMarker(text, i + 1, end))
            return "glued"; // «… موقفة.5- الحصول …»
        if ((ArabicChars.IsArabicWordChar(prev) || char.IsDigit(prev)) && (ArabicChars.QuoteOpeners.Contains(next) || next == '('))
            return "glued";
        return null;
    }

    /// <summary>A word seen as the first word of a sentence at least this often (in the lexicon's corpus) can open one after a glued sub-heading.</summary>
    public const int MinOpenerCount = 20;

    /// <summary>
    /// A sub-heading glued to its paragraph: ة and ى end a word, so a word that goes on after them is two words run
    /// together; when the second is a sentence opener (و or ف + a word that, in the lexicon's corpus, starts at
    /// least <see cref="MinOpenerCount"/> sentences and at least half of its occurrences start one: وأشار، وقال …)
    /// a sentence starts there:
    /// «تعارض أنظمةوأشار إبراهيم» → «تعارض أنظمة» | «وأشار إبراهيم».
    /// </summary>
    internal static bool GluedHeadingAt(ReadOnlySpan<char> text, int at, int sentenceStart, int end)
    {
        if (at >= end || text[at] is not ('و' or 'ف') || at - 2 < sentenceStart || !ArabicChars.IsArabicLetter(text[at - 2]))
            return false;
        var run = LetterRunAfter(text, at, end);
        if (run.Length is < 3 or > 16)
            return false;
        Span<char> key = stackalloc char[16 * ArabicNormalizer.MaxExpansion];
        var n = ArabicNormalizer.Normalize(run, key);
        if (n < 3)
            return false;
        var counts = WordLexicon.Default.Counts(key[..n]);
        return counts.SentenceInitial >= MinOpenerCount && 2 * counts.SentenceInitial >= counts.Count;
    }

    /// <summary>
    /// Letters-dot-letters chains whose pieces are all short: «ان.بي.سي», «أ.ف.ب», «ق.م».
    /// A glued sentence boundary has a real word before the dot: «الموصل.وأوضح».
    /// </summary>
    private static bool IsArabicAbbreviation(ReadOnlySpan<char> text, int dot, int end)
    {
        var before = LetterRunBefore(text, dot);
        var after = LetterRunAfter(text, dot + 1, end);
        if (before.Length == 0 || after.Length == 0)
            return false;
        // Latin letters spelt in Arabic: «إم.تي.في», «بي.جي», «وبي.جي»; or the last letter of such a chain
        // before a name: «إف.سي.فولندام».
        if (after.Length <= 4 && IsWebSuffix(after) && (dot + 1 + after.Length >= end || !ArabicChars.IsArabicLetter(text[dot + 1 + after.Length])))
            return true; // «العربية.نت», «مصراوي.كوم»
        var beforeStart0 = dot - before.Length;
        if (IsLetterName(before, allowConjunction: true) && (IsLetterName(after, allowConjunction: false) || (beforeStart0 > 0 && text[beforeStart0 - 1] == '.')))
            return true;
        var beforeShort = before.Length <= 3;
        var afterShort = after.Length <= 3;
        if (!beforeShort || !afterShort)
            return false;
        // The chain continues with another dot («ان.بي.سي») or started with one («بي.سي» in «ان.بي.سي»).
        var afterEnd = dot + 1 + after.Length;
        var continues = afterEnd < end && text[afterEnd] == '.' && afterEnd + 1 < end && ArabicChars.IsArabicLetter(text[afterEnd + 1]);
        var beforeStart = dot - before.Length;
        var started = beforeStart > 0 && text[beforeStart - 1] == '.';
        var endsChain = afterEnd >= end || !ArabicChars.IsArabicLetter(text[afterEnd]);
        return continues || started || (before.Length == 1 && after.Length <= 2 && endsChain);
    }

    private static ReadOnlySpan<char> LetterRunBefore(ReadOnlySpan<char> text, int dot)
    {
        var s = dot;
        while (s > 0 && ArabicChars.IsArabicWordChar(text[s - 1]))
            s--;
        return text[s..dot];
    }

    private static ReadOnlySpan<char> LetterRunAfter(ReadOnlySpan<char> text, int from, int end)
    {
        var e = from;
        while (e < end && ArabicChars.IsArabicWordChar(text[e]))
            e++;
        return text[from..e];
    }

    // «د.» «م.» after a space or glued to a name: a one-letter initial, unless it follows a number
    // («عام 2017 م.» and «2017م.» end a sentence: م and هـ mark the era).
    private static bool IsInitial(ReadOnlySpan<char> text, int dot)
    {
        if (dot == 0 || !char.IsLetter(text[dot - 1]) || text[dot - 1] == ArabicChars.Tatweel)
            return false;
        var before = dot - 2;
        if (before < 0)
            return true;
        if (text[before] is '.' or '(' or '«' or '"' or '“')
            return true;
        if (!char.IsWhiteSpace(text[before]))
            return false;
        while (before >= 0 && char.IsWhiteSpace(text[before]))
            before--;
        return before < 0 || ArabicChars.DigitValue(text[before]) < 0;
    }

    // «5- », «5) », «5. » after a glued full stop: the next item of a list.
    private static bool IsListMarker(ReadOnlySpan<char> text, int from, int end)
    {
        var k = from;
        while (k < end && k - from < 3 && ArabicChars.DigitValue(text[k]) >= 0)
            k++;
        return k > from && k < end && text[k] is '-' or '–' or ')' or '.' && (k + 1 >= end || !char.IsDigit(text[k + 1]));
    }

    // «1. » «(٢). »: the sentence so far is only a number of at most three digits.
    private static bool IsListNumber(ReadOnlySpan<char> text, int sentenceStart, int dot)
    {
        var digits = 0;
        for (var k = sentenceStart; k < dot; k++)
        {
            var c = text[k];
            if (ArabicChars.DigitValue(c) >= 0)
                digits++;
            else if (c is not ('(' or ')' or '-'))
                return false;
        }
        return digits is > 0 and <= 3;
    }

    /// <summary>
    /// Latin letter names written in Arabic, as in abbreviations (ان.بي.سي، إم.تي.في، جيه.بي مورجان), normalised.
    /// Several are also words (في، أن، أو، أي، كي), so a dot is an abbreviation only when both sides are letter names.
    /// </summary>
    private static readonly FrozenSet<string> LetterNames = new[]
    {
        "ايه", "اي", "بي", "سي", "دي", "اف", "جي", "اتش", "ايتش", "اش", "جيه", "جاي", "كيه", "كي", "كاي", "ال", "ام", "ان",
        "او", "كيو", "ار", "اس", "تي", "يو", "في", "دبليو", "اكس", "واي", "زد", "زي",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LetterNamesLookup = LetterNames.GetAlternateLookup<ReadOnlySpan<char>>();

    // Domain suffixes written in Arabic letters.
    private static bool IsWebSuffix(ReadOnlySpan<char> run) =>
        run.SequenceEqual("نت") || run.SequenceEqual("كوم") || run.SequenceEqual("أورغ") || run.SequenceEqual("اورغ") || run.SequenceEqual("أورج");

    private static bool IsLetterName(ReadOnlySpan<char> run, bool allowConjunction)
    {
        if (run.Length is 0 or > 8)
            return false;
        Span<char> buffer = stackalloc char[8 * ArabicNormalizer.MaxExpansion];
        var n = ArabicNormalizer.Normalize(run, buffer);
        if (n <= 0)
            return false;
        var key = buffer[..n];
        if (LetterNamesLookup.Contains(key))
            return true;
        return allowConjunction && key.Length >= 3 && key[0] == 'و' && LetterNamesLookup.Contains(key[1..]);
    }

    // «إتش. إس. بي. سي»: the letter name before this dot is preceded by «letter-name.» or followed by «letter-name.».
    private static bool IsSpacedLetterNames(ReadOnlySpan<char> text, int dot, int end)
    {
        var before = LetterRunBefore(text, dot);
        if (!IsLetterName(before, allowConjunction: true))
            return false;
        // Previous token: «X.» then spaces.
        var k = dot - before.Length - 1;
        var spaces = 0;
        while (k >= 0 && text[k] == ' ')
        {
            k--;
            spaces++;
        }
        if (spaces > 0 && k >= 1 && text[k] == '.' && IsLetterName(LetterRunBefore(text, k), allowConjunction: true))
            return true;
        // Next token: spaces then «Y.».
        var j = dot + 1;
        while (j < end && text[j] == ' ')
            j++;
        var after = LetterRunAfter(text, j, end);
        var afterEnd = j + after.Length;
        return j > dot + 1 && afterEnd < end && text[afterEnd] == '.' && IsLetterName(after, allowConjunction: false);
    }

    // «ان.بي.سي.» / «U.S.» — the final dot of a dotted chain followed by space.
    private static bool IsAbbreviationTail(ReadOnlySpan<char> text, int dot)
    {
        var s = dot;
        while (s > 0 && char.IsLetter(text[s - 1]))
            s--;
        return dot - s <= 3 && s > 1 && text[s - 1] == '.' && char.IsLetter(text[s - 2]) && LetterRunLength(text, s - 1) <= 3;
    }

    private static int LetterRunLength(ReadOnlySpan<char> text, int end)
    {
        var s = end;
        while (s > 0 && char.IsLetter(text[s - 1]))
            s--;
        return end - s;
    }

    /// <summary>
    /// Balanced quotation ranges of one line: «…» and “…” pair with the nearest opener (a second « before a »
    /// means the first lost its closer, as scraped text often does; quotes inside quotes use other marks);
    /// straight " pair in order, but only when the line has an even number of them (one stray " would shift
    /// every pair after it). An opener that never closes on its line quotes nothing.
    /// </summary>
    private static List<(int Start, int End)>? QuotedRanges(ReadOnlySpan<char> text, int start, int end)
    {
        List<(int, int)>? ranges = null;
        var guillemetOpen = -1;
        var curlyOpen = -1;
        var straightOpen = -1;
        List<(int, int)>? straight = null;
        for (var i = start; i < end; i++)
        {
            switch (text[i])
            {
                case '«':
                    guillemetOpen = i; // a second « before any » means the first lost its closer
                    break;
                case '»':
                    if (guillemetOpen >= 0)
                    {
                        (ranges ??= []).Add((guillemetOpen, i));
                        guillemetOpen = -1;
                    }
                    break;
                case '“':
                    curlyOpen = i;
                    break;
                case '”':
                    if (curlyOpen >= 0)
                    {
                        (ranges ??= []).Add((curlyOpen, i));
                        curlyOpen = -1;
                    }
                    break;
                case '"':
                    if (straightOpen < 0)
                    {
                        straightOpen = i;
                    }
                    else
                    {
                        (straight ??= []).Add((straightOpen, i));
                        straightOpen = -1;
                    }
                    break;
            }
        }
        if (straight is not null && straightOpen < 0)
            (ranges ??= []).AddRange(straight);
        return ranges;
    }

    private static bool InQuote(List<(int Start, int End)>? ranges, int i)
    {
        if (ranges is null)
            return false;
        foreach (var (s, e) in ranges)
        {
            if (i > s && i < e)
                return true;
        }
        return false;
    }

    private static void Emit(ReadOnlySpan<char> text, int start, int end, string rule, List<Sentence> result)
    {
        // Trim trailing space; cut over-long runs so later stages stay bounded.
        while (end > start && IsSpace(text[end - 1]))
            end--;
        while (end - start > MaxSentenceLength)
        {
            var cut = start + MaxSentenceLength;
            var window = text[(start + MaxSentenceLength / 2)..cut];
            var at = window.LastIndexOfAny('،', ',', ';');
            if (at < 0)
                at = window.LastIndexOf(' ');
            if (at >= 0)
                cut = start + MaxSentenceLength / 2 + at + 1;
            var cutEnd = cut;
            while (cutEnd > start && IsSpace(text[cutEnd - 1]))
                cutEnd--;
            if (cutEnd > start)
                result.Add(new Sentence(start, cutEnd, $"{Name}:length"));
            start = SkipSpace(text, cut, end);
        }
        if (end > start && HasLetterOrDigit(text[start..end]))
            result.Add(new Sentence(start, end, $"{Name}:{rule}"));
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c))
                return true;
        }
        return false;
    }

    private static int SkipSpace(ReadOnlySpan<char> text, int i, int end)
    {
        while (i < end && IsSpace(text[i]))
            i++;
        return i;
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || ArabicChars.IsFormatControl(c);

    private static bool IsStop(char c) => c is '.' or '!' or '?' or ArabicChars.ArabicQuestionMark or ArabicChars.ArabicFullStop or '\u2026';

    private static bool IsCloser(char c) => c is '»' or '”' or '"' or ')' or ']' or '’' or '\'';

    private static bool IsWordStart(char c) => ArabicChars.IsArabicLetter(c) || char.IsLetterOrDigit(c) || ArabicChars.QuoteOpeners.Contains(c) || c == '(';

    private static bool IsLatinLetterOrDigit(char c) => c < '\u0250' && char.IsLetterOrDigit(c);
}
