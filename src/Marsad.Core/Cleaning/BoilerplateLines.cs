using System.Text.RegularExpressions;
using Marsad.Text;

namespace Marsad.Cleaning;

/// <summary>
/// Lines that are page furniture, not article text. Matching is on the normalised line
/// (<see cref="ArabicNormalizer"/>), so spelling variants (مشاركة / مشاركه، أخرى / اخرى) meet.
/// <list type="bullet">
/// <item>picture placeholders (news-picture, صورة …);</item>
/// <item>tail starters: share, tags (سمات …), keywords, "read also", related, comments, follow us, the news-link
/// line (رابط الخبر …), "other articles by the writer", "contact the writer", opinion disclaimers and copyright
/// lines, the agency end marker (// انتهى //), separator rules (-----);</item>
/// <item>lines dropped wherever they stand: bare URLs, e-mail addresses and handles, comment counters
/// (تعليقات ()), separator rules, gallery navigation residue (Next Previous), and short "read also /
/// click here / you may like" prompts;</item>
/// <item>a closing credit line made only of agency names («فرانس24/ أ ف ب») or a reprint credit («نقلا عن …»).</item>
/// </list>
/// </summary>
public static partial class BoilerplateLines
{
    /// <summary>A picture placeholder line that scrapers leave where an image was (news-picture, صورة …).</summary>
    public static bool IsPicturePlaceholder(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        return t.Equals("news-picture", StringComparison.OrdinalIgnoreCase)
            || t.Equals("picture", StringComparison.OrdinalIgnoreCase)
            || t.Equals("image", StringComparison.OrdinalIgnoreCase)
            || t.Equals("[image]", StringComparison.OrdinalIgnoreCase)
            || (t.EndsWith("-picture", StringComparison.OrdinalIgnoreCase) && t.Length < 40 && !t.Contains(' '));
    }

