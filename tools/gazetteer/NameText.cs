using System.Text;
using Marsad.Text;

namespace Marsad.Gazetteer;

/// <summary>Cleaning and keys for names taken from the sources.</summary>
internal static class NameText
{
    /// <summary>
    /// A display name fit for matching, or null: the part before a Wikipedia-style qualifier
    /// («عرفة، العراق», «X (مدينة)») with whitespace collapsed; only Arabic letters, marks and spaces
    /// (the Persian ی and ک are accepted, other Persian and Kurdish letters are not).
    /// </summary>
    public static string? CleanArabic(string name)
    {
        var cut = name.IndexOfAny(['،', ',', '(', '[', '/']);
        if (cut >= 0)
            name = name[..cut];
        var sb = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name.Trim())
        {
            if (char.IsWhiteSpace(c) || c == '_')
            {
                space = sb.Length > 0;
                continue;
            }
            if (c is '-' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u0640')
                continue;
            if (!IsAcceptedArabic(c))
                return null;
            if (space)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        if (sb.Length == 0)
            return null;
        var text = sb.ToString();
        return LetterCount(text) >= 2 ? text : null;
    }

    /// <summary>A Latin-script alias as written (ISIS, Daesh), trimmed and space-collapsed; null when it has other scripts.</summary>
    public static string? CleanLatin(string name)
    {
        var sb = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (c > '\u024F')
                return null;
            if (space)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.Length >= 2 ? sb.ToString() : null;
    }

    /// <summary>The matching key: <see cref="ArabicNormalizer"/> form with single spaces.</summary>
    public static string Key(string name)
    {
        var n = ArabicNormalizer.Normalize(name);
        return string.Join(' ', n.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static int LetterCount(string s) => s.Count(char.IsLetter);

    public static int TokenCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>A stable ASCII id part: lower-case letters and digits, other runs become one hyphen.</summary>
    public static string Slug(string english)
    {
        var sb = new StringBuilder(english.Length);
        foreach (var c in english.Normalize(NormalizationForm.FormD))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                sb.Append(c);
            else if (c is >= 'A' and <= 'Z')
                sb.Append((char)(c | 0x20));
            else if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
                continue;
            else if (sb.Length > 0 && sb[^1] != '-')
                sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }

    private static bool IsAcceptedArabic(char c) =>
        c is >= '\u0621' and <= '\u063A' or >= '\u0641' and <= '\u064A' or >= '\u064B' and <= '\u065F'
            or '\u0670' or '\u0671' or '\u06A9' or '\u06CC';
}
