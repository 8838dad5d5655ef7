using System.Text.RegularExpressions;
using Marsad.Model;
using Marsad.Text;
using Marsad.Time;

namespace Marsad.Cleaning;

/// <summary>
/// Splits a dateline off the start of a body and keeps it: «بغداد - وكالات - كشف…» → place بغداد,
/// source وكالات, body «كشف…». Dashes may be -, –, —, -- or a spaced tatweel ـ.
/// <para>At the start of the first paragraph (<see cref="Extract"/>):</para>
/// <list type="bullet">
/// <item><c>PLACE - SOURCE - body</c> (each at most four words);</item>
/// <item><c>PLACE (SOURCE) - body</c>, <c>PLACE، COUNTRY (CNN) -- body</c>, and <c>(CNN) -- body</c> with no place;</item>
/// <item><c>PART- PART[- PART]: body</c>, the by-line opener «سبق- أبها: …», «خالد خليل- سبق: …»;</item>
/// <item><c>PLACE - body</c> when PLACE is a single word (or a known credit);</item>
/// <item><c>PLACE: body</c> is not taken (too often a speaker or a heading).</item>
/// </list>
/// <para>A first paragraph that is nothing but a dateline (<see cref="ExtractLine"/>):</para>
/// <list type="bullet">
/// <item><c>PART – PART[ – PART]</c>, each part one to four words: «عين اليوم – لندن», «الأحساء ـ عادل الدحيلان»;</item>
/// <item>the agency form with the date: «أبها 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس».</item>
/// </list>
/// A part that opens with a preposition, particle or pronoun makes the whole candidate a clause, not a
/// dateline («تمكنت – بفضل الله تعالى – عشر فرق …»).
/// Which part is the place: a part that is a known credit (<see cref="NewsCredits"/>) or is quoted
/// («…», (…)) is a source, and so is a label or time word (كتب، إعداد، متابعة، اليوم، a weekday);
/// of the other parts the place is the one with the fewest words (the first
/// on a tie, which keeps the usual «PLACE - SOURCE» order); every part that is not the place is joined
/// into the source (agency, outlet or reporter — whoever the line credits).
/// </summary>
public static partial class DatelineExtractor
{
    private static readonly System.Buffers.SearchValues<char> OpenerMarks = System.Buffers.SearchValues.Create("-–—ـ(:");
    private static readonly System.Buffers.SearchValues<char> LineMarks = System.Buffers.SearchValues.Create("-–—ـ0123456789٠١٢٣٤٥٦٧٨٩");

    /// <summary>The dateline and the offset where the body proper starts; null when the body has none.</summary>
    public static (Dateline Dateline, int BodyStart)? Extract(string body)
    {
        if (body.Length < 8)
            return null;
        // Every opener ends in a dash, a bracket or a colon within its first hundred characters; most
        // paragraphs have none there, and skip the regexes.
        if (body.AsSpan(0, Math.Min(body.Length, 100)).IndexOfAny(OpenerMarks) < 0)
            return null;
        var head = body.Length > 160 ? body[..160] : body;
        try
        {
            var m = PlaceSourceRegex().Match(head);
            if (m.Success)
            {
                // «X - Y - …» whose parts read as a clause is a parenthetical, and then «X -» is no dateline either.
                if (!IsDatelinePart(m.Groups["place"].Value) || !IsDatelinePart(m.Groups["source"].Value))
                    return null;
                return (FromParts([m.Groups["place"].Value, m.Groups["source"].Value]), m.Length);
            }
            m = PlaceParenRegex().Match(head);
            if (m.Success)
                return (new Dateline(Clean(m.Groups["place"].Value), Clean(m.Groups["source"].Value)), m.Length);
            m = SourceParenRegex().Match(head);
            if (m.Success)
                return (new Dateline(null, Clean(m.Groups["source"].Value)), m.Length);
            // «PART- PART[- PART]: body»
            var colon = head.AsSpan(0, Math.Min(head.Length, 100)).IndexOfAny(':', '：');
            if (colon > 0 && TryParts(head[..colon], 2, 3) is { } parts && parts.TrueForAll(IsDatelinePart))
            {
                var start = colon + 1;
                while (start < head.Length && char.IsWhiteSpace(head[start]))
                    start++;
                return (FromParts(parts), start);
            }
            m = PlaceOnlyRegex().Match(head);
            if (m.Success && m.Groups["place"].Length >= 2 && IsDatelinePart(m.Groups["place"].Value) && (NewsCredits.IsCredit(m.Groups["place"].Value) || CanBePlace(m.Groups["place"].Value)))
                return (FromParts([m.Groups["place"].Value]), m.Length);
        }
        catch (RegexMatchTimeoutException)
        {
        }
        return null;
    }

