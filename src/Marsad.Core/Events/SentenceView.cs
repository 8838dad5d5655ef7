using Marsad.Events.Lexicon;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Events;

/// <summary>Proclitics the event coder took off a word.</summary>
[Flags]
internal enum Pro : byte
{
    None = 0,
    /// <summary>و or ف.</summary>
    Conj = 1,
    /// <summary>ب.</summary>
    Bi = 2,
    /// <summary>ل (preposition, or the purpose/jussive particle on a verb).</summary>
    Li = 4,
    /// <summary>ك.</summary>
    Ka = 8,
    /// <summary>The future prefix س on a present verb (set by the trigger matcher).</summary>
    Sa = 16,
}

/// <summary>
/// One token of a sentence as the event coder sees it: body offsets, and three normalised views held in the
/// sentence's buffer — the whole word, the key (proclitics و ف ب ل ك taken off when the rest is a known word,
/// the article kept), and the bare key (without the article).
/// </summary>
internal struct Tok
{
    public int Start;
    public int End;
    public TokenKind Kind;
    public int NormOffset;
    public int NormLength;
    /// <summary>Characters of the normalised word before the key (the proclitics).</summary>
    public int KeySkip;
    /// <summary>True when the key starts with the article ال (the bare key skips it).</summary>
    public bool Article;
    /// <summary>True when the word is definite: the article, or ل + ال fused as لل.</summary>
    public bool Definite;
    public Pro Pro;
}

/// <summary>The tokens of one sentence with their normalised keys (see <see cref="Tok"/>).</summary>
internal sealed class SentenceView
{
    private char[] _buffer = new char[512];
    private Tok[] _toks = new Tok[64];

    public string Body { get; private set; } = "";
    public int Index { get; private set; }
    public int Start { get; private set; }
    public int End { get; private set; }
    public int Count { get; private set; }

    public ref Tok this[int i] => ref _toks[i];

    public ReadOnlySpan<char> Norm(int i) => _buffer.AsSpan(_toks[i].NormOffset, _toks[i].NormLength);

    public ReadOnlySpan<char> Key(int i) => _buffer.AsSpan(_toks[i].NormOffset + _toks[i].KeySkip, _toks[i].NormLength - _toks[i].KeySkip);

    public ReadOnlySpan<char> Bare(int i)
    {
        var key = Key(i);
        return _toks[i].Article ? key[2..] : key;
    }

    /// <summary>Body offset where the key of token <paramref name="i"/> starts (after the proclitics it dropped).</summary>
    public int KeyStart(int i)
    {
        ref var t = ref _toks[i];
        var skip = t.KeySkip;
        var p = t.Start;
        while (skip > 0 && p < t.End)
        {
            var c = Body[p++];
            if (!ArabicChars.IsDiacritic(c) && c != ArabicChars.Tatweel)
                skip--;
        }
        while (p < t.End && (ArabicChars.IsDiacritic(Body[p]) || Body[p] == ArabicChars.Tatweel))
            p++;
        return p;
    }

    /// <summary>The last token (from <paramref name="i"/> on) that starts before body offset <paramref name="end"/>.</summary>
    public int LastTokenBefore(int i, int end)
    {
        var k = i;
        while (k + 1 < Count && _toks[k + 1].Start < end)
            k++;
        return k;
    }

    public ReadOnlySpan<char> Text(int i) => Body.AsSpan(_toks[i].Start, _toks[i].End - _toks[i].Start);

    public bool IsPunct(int i) => _toks[i].Kind == TokenKind.Punctuation;

    /// <summary>Punctuation that ends a clause: ، , ؛ ; : . ! ? ؟</summary>
    public bool IsClausePunct(int i)
    {
        if (_toks[i].Kind != TokenKind.Punctuation)
            return false;
        var t = Text(i);
        return t.Length > 0 && t[0] is '،' or ',' or '؛' or ';' or ':' or '.' or '!' or '?' or '؟';
    }

