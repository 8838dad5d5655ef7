using System.Collections.Immutable;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Entities.Lexicons;


/// <summary>
/// The tokens of one document with their <see cref="ArabicNormalizer"/> keys, in one buffer, and
/// whether each token joins the next (only spaces or tabs between them, no line break, no punctuation).
/// With a lexicon, it also memoises the per-word lookups the rules repeat (stop word, head, nationality,
/// title). Built once per document by the lexicon and linking stages; not shared between threads.
/// </summary>
internal sealed class DocumentWords
{
    private readonly char[] _keys;
    private readonly int[] _keyStart;
    private readonly int[] _keyLength;
    private readonly bool[] _joinsNext;
    private readonly EntityLexicon? _lex;
    // Memoised lookups the rules repeat: 0 = not computed, 1 = no, 2 = yes.
    private readonly byte[] _stopState;
    private readonly byte[] _headState;
    private readonly (Head Head, bool Definite, int Strip)[] _heads;
    private readonly byte[] _nationalityState;
    private readonly Nationality?[] _nationalities;
    private readonly int[] _titleEnd;

    public DocumentWords(string body, ImmutableArray<Token> tokens, EntityLexicon? lexicon = null)
    {
        _lex = lexicon;
        Body = body;
        Tokens = tokens.IsDefault ? [] : tokens;
        var n = Tokens.Length;
        _keyStart = new int[n];
        _keyLength = new int[n];
        _joinsNext = new bool[n];
        var buffer = new char[Math.Max(16, body.Length + 16)];
        var w = 0;
        for (var i = 0; i < n; i++)
        {
            var t = Tokens[i];
            var text = body.AsSpan(t.Start, t.End - t.Start);
            int written;
            while ((written = ArabicNormalizer.Normalize(text, buffer.AsSpan(w))) < 0)
                Array.Resize(ref buffer, buffer.Length * 2 + text.Length * ArabicNormalizer.MaxExpansion);
            _keyStart[i] = w;
            _keyLength[i] = written;
            w += written;
            if (i + 1 < n)
                _joinsNext[i] = OnlySpaces(body.AsSpan(t.End, Tokens[i + 1].Start - t.End));
        }
        _keys = buffer;
        _stopState = new byte[n];
        _headState = new byte[n];
        _heads = new (Head, bool, int)[n];
        _nationalityState = new byte[n];
        _nationalities = new Nationality?[n];
        _titleEnd = new int[n];
        Array.Fill(_titleEnd, int.MinValue);
    }

    private EntityLexicon Lex => _lex ?? throw new InvalidOperationException("DocumentWords was built without a lexicon");

    /// <summary>True when token <paramref name="i"/> is a stop word (in, the, yesterday …); name connectors (أبو، بن), heads (حي، أمين) and title words (آية) are not.</summary>
    public bool IsStop(int i)
    {
        if (_stopState[i] == 0)
            _stopState[i] = (byte)(IsWord(i) && Lex.IsStopword(Key(i)) && !Grammar.NameConnectors.Contains(Key(i)) && !TryHead(i, out _, out _)
                && !Lex.Titles.StartsAPhrase(Key(i)) ? 2 : 1);
        return _stopState[i] == 2;
    }

    /// <summary>The trigger or description head token <paramref name="i"/> is, reading off proclitics and the article (memoised).</summary>
    public bool TryHead(int i, out Head head, out bool definite, out int strip)
    {
        if (_headState[i] == 0)
        {
            if (Kind(i) == TokenKind.Arabic && Lex.TryHead(Key(i), out var h, out var d, out var s))
            {
                _heads[i] = (h, d, s);
                _headState[i] = 2;
            }
            else
            {
                _headState[i] = 1;
            }
        }
        (head, definite, strip) = _heads[i];
        return _headState[i] == 2;
    }

    public bool TryHead(int i, out Head head, out bool definite) => TryHead(i, out head, out definite, out _);

    /// <summary>The nationality adjective token <paramref name="i"/> is (العراقي، والأميركية، للسعوديين; memoised).</summary>
    public bool TryNationality(int i, out Nationality nationality)
    {
        if (_nationalityState[i] == 0)
        {
            if (Kind(i) == TokenKind.Arabic && Lex.TryNationality(Key(i), out var n))
            {
                _nationalities[i] = n;
                _nationalityState[i] = 2;
            }
            else
            {
                _nationalityState[i] = 1;
            }
        }
        nationality = _nationalities[i]!;
        return _nationalityState[i] == 2;
    }

    /// <summary>Memoised title end for <see cref="Cues.TitleEnd"/>; <paramref name="compute"/> runs once per token.</summary>
    public int TitleEnd(int i, Func<int, int> compute)
    {
        if (_titleEnd[i] == int.MinValue)
            _titleEnd[i] = compute(i);
        return _titleEnd[i];
    }

    public string Body { get; }

    public ImmutableArray<Token> Tokens { get; }

    public int Count => Tokens.Length;

    /// <summary>The normalised key of token <paramref name="i"/>.</summary>
    public ReadOnlySpan<char> Key(int i) => _keys.AsSpan(_keyStart[i], _keyLength[i]);

    /// <summary>The token's text as written.</summary>
    public ReadOnlySpan<char> Text(int i) => Body.AsSpan(Tokens[i].Start, Tokens[i].End - Tokens[i].Start);

    public TokenKind Kind(int i) => Tokens[i].Kind;

    public bool IsWord(int i) => Tokens[i].Kind is TokenKind.Arabic or TokenKind.Latin;

    /// <summary>True when token <paramref name="i"/> and the next are separated by spaces only.</summary>
    public bool JoinsNext(int i) => i >= 0 && i < _joinsNext.Length && _joinsNext[i];

    /// <summary>True when token <paramref name="i"/> is punctuation equal to one of <paramref name="chars"/>.</summary>
    public bool IsPunct(int i, string chars) =>
        i >= 0 && i < Count && Tokens[i].Kind == TokenKind.Punctuation && Tokens[i].End - Tokens[i].Start == 1 && chars.Contains(Body[Tokens[i].Start], StringComparison.Ordinal);

    /// <summary>Index of the first token that ends after <paramref name="offset"/> (the token containing it, or the next).</summary>
    public int TokenAt(int offset)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Tokens[mid].End <= offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// The offset in the body after the first <paramref name="letters"/> letters of token <paramref name="i"/>
    /// (diacritics and tatweel after them are skipped too), for a mention that starts after stripped proclitics.
    /// </summary>
    public int OffsetAfterLetters(int i, int letters)
    {
        var t = Tokens[i];
        var p = t.Start;
        var seen = 0;
        while (p < t.End && seen < letters)
        {
            if (ArabicNormalizer.Map(Body[p]) != '\0')
                seen++;
            p++;
        }
        while (p < t.End && ArabicNormalizer.Map(Body[p]) == '\0')
            p++;
        return p;
    }

    private static bool OnlySpaces(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (c is not (' ' or '\t' or '\u00A0') && !ArabicChars.IsFormatControl(c))
                return false;
        }
        return true;
    }
}
