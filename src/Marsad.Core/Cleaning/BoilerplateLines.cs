using System.Text.RegularExpressions;
using Marsad.Text;

namespace Marsad.Cleaning;

/// <summary>
/// Lines that are page furniture, not article text: share and tag lines, picture placeholders,
/// "read also" and follow-us prompts, bare URLs and e-mail addresses. Matching is on the
/// normalised line, so spelling variants (مشاركة / مشاركه) meet.
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
    /// A line that starts the page's tail: share, tags, keywords, "read also", comments, follow us.
    /// Everything from such a line to the end of the page is dropped when it stays short.
    /// </summary>
    public static bool IsTailStarter(string line)
    {
        var t = line.Trim();
        if (t.Length == 0 || t.Length > 400)
            return false;
        return TailRegex().IsMatch(ArabicNormalizer.Normalize(t));
    }

    /// <summary>A line that is only a URL, an e-mail address or a social handle.</summary>
    public static bool IsLinkOnly(string line)
    {
        var t = line.Trim();
        return t.Length is > 0 and < 300 && LinkRegex().IsMatch(t);
    }

    [GeneratedRegex(@"^(?:مشاركه|شارك(?:\s+(?:الخبر|المقال|هذا الخبر|عبر))?|المشاركه|سمات|الكلمات الدال[هة]|كلمات (?:دال[هة]|مفتاحي[هة])|الوسوم|وسوم|اقرا (?:ايضا|المزيد)|اقرا ايضا|اقرأ أيضا|مواضيع ذات صل[هة]|اخبار ذات صل[هة]|تابعونا|تابعنا|التعليقات|اضف تعليق|اضافه تعليق|share|tags?|keywords|related|read more|follow us)(?:\s*[:：\-]|\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex TailRegex();

    [GeneratedRegex(@"^(?:(?:https?://|www\.)\S+|[\w.+\-]+@[\w\-]+\.[\w.\-]+|@\w{2,30}|#\w+(?:\s+#\w+)*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex LinkRegex();
}