    /// <summary>Quotation marks and brackets that wrap names inside a phrase («داعش»، (القاعدة)).</summary>
    public bool IsWrapper(int i)
    {
        if (_toks[i].Kind != TokenKind.Punctuation)
            return false;
        var t = Text(i);
        return t.Length > 0 && t[0] is '«' or '»' or '"' or '\'' or '(' or ')' or '“' or '”' or '[' or ']';
    }

    /// <summary>Fills the view with the tokens of <paramref name="sentence"/> from <paramref name="tokens"/> (starting at <paramref name="first"/>); returns the index after the last one used.</summary>
    public int Load(string body, int index, Sentence sentence, IReadOnlyList<Token> tokens, int first, KnownWords known)
    {
        Body = body;
        Index = index;
        Start = sentence.Start;
        End = sentence.End;
        Count = 0;
        var used = 0;
        var i = first;
        while (i < tokens.Count && tokens[i].Start < sentence.Start)
            i++;
        for (; i < tokens.Count && tokens[i].Start < sentence.End; i++)
        {
            var t = tokens[i];
            if (Count == _toks.Length)
                Array.Resize(ref _toks, _toks.Length * 2);
            var need = (t.End - t.Start) * 2 + 8;
            if (used + need > _buffer.Length)
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, used + need));
            var n = ArabicNormalizer.Normalize(body.AsSpan(t.Start, t.End - t.Start), _buffer.AsSpan(used));
            if (n < 0)
                n = 0;
            ref var tok = ref _toks[Count++];
            tok = new Tok { Start = t.Start, End = t.End, Kind = t.Kind, NormOffset = used, NormLength = n };
            if (t.Kind == TokenKind.Arabic)
            {
                SplitProclitics(ref tok, _buffer.AsSpan(used, n), known);
                tok.Definite |= tok.Article;
            }
            used += n;
        }
        return i;
    }

    /// <summary>
    /// Takes و/ف then ب/ل/ك off a word when what remains is a known word (or an article-initial word), so that
    /// «وقتل» → قتل, «بتفجير» → تفجير, «للاحتجاج» → الاحتجاج, but «وصول», «بين», «لبنان» stay whole.
    /// </summary>
    private static void SplitProclitics(ref Tok tok, ReadOnlySpan<char> w, KnownWords known)
    {
        if (known.Contains(w))
        {
            tok.Article = HasArticle(w);
            return;
        }
        var skip = 0;
        var pro = Pro.None;
        var best = -1;
        var bestPro = Pro.None;
        // Candidate splits, least stripped first.
        if (w.Length > 3 && w[0] is 'و' or 'ف')
        {
            skip = 1;
            pro = Pro.Conj;
            if (known.Contains(w[1..]))
            {
                best = 1;
                bestPro = pro;
            }
        }
        if (best < 0 && w.Length - skip > 3 && w[skip] is 'ب' or 'ل' or 'ك')
        {
            var p = pro | (w[skip] switch { 'ب' => Pro.Bi, 'ل' => Pro.Li, _ => Pro.Ka });
            var rest = w[(skip + 1)..];
            if (known.Contains(rest) || (rest.Length > 3 && rest[0] == 'ا' && rest[1] == 'ل'))
            {
                best = skip + 1;
                bestPro = p;
            }
            else if (w[skip] == 'ل' && rest.Length > 3 && rest[0] == 'ل')
            {
                // «للاحتجاج»: ل + ال fused; the key is the rest with the article dropped.
                best = skip + 2;
                bestPro = p;
                tok.Definite = true;
            }
        }
        if (best < 0 && skip == 1 && w.Length > 4 && w[1] == 'ا' && w[2] == 'ل')
        {
            best = 1; // «والقوات»
            bestPro = Pro.Conj;
        }
        if (best < 0)
        {
            tok.Article = HasArticle(w);
            return;
        }
        tok.KeySkip = best;
        tok.Pro = bestPro;
        tok.Article = HasArticle(w[best..]);
    }

    private static bool HasArticle(ReadOnlySpan<char> w) =>
        w.Length > 3 && w[0] == 'ا' && w[1] == 'ل' && !w.SequenceEqual("الله") && !w.SequenceEqual("الذي") && !w.SequenceEqual("التي") && !w.SequenceEqual("الذين");
}
