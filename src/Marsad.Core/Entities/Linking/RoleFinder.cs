using System.Text;
using Marsad.Entities.Lexicons;
using Marsad.Model;

namespace Marsad.Entities.Linking;

/// <summary>What the text says next to a person's name: a description, a title, the nationality in the description.</summary>
internal readonly record struct PersonRole(string? Role, string? Title, string? Country);

/// <summary>
/// Finds the role and title phrases next to a person mention:
/// <list type="bullet">
/// <item>title: the ranks, honorifics and religious or royal titles right before the name, from the curated titles
/// list («الفريق أول ركن», «اللواء الركن», «الشيخ»);</item>
/// <item>role: the description before that (or before the name), from its head word (a person-description head:
/// رئيس، نائب، الناطق، زعيم، القائد، وزير …) up to the title or name, reading back over definite words, nationality
/// adjectives, prepositions (باسم، في، لدى), idafa chains and the organisations and places in it, and stopping at a
/// clause verb (قال، أعلن، كشف …), a stop word or punctuation. One comma is allowed between the role and a title
/// («القائد في جهاز مكافحة الإرهاب، اللواء الركن معن السعدي»). Brackets and quotes are dropped from the text
/// («زعيم (داعش)» → «زعيم داعش»);</item>
/// <item>otherwise an appositive after the name: «أسامة النجيفي نائب رئيس الجمهورية العراقية».</item>
/// </list>
/// </summary>
internal sealed class RoleFinder(Cues cues)
{
    private const int MaxRoleWords = 12;
    private readonly Cues _cues = cues;

    public PersonRole Find(DocumentWords w, int first, int last, Func<int, EntityType?> ownerType)
    {
        string? title = null;
        var k = first - 1;
        var titleFirst = -1;
        for (var guard = 0; guard < 3 && k >= 0; guard++)
        {
            var s = TitleEndingAt(w, k);
            if (s < 0)
                break;
            titleFirst = s;
            k = s - 1;
            if (k >= 0 && !w.JoinsNext(k))
                break;
        }
        if (titleFirst >= 0)
            title = Text(w, titleFirst, first - 1);
        if (titleFirst >= 0 && k >= 0 && w.IsPunct(k, "،,"))
            k--;
        else if (titleFirst < 0 && k >= 0 && !w.JoinsNext(k) && !Cues.IsQuote(w, k))
            k = -1;

        var head = -1;
        var j = k;
        while (j >= 0 && k - j < MaxRoleWords)
        {
            if (Cues.IsQuote(w, j))
            {
                j--;
                continue;
            }
            if (!w.IsWord(j) || (j < k && !w.JoinsNext(j) && !Cues.IsQuote(w, j + 1)))
                break;
            var key = w.Key(j);
            if (Grammar.ClauseVerbs.Contains(Grammar.WithoutConjunction(key)) || ownerType(j) == EntityType.PER)
                break;
            if (_cues.IsPersonHead(key))
                head = j;
            else if (ownerType(j) is null && !BackwardRoleWord(key))
                break;
            j--;
        }
        if (head >= 0)
            return new PersonRole(Text(w, head, k), title, CountryIn(w, head, k));

        // An appositive after the name: «أسامة النجيفي نائب رئيس الجمهورية العراقية».
        var a = last + 1;
        if (w.IsPunct(a, "،,"))
            a++;
        else if (!w.JoinsNext(last))
            return new PersonRole(null, title, null);
        if (a >= w.Count || !w.IsWord(a) || !_cues.IsPersonHead(w.Key(a)) || ownerType(a) is not null)
            return new PersonRole(null, title, null);
        var end = a;
        for (var f = a + 1; f < w.Count && f - a < MaxRoleWords; f++)
        {
            if (!w.JoinsNext(f - 1) || !w.IsWord(f))
                break;
            if (ownerType(f) is EntityType.ORG or EntityType.LOC || _cues.IsRoleWord(w, f, ownerType))
                end = f;
            else
                break;
        }
        return new PersonRole(Text(w, a, end), title, CountryIn(w, a, end));
    }

    // Reading back, any word of a description but a stop word, a clause verb or a word of a personal name.
    private bool BackwardRoleWord(ReadOnlySpan<char> key)
    {
        var lex = _cues.Lexicon;
        if (Grammar.RolePrepositions.Contains(key) || lex.TryNationality(key, out _) || lex.TryHead(key, out _, out _))
            return true;
        if (lex.IsStopword(key))
            return false;
        if (Proclitics.IsDefinite(key))
            return !(Grammar.IsNisba(key) && _cues.HasNameEvidence(key) && !lex.IsCommon(key));
        return !_cues.HasNameEvidence(key) || lex.IsCommon(key);
    }

    /// <summary>The first token of the longest title that ends exactly at token <paramref name="k"/>, or -1.</summary>
    private int TitleEndingAt(DocumentWords w, int k)
    {
        for (var s = Math.Max(0, k - 4); s <= k; s++)
        {
            if (_cues.TitleEnd(w, s) == k)
                return s;
        }
        return -1;
    }

    private string? CountryIn(DocumentWords w, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            if (w.IsWord(i) && _cues.Lexicon.TryNationality(w.Key(i), out var n) && n.Country is not null)
                return n.Country;
        }
        return null;
    }

    /// <summary>The words from token <paramref name="from"/> (after its proclitics) to <paramref name="to"/>, without quotes and brackets.</summary>
    private string Text(DocumentWords w, int from, int to)
    {
        var start = w.Tokens[from].Start;
        // Drop a proclitic glued to the head: «لزعيم» → «زعيم», «والناطق» → «الناطق».
        if (_cues.Lexicon.TryHead(w.Key(from), out _, out _, out var strip) && strip > 0)
            start = w.OffsetAfterLetters(from, strip);
        var sb = new StringBuilder();
        var space = false;
        foreach (var c in w.Body.AsSpan(start, w.Tokens[to].End - start))
        {
            if (c is '«' or '»' or '"' or '(' or ')' or '“' or '”')
                continue;
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
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
