using Marsad.Model;

namespace Marsad.Text;

/// <summary>
/// Splits a body into sentences with offsets. Rules, each named in <see cref="Sentence.By"/>:
/// <list type="bullet">
/// <item><c>newline</c>: a line break always ends a sentence (paragraphs, sub-headings on their own line);</item>
/// <item><c>stop</c>: «.» «!» «?» «؟» «۔» followed by space or the end;</item>
/// <item><c>glued</c>: a stop glued to the next word, as scrapers leave it: «الموصل.وأوضح», «».وأكد»;</item>
/// <item><c>length</c>: a run over <see cref="MaxSentenceLength"/> characters is cut at the last comma or space;</item>
/// <item><c>end</c>: the text ends.</item>
/// </list>
/// Never a boundary: decimals (3.5), dotted abbreviations (ان.بي.سي، أ.ف.ب، U.S.), an initial («د. أحمد»),
/// ellipses («..», «...», «…»), dots in URLs and e-mail addresses, and anything inside a balanced
/// quotation («…» “…” "…") of the same paragraph, so a quote of several sentences stays whole.
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
            if (!IsStop(c) || InQuote(quoted, i))
            {
                i++;
                continue;
            }
            // A run of stops: «..», «...», «!!», «؟!».
            var runEnd = i + 1;
            while (runEnd < end && IsStop(text[runEnd]))
                runEnd++;
            var rule = Boundary(text, i, runEnd, end);
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
    private static string? Boundary(ReadOnlySpan<char> text, int i, int runEnd, int end)
    {
        var c = text[i];
        var runLength = runEnd - i;
        if (c == '.' && runLength >= 2)
            return null; // «..» and «...» are pauses in Arabic news prose, not full stops
        if (c == '\u2026')
            return null;
        var next = runEnd < end ? text[runEnd] : '\0';
        if (runEnd >= end)
            return "stop";
        if (c != '.' || runLength > 1)
        {
            // ! ? ؟: a boundary when followed by space or a new word (glued).
            return char.IsWhiteSpace(next) ? "stop" : IsWordStart(next) ? "glued" : null;
        }

        var prev = i > 0 ? text[i - 1] : '\0';
        if (char.IsWhiteSpace(next) || IsCloser(next))
        {
            // «د. محمد», «U. S.»: a single letter after a space or at the start is an initial.
            if (IsInitial(text, i))
                return null;
            if (IsAbbreviationTail(text, i))
                return null;
            return "stop";
        }
        if (char.IsDigit(prev) && char.IsDigit(next))
            return null; // 3.5
        if (IsLatinLetterOrDigit(prev) && IsLatinLetterOrDigit(next))
            return null; // example.com, U.S.A
        if (next is '@' || prev is '@')
            return null;
        if (ArabicChars.IsArabicWordChar(prev) && ArabicChars.IsArabicLetter(next))
            return IsArabicAbbreviation(text, i, end) ? null : "glued";
        if (IsCloser(prev) && IsWordStart(next))
            return "glued"; // «…».وأكد
        if ((ArabicChars.IsArabicWordChar(prev) || char.IsDigit(prev)) && (ArabicChars.QuoteOpeners.Contains(next) || next == '('))
            return "glued";
        return null;
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

    // «د.» «م.» after a space: a one-letter initial, unless it follows a number («2017م.» ends a sentence).
    private static bool IsInitial(ReadOnlySpan<char> text, int dot)
    {
        if (dot == 0 || !char.IsLetter(text[dot - 1]))
            return false;
        var before = dot - 2;
        return before < 0 || char.IsWhiteSpace(text[before]) || text[before] is '.' or '(' or '«';
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
    /// Balanced quotation ranges of one line: «…» nest; “…” pair; straight " pair in order.
    /// An opener that never closes on its line quotes nothing (so one stray « cannot swallow a paragraph).
    /// </summary>
    private static List<(int Start, int End)>? QuotedRanges(ReadOnlySpan<char> text, int start, int end)
    {
        List<(int, int)>? ranges = null;
        Span<int> stack = stackalloc int[16];
        var depth = 0;
        var curlyOpen = -1;
        var straightOpen = -1;
        for (var i = start; i < end; i++)
        {
            switch (text[i])
            {
                case '«':
                    if (depth < stack.Length)
                        stack[depth++] = i;
                    break;
                case '»':
                    if (depth > 0)
                    {
                        depth--;
                        if (depth == 0)
                            (ranges ??= []).Add((stack[0], i));
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
                        (ranges ??= []).Add((straightOpen, i));
                        straightOpen = -1;
                    }
                    break;
            }
        }
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
        if (end > start)
            result.Add(new Sentence(start, end, $"{Name}:{rule}"));
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