    /// <summary>
    /// A line that starts the page's tail: share, tags, keywords, "read also", comments, follow us,
    /// news-link and contact lines, disclaimers, end markers, separator rules.
    /// Everything from such a line to the end of the page is dropped when it stays short.
    /// </summary>
    public static bool IsTailStarter(string line)
    {
        var t = line.Trim();
        if (t.Length == 0 || t.Length > 400)
            return false;
        if (IsSeparator(t))
            return true;
        var n = ArabicNormalizer.Normalize(t).TrimStart("*•·-–— ");
        try
        {
            return TailRegex().IsMatch(n);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>A line that is only a URL, an e-mail address or a social handle.</summary>
    public static bool IsLinkOnly(string line)
    {
        var t = line.Trim();
        return t.Length is > 0 and < 300 && LinkRegex().IsMatch(t);
    }

    /// <summary>
    /// A line dropped wherever it stands: a link-only line, a comment counter («تعليقات ()»), a
    /// separator rule, or a short prompt to other pages («اقرأ أيضا: …», «قد يهمك.. …», «لقراءة … انقر هنا»).
    /// </summary>
    public static bool IsFurniture(string line)
    {
        var t = line.Trim();
        if (t.Length == 0)
            return false;
        if (IsLinkOnly(t) || IsSeparator(t) || (t.Length <= 24 && GalleryNavigationLength(t + " ") == t.Length + 1))
            return true;
        // Cheap gates first (this runs on every paragraph): counters end with a bracket, prompts open with
        // one of a few letters or end with «هنا».
        if (t.Length > 200 || !(t[^1] is ')' or ']' || t[0] is 'ا' or 'أ' or 'إ' or 'ش' or 'ق' or 'ر' or 'ي' or 'ل' || t.Contains("هن", StringComparison.Ordinal)))
            return false;
        var n = ArabicNormalizer.Normalize(t);
        try
        {
            return CommentCounterRegex().IsMatch(n) || PromptRegex().IsMatch(n);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>A rule of five or more dashes, underscores, equals signs, stars or dots.</summary>
    public static bool IsSeparator(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        if (t.Length < 5)
            return false;
        foreach (var c in t)
        {
            if (c is not ('-' or '_' or '=' or '*' or '~' or '.' or '•' or '·' or '–' or '—' or ' '))
                return false;
        }
        return true;
    }

    /// <summary>A closing line that only credits agencies or outlets: «فرانس24/ أ ف ب», «(رويترز)».</summary>
    public static bool IsCreditLine(string line)
    {
        var t = line.Trim();
        if (t.Length is 0 or > 60)
            return false;
        // «* نقلا عن "الشرق الأوسط" السعودية»: a reprint credit.
        if (t.TrimStart('*', ' ').StartsWith("نقلا عن", StringComparison.Ordinal) || t.TrimStart('*', ' ').StartsWith("نقلاً عن", StringComparison.Ordinal))
            return true;
        t = t.Trim('(', ')', '[', ']', ' ', '.');
        var any = false;
        foreach (var range in t.AsSpan().SplitAny("/،,+|"))
        {
            var part = t.AsSpan()[range].Trim();
            if (part.IsEmpty)
                continue;
            if (!NewsCredits.IsCredit(part))
                return false;
            any = true;
        }
        return any;
    }

    /// <summary>
    /// Where a tag run or news-link trailer glued to the end of the last paragraph begins
    /// («… لكل 100 امرأة. سمات اصابة حبوب سرطان», «… في مأرب. رابط الخبر بصحيفة …: …»); -1 when there is none.
    /// </summary>
    public static int TrailerStart(string paragraph)
    {
        if (!paragraph.Contains("سمات", StringComparison.Ordinal) && !paragraph.Contains("رابط", StringComparison.Ordinal))
            return -1;
        try
        {
            var m = TrailerRegex().Match(paragraph);
            return m.Success ? m.Index : -1;
        }
        catch (RegexMatchTimeoutException)
        {
            return -1;
        }
    }

    /// <summary>Length of a leading gallery-navigation residue («Next Previous »), 0 when none.</summary>
    public static int GalleryNavigationLength(string line)
    {
        var m = GalleryNavigationRegex().Match(line);
        return m.Success ? m.Length : 0;
    }

    // One anchored pass over the normalised line, four kinds of tail line:
    // (1) share / tags / keywords / read-also / related / comments / follow-us labels, followed by a colon, a dash or nothing;
    // (2) lines recognised by their opening words whatever follows: the news-link line, «other articles by the writer»,
    //     contact lines (which may open with the bare e-mail glued to the text), disclaimers, copyright lines, and the
    //     site rule of BBC Arabic's closing app promotion («يمكنكم استلام/تسلم اشعارات»);
    // (3) a tag line: the label then a few words with no sentence punctuation («سمات الذهب المعادن تراجع»);
    // (4) the agency end marker: «// انتهى //», «- انتهى -», «(انتهى)», «انتهى».
    [GeneratedRegex(@"^(?:(?:(?:مشاركه|شارك(?:\s+(?:الخبر|المقال|هذا الخبر|عبر))?|المشاركه|الكلمات الداله|كلمات داله|كلمات مفتاحيه|الوسوم|وسوم|سمات|اقرا (?:ايضا|المزيد)|مواضيع ذات صله|اخبار ذات صله|مقالات ذات صله|تابعونا|تابعنا|التعليقات|اضف تعليق|اضافه تعليق|share|tags?|keywords|related|read more|follow us)(?:\s*[:：\-]|\s*$))|(?:(?:رابط (?:الخبر|المقال)|مقالات اخري(?: للكاتب)?|للتواصل مع الكاتب|(?:تويتر|twitter|البريد الالكتروني|e-?mail)\s*:|[\w.+\-]+@[\w\-]+\.[a-z]{2,}|جميع المقالات المنشوره|المقالات المنشوره تمثل|جميع الحقوق محفوظه|حقوق النشر محفوظه|يمكنكم (?:استلام|تسلم) اشعارات))|(?:(?:سمات|الوسوم|وسوم|الكلمات الداله|كلمات داله|tags)\s*[:：]?\s+[^.!?؟،,؛:]{1,150}$)|(?:[/\\\-–(\[*\s]*انتهي[/\\\-–)\]*.\s]*$))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex TailRegex();




    [GeneratedRegex(@"^(?:(?:https?://|www\.)\S+|[\w.+\-]+@[\w\-]+\.[\w.\-]+|@\w{2,30}|#\w+(?:\s+#\w+)*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex LinkRegex();

    [GeneratedRegex(@"^(?:التعليقات|تعليقات|تعليق|comments?)\s*[(\[]\s*\d*\s*[)\]]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex CommentCounterRegex();

    // Prompts to other pages: «اقرأ أيضا: …», «قد يهمك.. …», «شاهد أيضا», «لقراءة … انقر هنا», «اضغط هنا».
    [GeneratedRegex(@"^(?:اقرا (?:ايضا|المزيد)|شاهد ايضا|قد يهمك|ربما يهمك|يهمك ايضا|لمزيد من المعلومات اضغط)\b|(?:انقر|اضغط) هنا\s*[.:!]?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PromptRegex();

    // A tag run or news-link trailer after the last sentence of the last paragraph.
    [GeneratedRegex(@"(?<=[.!?؟»""”)…])\s+(?:سمات\s+[^.!?؟،,؛:]{1,150}|رابط (?:الخبر|المقال)\b.{0,300})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex TrailerRegex();

    [GeneratedRegex(@"^\s*(?:Next\s+Previous|Previous\s+Next|السابق\s+التالي|التالي\s+السابق)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex GalleryNavigationRegex();
}
