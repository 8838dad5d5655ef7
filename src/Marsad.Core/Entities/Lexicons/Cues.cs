using Marsad.Model;

namespace Marsad.Entities.Lexicons;

/// <summary>
/// Word-level cues shared by the recogniser and the linker: titles, description words, name evidence.
/// Stateless over one <see cref="EntityLexicon"/>; thread-safe.
/// </summary>
internal sealed class Cues(EntityLexicon lex)
{
    private const string Quotes = "\"«»()“”";

    public EntityLexicon Lexicon { get; } = lex;

    /// <summary>
    /// The last token of the longest title, rank or honorific starting at <paramref name="i"/> («الفريق أول ركن»,
    /// «اللواء الركن», «الشيخ», «د.»), or -1. Political offices («الرئيس», «الوزير») are descriptions, not titles.
    /// </summary>
    public int TitleEnd(DocumentWords w, int i)
    {
        if (i < 0 || i >= w.Count || !w.IsWord(i))
            return -1;
        return w.TitleEnd(i, t => ComputeTitleEnd(w, t));
    }

    private int ComputeTitleEnd(DocumentWords w, int i)
    {
        var key = w.Key(i);
        if (key.Length > 40)
            return -1;
        Span<WordVariant> variants = stackalloc WordVariant[Proclitics.MaxVariants];
        Span<char> buffer = stackalloc char[256];
        var n = Proclitics.Variants(key, variants);
        var best = -1;
        for (var v = 0; v < n; v++)
        {
            var len = Proclitics.Write(key, variants[v], buffer);
            if (!Lexicon.Titles.StartsAPhrase(buffer[..len]))
                continue;
            var j = i;
            while (true)
            {
                if (Lexicon.Titles.TryGet(buffer[..len], out var cat) && j > best && cat != TitleCategory.Office)
                    best = j;
                if (!w.JoinsNext(j) || j + 1 >= w.Count || !w.IsWord(j + 1) || !Lexicon.Titles.IsPrefix(buffer[..len]))
                    break;
                var next = w.Key(j + 1);
                if (len + 1 + next.Length > buffer.Length)
                    break;
                buffer[len] = ' ';
                next.CopyTo(buffer[(len + 1)..]);
                len += 1 + next.Length;
                j++;
            }
        }
        // «د.» — the doctor abbreviation written with a dot.
        if (best < 0 && key.SequenceEqual("د") && w.IsPunct(i + 1, "."))
            best = i + 1;
        return best;
    }

    public bool IsTitleAt(DocumentWords w, int i) => TitleEnd(w, i) >= i;

    /// <summary>True for a head of a person description (رئيس، الناطق، لزعيم، وزير …).</summary>
    public bool IsPersonHead(ReadOnlySpan<char> key) => Lexicon.TryHead(key, out var h, out _) && h.Use == HeadUse.Person;

    /// <summary>
    /// A word that may sit inside a description between its head and the name, reading forward: prepositions
    /// (باسم، في، لدى), nationality adjectives, heads, definite words that are not name words, and an indefinite word
    /// inside an idafa chain («مكافحة الإرهاب»). <paramref name="ownerType"/> gives the type of a mention covering a token.
    /// </summary>
    public bool IsRoleWord(DocumentWords w, int j, Func<int, EntityType?> ownerType)
    {
        var key = w.Key(j);
        if (Grammar.RolePrepositions.Contains(key) || w.TryNationality(j, out _))
            return true;
        if (w.TryHead(j, out _, out _))
            return true;
        if (Proclitics.IsDefinite(key))
            return !Lexicon.IsStopword(key) && !(Grammar.IsNisba(key) && HasNameEvidence(key) && !Lexicon.IsCommon(key));
        if (Lexicon.IsStopword(key) || HasNameEvidence(key))
            return false;
        return j + 1 < w.Count && w.JoinsNext(j) && w.IsWord(j + 1)
            && (Proclitics.IsDefinite(w.Key(j + 1)) || ownerType(j + 1) is EntityType.ORG or EntityType.LOC || w.TryHead(j + 1, out _, out _));
    }

    /// <summary>True for a quote or bracket token (descriptions may hold «(داعش)»).</summary>
    public static bool IsQuote(DocumentWords w, int j) => w.IsPunct(j, Quotes);

    /// <summary>Evidence that the word belongs to personal names (name lists, Wikidata tokens seen twice, Wikipedia name tokens).</summary>
    public bool HasNameEvidence(ReadOnlySpan<char> key) =>
        Lexicon.TryNameToken(key, out var t) && ((t.Flags & (NameTokenFlags.Given | NameTokenFlags.Family)) != 0 || t.Count >= 2 || (t.Flags & NameTokenFlags.Wikipedia) != 0);

    public bool IsGivenName(ReadOnlySpan<char> key) => Lexicon.TryNameToken(key, out var t) && t.IsGiven;

    public bool IsFrequentGivenName(ReadOnlySpan<char> key) => Lexicon.TryNameToken(key, out var t) && t.IsFrequentGiven;

    /// <summary>A word no lexicon knows: likely a rare name when it follows name words (شغاتي، ماكالوزو).</summary>
    public bool IsUnknown(ReadOnlySpan<char> key) =>
        !Lexicon.IsCommon(key) && !Lexicon.TryNameToken(key, out _) && !Lexicon.TryHead(key, out _, out _) && !Lexicon.TryNationality(key, out _) && !Lexicon.Names.TryGet(key, out _);
}
