using System.Collections.Immutable;
using Marsad.Model;

namespace Marsad.Entities.Linking;

/// <summary>
/// Resolves overlapping mentions from several recognisers into one non-overlapping set. The rule:
/// <list type="number">
/// <item>Each mention gets a class from its provenance: <c>pattern:*</c> = 3 (a name with its context: a title,
/// a trigger word, quotes); <c>gazetteer:*</c> = 2 (a known name); any other recogniser (<c>ner:*</c>) = 2 when its
/// confidence is at least 0.5, else 1; <c>link:*</c> = 1.</item>
/// <item>Mentions are taken greedily by class, then length (the longer span), then lexicon over tagger (the
/// lexicon's type stands on an identical span: its context rules, e.g. a club «روما الإيطالي», are more specific than
/// a tagger's guess), then confidence, then position;
/// a mention that overlaps one already taken is dropped.</item>
/// </list>
/// So a tagger's span that contains a gazetteer name wins when the tagger is confident (its longer span names
/// the whole thing: «جامعة بغداد» over «بغداد»), a contextual pattern wins over a bare tagger span that overlaps
/// it, and on identical spans the lexicon's type and provenance are kept.
/// </summary>
internal static class MentionMerger
{
    public static List<Mention> Resolve(ImmutableArray<Mention> mentions, int bodyLength)
    {
        var valid = new List<Mention>(mentions.Length);
        foreach (var m in mentions)
        {
            if (m.Start >= 0 && m.End <= bodyLength && m.Start < m.End)
                valid.Add(m);
        }
        valid.Sort((a, b) =>
        {
            var c = Class(b).CompareTo(Class(a));
            if (c == 0)
                c = (b.End - b.Start).CompareTo(a.End - a.Start);
            if (c == 0)
                c = IsLexicon(b).CompareTo(IsLexicon(a));
            if (c == 0)
                c = b.Confidence.CompareTo(a.Confidence);
            if (c == 0)
                c = a.Start.CompareTo(b.Start);
            if (c == 0)
                c = string.CompareOrdinal(a.By, b.By);
            return c;
        });
        var taken = new List<Mention>(valid.Count);
        foreach (var m in valid)
        {
            var overlaps = false;
            foreach (var t in taken)
            {
                if (m.Start < t.End && t.Start < m.End)
                {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps)
                taken.Add(m);
        }
        taken.Sort((a, b) => a.Start.CompareTo(b.Start));
        return taken;
    }

    private static bool IsLexicon(Mention m) =>
        m.By.StartsWith("pattern:", StringComparison.Ordinal) || m.By.StartsWith("gazetteer:", StringComparison.Ordinal);

    /// <summary>The precedence class of a mention's provenance (higher wins).</summary>
    public static int Class(Mention m)
    {
        if (m.By.StartsWith("pattern:", StringComparison.Ordinal))
            return 3;
        if (m.By.StartsWith("gazetteer:", StringComparison.Ordinal))
            return 2;
        if (m.By.StartsWith("link:", StringComparison.Ordinal))
            return 1;
        return m.Confidence >= 0.5 ? 2 : 1;
    }
}
