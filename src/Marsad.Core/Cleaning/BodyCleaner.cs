using System.Text;
using Marsad.Model;

namespace Marsad.Cleaning;

/// <summary>A cleaned body with what was split off it.</summary>
public sealed record CleanBody(string Body, Dateline? Dateline, bool HasPicture);

/// <summary>
/// Shared by every reader: turns the body lines of a page or record into the clean body.
/// Order matters: placeholders and link-only lines go first, then the tail (share/tag lines and
/// what follows them), then the dateline is split off the first paragraph, so a tail line can
/// never be mistaken for a dateline.
/// </summary>
public static class BodyCleaner
{
    /// <summary>The tail dropped after a share/tag line may be at most this long; longer means the line was not a tail.</summary>
    private const int MaxTailChars = 800;

    /// <summary>Cleans <paramref name="lines"/> (paragraphs or raw lines; blank ones are dropped).</summary>
    public static CleanBody Clean(IReadOnlyList<string> lines, bool extractDateline = true)
    {
        var kept = new List<string>(lines.Count);
        var hasPicture = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
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

        // Drop the tail: from the first share/tag line near the end, if what follows is short.
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
        if (tailFrom >= 1)
            kept.RemoveRange(tailFrom, kept.Count - tailFrom);

        Dateline? dateline = null;
        if (extractDateline && kept.Count > 0 && DatelineExtractor.Extract(kept[0]) is var (d, bodyStart))
        {
            var rest = kept[0][bodyStart..].TrimStart();
            if (rest.Length > 0)
            {
                dateline = d;
                kept[0] = rest;
            }
        }
        return new CleanBody(string.Join('\n', kept), dateline, hasPicture);
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