    /// <summary>The dateline when <paramref name="line"/> is nothing but a dateline or by-line; null otherwise.</summary>
    public static Dateline? ExtractLine(string line)
    {
        var t = line.Trim().TrimEnd(':', '：').Trim();
        // A line that ends like a sentence is text, whatever dashes it holds; a dateline line has a dash
        // between its parts or the digits of its date.
        if (t.Length is < 3 or > 90 || t[^1] is '.' or '!' or '?' or '؟' or '…' or '،' or ',' || t.AsSpan().IndexOfAny(LineMarks) < 0)
            return null;
        try
        {
            var m = AgencyDateRegex().Match(t);
            if (m.Success && IsMonthName(m.Groups["m1"].Value) && (!m.Groups["m2"].Success || IsMonthName(m.Groups["m2"].Value)))
            {
                var source = m.Groups["source"].Success ? Clean(m.Groups["source"].Value) : null;
                return new Dateline(Clean(m.Groups["place"].Value), string.IsNullOrEmpty(source) ? null : source);
            }
            if (TryParts(t, 2, 4) is { } parts)
            {
                if (!parts.TrueForAll(IsDatelinePart))
                    return null;
                var words = 0;
                foreach (var p in parts)
                    words += WordCount(p);
                if (parts.Count >= 2 && words <= 8)
                    return FromParts(parts);
            }
        }
        catch (RegexMatchTimeoutException)
        {
        }
        return null;
    }

    /// <summary>The dateline a by-line names («سبق- أبها:», «محمود وهبي ـ جدة», «الرياض - واس»); null when it is not one.</summary>
    public static Dateline? FromByline(string byline)
    {
        var t = byline.Trim();
        // «عبدالله الراجحي- سبق- جدة: تصوير مشعل الزهراني:» — the dateline is what comes before the first colon.
        var colon = t.IndexOfAny([':', '：']);
        if (colon > 0)
            t = t[..colon];
        t = t.Trim();
        if (t.Length == 0)
            return null;
        List<string>? parts;
        try
        {
            parts = TryParts(t, 1, 4);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        if (parts is null)
            return null;
        // A single part is a dateline when it is a credit («واس») or one word (a place: «الرياض:»); a lone
        // two-word part is as likely the writer's name.
        if (parts.Count == 1 && !NewsCredits.IsCredit(parts[0]) && (WordCount(parts[0]) > 1 || !CanBePlace(parts[0]) || !IsDatelinePart(parts[0])))
            return null;
        return parts.Count == 0 ? null : FromParts(parts);
    }

    /// <summary>Assigns the parts of a dateline to place and source (see the class remarks).</summary>
    internal static Dateline FromParts(IReadOnlyList<string> rawParts)
    {
        var parts = new List<string>(rawParts.Count);
        var credit = new List<bool>(rawParts.Count);
        var afterLabel = false;
        foreach (var raw in rawParts)
        {
            var trimmed = Clean(raw);
            // «الشرق الأوسط» and (CNN) are quoted credits: strip the wrapping pair only, never a bracket inside («بنغازي (ليبيا)»).
            var quoted = trimmed.Length > 1 && trimmed[0] is '«' or '(' or '"' or '“';
            var clean = quoted ? Clean(trimmed[1..].TrimEnd('»', ')', '"', '”')) : trimmed;
            if (clean.Length == 0)
                continue;
            // A label («كتب», «إعداد وترجمة») is dropped; the part after it names who wrote, a credit.
            if (LabelWords.Contains(FirstWord(clean)))
            {
                afterLabel = true;
                continue;
            }
            parts.Add(clean);
            credit.Add(quoted || afterLabel || NewsCredits.IsCredit(clean));
            afterLabel = false;
        }
        var place = -1;
        for (var i = 0; i < parts.Count; i++)
        {
            if (!credit[i] && CanBePlace(parts[i]) && (place < 0 || WordCount(parts[i]) < WordCount(parts[place])))
                place = i;
        }
        var rest = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            if (i != place)
                rest.Add(parts[i]);
        }
        return new Dateline(place < 0 ? null : parts[place], rest.Count == 0 ? null : string.Join(" - ", rest));
    }

