using System.Collections.Frozen;
using System.Text;
using Marsad.Text;

namespace Marsad.Evaluation;

/// <summary>
/// The string comparisons of the scorer: Arabic normalisation (<see cref="ArabicNormalizer"/>), then
/// anything that is not a letter or digit becomes a space (quotation marks, hashtags, underscores),
/// spaces collapse. Containment is by whole words.
/// </summary>
public static class MatchText
{
    /// <summary>Complementisers and prepositions that open reported content (normalised), skipped when comparing quote starts.</summary>
    private static readonly FrozenSet<string> Openers = FrozenSet.ToFrozenSet(
    [
        "ان", "انه", "انها", "انهم", "انهما", "انهن", "انني", "اننا", "انك", "انكم",
        "بان", "بانه", "بانها", "بانهم", "بانهما", "باننا", "لان", "عن", "الي", "علي",
    ], StringComparer.Ordinal);

    /// <summary>Descriptor words a place name may carry or drop (normalised): «محافظة الأنبار» ~ «الأنبار».</summary>
    private static readonly FrozenSet<string> PlaceDescriptors = FrozenSet.ToFrozenSet(
    [
        "مدينه", "محافظه", "ولايه", "اقليم", "بلده", "قريه", "مديريه", "منطقه", "جزيره", "حي", "حيي", "دوله", "جمهوريه", "سلطنه", "اماره",
    ], StringComparer.Ordinal);

    /// <summary>The comparison key: normalised, punctuation to spaces, collapsed, trimmed.</summary>
    public static string Key(string text)
    {
        var normalized = ArabicNormalizer.Normalize(text);
        var sb = new StringBuilder(normalized.Length);
        var space = true;
        foreach (var c in normalized)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
                space = false;
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }
        if (sb.Length > 0 && sb[^1] == ' ')
            sb.Length--;
        return sb.ToString();
    }

    public static string[] Words(string text) => Key(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when <paramref name="needle"/>'s words occur contiguously in <paramref name="haystack"/> (both as keys).</summary>
    public static bool ContainsWords(string haystack, string needle)
    {
        var h = Key(haystack);
        var n = Key(needle);
        if (n.Length == 0 || h.Length == 0)
            return false;
        return (" " + h + " ").Contains(" " + n + " ", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether two names agree: either contains the other by words, also after removing a one-letter
    /// proclitic (ل ب و ف) from the first word («لإذاعة الجيش» names «إذاعة الجيش»).
    /// </summary>
    public static bool NamesAgree(string a, string b)
    {
        foreach (var x in NameForms(a))
        {
            foreach (var y in NameForms(b))
            {
                if (ContainsWords(x, y) || ContainsWords(y, x))
                    return true;
            }
        }
        return false;

        static IEnumerable<string> NameForms(string name)
        {
            var words = Words(name);
            if (words.Length == 0)
                yield break;
            yield return string.Join(' ', words);
            if (words[0].Length > 3 && words[0][0] is 'ل' or 'ب' or 'و' or 'ف')
                yield return string.Join(' ', [words[0][1..], .. words[1..]]);
        }
    }

    /// <summary>Words of a quote's content without the opening complementiser or preposition.</summary>
    public static string[] ContentWords(string text)
    {
        var words = Words(text);
        var skip = 0;
        while (skip < words.Length - 1 && skip < 2 && Openers.Contains(words[skip]))
            skip++;
        return words[skip..];
    }

    /// <summary>Two words are the same, allowing a conjunction و or ف glued to one of them.</summary>
    public static bool SameWord(string a, string b)
    {
        if (a == b)
            return true;
        if (a.Length == b.Length + 1 && (a[0] == 'و' || a[0] == 'ف') && a.AsSpan(1).SequenceEqual(b))
            return true;
        return b.Length == a.Length + 1 && (b[0] == 'و' || b[0] == 'ف') && b.AsSpan(1).SequenceEqual(a);
    }

    /// <summary>
    /// Whether two quote contents start alike: the first (up to) three content words of one occur
    /// contiguously among the first six of the other.
    /// </summary>
    public static bool StartsAgree(string gold, string system)
    {
        var g = ContentWords(gold);
        var s = ContentWords(system);
        return Within(g, s) || Within(s, g);

        static bool Within(string[] head, string[] body)
        {
            var k = Math.Min(3, head.Length);
            if (k == 0)
                return false;
            var limit = Math.Min(body.Length, 6);
            for (var i = 0; i + k <= limit; i++)
            {
                var all = true;
                for (var j = 0; j < k && all; j++)
                    all = SameWord(head[j], body[i + j]);
                if (all)
                    return true;
            }
            return false;
        }
    }

    /// <summary>
    /// The keys a place name can be compared by: itself; without a descriptor word («محافظة»، «مدينة» …);
    /// without a one-letter proclitic (و ب ل ف ك) on its first word.
    /// </summary>
    public static IEnumerable<string> PlaceKeys(string name)
    {
        var words = Words(name);
        if (words.Length == 0)
            yield break;
        yield return string.Join(' ', words);
        if (words[0].Length > 3 && words[0][0] is 'و' or 'ب' or 'ل' or 'ف' or 'ك')
            yield return string.Join(' ', [words[0][1..], .. words[1..]]);
        var start = 0;
        while (start < words.Length - 1 && PlaceDescriptors.Contains(words[start]))
            start++;
        if (start > 0)
            yield return string.Join(' ', words[start..]);
        if (words.Length > 2 && words[0] == "شبه" && words[1] == "جزيره")
            yield return string.Join(' ', words[2..]);
    }
}
