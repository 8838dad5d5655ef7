using System.Text;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Cleaning;

/// <summary>A cleaned body with what was split off it.</summary>
public sealed record CleanBody(string Body, Dateline? Dateline, bool HasPicture);

/// <summary>
/// Shared by every reader: turns the body lines of a page or record into the clean body.
/// Order matters:
/// <list type="number">
/// <item>placeholders and link-only lines go first;</item>
/// <item>then the tail (share/tag/news-link/contact lines, end markers, separator rules and what follows
/// them, when short), a tag run or news-link trailer glued to the last paragraph, and a closing credit line;</item>
/// <item>then comment counters, prompts to other pages and separator rules wherever they stand (after
/// the tail, which uses some of them as anchors);</item>
/// <item>then the by-line the record names (its author field) when the body opens with it;</item>
/// <item>then the dateline: a first paragraph that is nothing but a dateline, or a dateline opening
/// the first paragraph — last, so a tail line can never be mistaken for a dateline.</item>
/// </list>
/// </summary>
public static class BodyCleaner
{
    /// <summary>The tail dropped after a share/tag line may be at most this long; longer means the line was not a tail.</summary>
    private const int MaxTailChars = 800;

    /// <summary>
    /// Cleans <paramref name="lines"/> (paragraphs or raw lines; blank ones are dropped).
    /// <paramref name="byline"/> is the record's by-line (a JSONL author field): when the body opens
    /// with it, it is split off and read as the dateline (<see cref="DatelineExtractor.FromByline"/>).
    /// </summary>
    public static CleanBody Clean(IReadOnlyList<string> lines, bool extractDateline = true, string? byline = null)
    {
        var kept = new List<string>(lines.Count);
        var hasPicture = false;
        foreach (var raw in lines)
        {
            var line = TrimLine(raw);
            if (line.Length == 0)
                continue;
            if (BoilerplateLines.IsPicturePlaceholder(line))
            {
                hasPicture = true;
                continue;
            }
            if (BoilerplateLines.IsLinkOnly(line))
                continue;
            kept.Add(CollapseInnerSpace(line));
        }

        DropTail(kept);
        kept.RemoveAll(BoilerplateLines.IsFurniture);

        Dateline? dateline = null;
        if (kept.Count > 0 && BoilerplateLines.GalleryNavigationLength(kept[0]) is > 0 and var nav && nav < kept[0].Length)
            kept[0] = kept[0][nav..];
        if (IsBylineShaped(byline) && kept.Count > 0 && BylineEnd(kept[0], byline) is var end and > 0)
        {
            var rest = kept[0][end..].TrimStart(':', '：', ' ', '-', '–', '—');
            if (rest.Length == 0)
                kept.RemoveAt(0);
            else
                kept[0] = rest;
            if (extractDateline)
                dateline = DatelineExtractor.FromByline(byline);
        }
        if (extractDateline && dateline is null && kept.Count > 0)
        {
            if (kept.Count > 1 && DatelineExtractor.ExtractLine(kept[0]) is { } lineDateline)
            {
                dateline = lineDateline;
                kept.RemoveAt(0);
            }
            else if (DatelineExtractor.Extract(kept[0]) is var (d, bodyStart))
            {
                // The body left after an opener must be more than a word, or the «dateline» was the text.
                var rest = kept[0][bodyStart..].TrimStart();
                if (rest.Contains(' ', StringComparison.Ordinal))
                {
                    dateline = d;
                    kept[0] = rest;
                }
            }
        }
        return new CleanBody(string.Join('\n', kept), dateline, hasPicture);
    }

    /// <summary>Drops the page tail: from the first tail line near the end (if what follows is short), a glued trailer, a closing credit line.</summary>
    private static void DropTail(List<string> kept)
    {
        var tailFrom = -1;
        var tailChars = 0;
        for (var i = kept.Count - 1; i >= 0 && i >= kept.Count - 10; i--)
        {
            tailChars += kept[i].Length;
            if (tailChars > MaxTailChars)
                break;
            if (BoilerplateLines.IsTailStarter(kept[i]))
                tailFrom = i;
        }
        // From the first line on, the whole (short) text is tail: the page had no body.
        if (tailFrom >= 0)
            kept.RemoveRange(tailFrom, kept.Count - tailFrom);
        if (kept.Count > 1 && BoilerplateLines.IsCreditLine(kept[^1]))
            kept.RemoveAt(kept.Count - 1);
        if (kept.Count > 0 && BoilerplateLines.TrailerStart(kept[^1]) is var at and > 0)
            kept[^1] = kept[^1][..at].TrimEnd();
    }

    /// <summary>
    /// A by-line is short and is not a sentence: at most 60 characters and 8 words, not a list item, no
    /// sentence-final stop. Some author fields hold a highlight of the article instead («- هديل باسهل: من الجرم …»).
    /// </summary>
    private static bool IsBylineShaped([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? byline)
    {
        if (string.IsNullOrWhiteSpace(byline))
            return false;
        var t = byline.Trim();
        return t.Length <= 60 && t[0] is not ('-' or '–' or '*' or '•')
            && !t.TrimEnd().EndsWith('.') && t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8;
    }

    /// <summary>Trims white space and the invisible format characters scrapers leave at line edges (RLM, LRM, ZWSP, BOM).</summary>
    private static string TrimLine(string line)
    {
        var span = line.AsSpan();
        int start = 0, end = span.Length;
        while (start < end && (char.IsWhiteSpace(span[start]) || ArabicChars.IsFormatControl(span[start])))
            start++;
        while (end > start && (char.IsWhiteSpace(span[end - 1]) || ArabicChars.IsFormatControl(span[end - 1])))
            end--;
        return start == 0 && end == span.Length ? line : line[start..end];
    }

    /// <summary>
    /// Where the by-line ends when <paramref name="line"/> opens with it (whitespace, no-break spaces
    /// and the differences <see cref="ArabicNormalizer"/> removes are ignored); 0 when it does not.
    /// </summary>
    internal static int BylineEnd(string line, string byline)
    {
        var b = byline.AsSpan().Trim().TrimEnd(":： ");
        if (b.Length < 2)
            return 0;
        int i = 0, j = 0;
        while (j < b.Length)
        {
            if (i >= line.Length)
                return 0;
            var lc = line[i];
            var bc = b[j];
            if (char.IsWhiteSpace(bc) || ArabicNormalizer.Map(bc) == '\0')
            {
                j++;
                continue;
            }
            if (char.IsWhiteSpace(lc) || ArabicNormalizer.Map(lc) == '\0')
            {
                i++;
                continue;
            }
            if (ArabicNormalizer.Map(lc) != ArabicNormalizer.Map(bc))
                return 0;
            i++;
            j++;
        }
        // The by-line must end at a boundary: the end of the line, a space, a colon or a dash.
        if (i < line.Length && !(char.IsWhiteSpace(line[i]) || line[i] is ':' or '：' or '-' or '–' or '—'))
            return 0;
        return i;
    }

    /// <summary>Tabs, no-break and repeated spaces inside a line become one space; the words are untouched.</summary>
    private static string CollapseInnerSpace(string line)
    {
        var needs = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '\t' or '\u00A0' or '\u2009' or '\u202F' || (c == ' ' && i + 1 < line.Length && line[i + 1] == ' '))
            {
                needs = true;
                break;
            }
        }
        if (!needs)
            return line;
        var sb = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line)
        {
            if (c is ' ' or '\t' or '\u00A0' or '\u2009' or '\u202F')
            {
                space = true;
                continue;
            }
            if (space)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