    /// <summary>
    /// False when a would-be part reads as a clause rather than a place or a credit: it opens with a
    /// preposition, particle, pronoun or pious formula («تمكنت – بفضل الله تعالى – …», «الحدث الذي - ربما - …»)
    /// or with a conjunction and the article («والداعمون لها»).
    /// </summary>
    internal static bool IsDatelinePart(string part)
    {
        var t = part.Trim().TrimStart('«', '(', '"', '“');
        if (t.Length == 0)
            return false;
        var first = FirstWord(t);
        if (ClauseWords.Contains(first))
            return false;
        return !(first.Length > 3 && first[1] == 'ا' && first[2] == 'ل' && first[0] is 'و' or 'ف' or 'ب' or 'ك');
    }

    /// <summary>False for parts that credit or label but never place: today/yesterday, weekdays, «كتب», «إعداد», «متابعة».</summary>
    private static bool CanBePlace(string part)
    {
        var first = FirstWord(part);
        return !NonPlaceWords.Contains(first) && !LabelWords.Contains(first) && !CalendarNames.Weekdays.ContainsKey(first);
    }

    private static string FirstWord(string part)
    {
        var t = part.Trim();
        var space = t.IndexOf(' ', StringComparison.Ordinal);
        return ArabicNormalizer.Normalize(space < 0 ? t : t[..space]);
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> ClauseWords = Normalized(
    [
        "في", "من", "إلى", "الى", "عن", "مع", "عقب", "بعد", "قبل", "بفضل", "بحفظ", "ربما", "فيما", "كما", "قد", "لقد",
        "وقد", "أن", "إن", "ان", "إذ", "إذا", "اذا", "لا", "لم", "لن", "ما", "هو", "هي", "هم", "الذي", "التي", "الذين",
        "هذا", "هذه", "ذلك", "تلك", "كل", "بعض", "حتى", "منذ", "خلال", "حيث", "أي", "لكن", "ثم", "أو", "بل", "سبحانه",
        "رحمه", "رحمة", "حفظه", "عز", "تعالى", "وهو", "وهي", "بين", "عند", "نحو", "ضمن", "خصوصا", "خصوصاً", "خاصة",
        "تحديدا", "أيضا", "كذلك", "لو", "ولو", "إلا", "الا", "غير", "دون", "مثل",
    ]);

    private static readonly System.Collections.Frozen.FrozenSet<string> NonPlaceWords = Normalized(
    [
        "اليوم", "أمس", "غدا", "غداً", "الآن", "متابعات", "خاص", "مكتب", "مراسل",
    ]);

    /// <summary>By-line labels: the part after one names the writer.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> LabelWords = Normalized(
    [
        "كتب", "كتبت", "بقلم", "إعداد", "اعداد", "ترجمة", "حوار", "تقرير", "تحقيق", "تصوير", "متابعة", "عدسة", "شعر", "اختيار",
    ]);

    private static System.Collections.Frozen.FrozenSet<string> Normalized(string[] words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words)
            set.Add(ArabicNormalizer.Normalize(w));
        return System.Collections.Frozen.FrozenSet.ToFrozenSet(set, StringComparer.Ordinal);
    }

    /// <summary>
    /// The dash-separated parts of <paramref name="text"/> when there are <paramref name="min"/> to
    /// <paramref name="max"/> of them and each is a dateline part (one to four words, or a quoted name); else null.
    /// Splitting first and matching each short part keeps the regexes small.
    /// </summary>
    private static List<string>? TryParts(string text, int min, int max)
    {
        var pieces = PartSeparatorRegex().Split(text);
        if (pieces.Length < min || pieces.Length > max)
            return null;
        var parts = new List<string>(pieces.Length);
        foreach (var piece in pieces)
        {
            var c = piece.Trim();
            if (c.Length == 0 || !SinglePartRegex().IsMatch(c))
                return null;
            parts.Add(c);
        }
        return parts;
    }


    private static bool IsMonthName(string name)
    {
        var key = ArabicNormalizer.Normalize(name.Trim());
        return CalendarNames.GregorianMonths.ContainsKey(key) || CalendarNames.HijriMonths.ContainsKey(key);
    }

    private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Clean(string s) => s.Trim().TrimEnd('،', ',', ':').Trim();

    // Word: starts with a letter (not a tatweel); then letters, marks, digits (فرانس24), tatweel, apostrophes, dots (أ.ف.ب).
    private const string Word = "[" + Letters + "][" + Letters + Marks + @"\u0640\u0660-\u0669\u06F0-\u06F90-9'’.]*";
    // A word of letters only (the place of an agency dateline is glued to the day: «الدمام25 شوال …»).
    private const string LetterWord = "[" + Letters + "][" + Letters + Marks + @"\u0640'’.]*";
    // Explicit ranges rather than \p{L}: Arabic (with Persian/Urdu letters) and Latin are what datelines are
    // written in, and Unicode-category classes cost a noticeable start-up on first use.
    private const string Letters = @"\u0621-\u063F\u0641-\u064A\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FFA-Za-z\u00C0-\u024F";
    private const string Marks = @"\u064B-\u065F\u0670\u06D6-\u06ED";
    private const string Words4 = Word + @"(?:\s*[،,]?\s+" + Word + @"){0,3}";
    private const string Quoted = @"(?:«[^«»\n]{1,30}»|\([^()\n]{1,30}\)|""[^""\n]{1,30}"")";
    private const string Part = @"(?:" + Quoted + "|" + Words4 + @"(?:\s*\([^()\n]{1,30}\))?)";
    // A place is 1–3 words, optionally «، COUNTRY» (1–4 more words).
    private const string Place = @"(?<place>" + Word + @"(?:\s+" + Word + @"){0,2}(?:\s*[،,]\s*" + Word + @"(?:\s+" + Word + @"){0,3})?)";
    private const string Dash = @"\s+(?:--?|–|—|ـ+)\s+";
    // Between by-line parts the dash may be glued to a word («سبق- أبها», «الرياض-الوئام»); a tatweel must stand alone.
    // (?<!\s): a separator starts where its whitespace run starts (the leftmost match does anyway); without it a
    // long run of spaces is rescanned from each of its positions (quadratic: 50,000 spaces reached the timeout).
    private const string PartDash = @"(?<!\s)(?:\s*(?:--?|–|—)\s*|\s+ـ+\s+)";

    [GeneratedRegex(@"^\s*" + Place + Dash + @"(?<source>" + Word + @"(?:\s+" + Word + @"){0,3})" + Dash, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PlaceSourceRegex();

    [GeneratedRegex(@"^\s*" + Place + @"\s*\((?<source>[^()\n]{1,40})\)\s*(?:--?|–|—|ـ+|:)\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PlaceParenRegex();

    [GeneratedRegex(@"^\s*\((?<source>[^()\n]{1,40})\)\s*(?:--?|–|—)\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex SourceParenRegex();


    // A place alone before the dash is a single word: longer openers are too often a heading or a clause
    // («أدت اتفاقية سايكس - بيكو …»).
    [GeneratedRegex(@"^\s*(?<place>" + Word + @")" + Dash, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PlaceOnlyRegex();


    [GeneratedRegex(@"^" + Part + "$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex SinglePartRegex();

    [GeneratedRegex(PartDash, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PartSeparatorRegex();

    // «أبها 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس»: place, a date (Hijri or Gregorian month name), optionally
    // «الموافق» and the other calendar's date, then the agency.
    [GeneratedRegex(@"^(?<place>" + LetterWord + @"(?:\s+" + LetterWord + @"){0,2})\s*\d{1,2}\s+(?<m1>[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+)?)\s+\d{4}\s*(?:هـ|ه|م)?(?:\s*[،,]?\s*الموافق\s+\d{1,2}\s+(?<m2>[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+)?)\s+\d{4}\s*(?:م|هـ|ه)?)?(?:\s+(?<source>" + Word + @"(?:\s+" + Word + @"){0,2}))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex AgencyDateRegex();
}
