using System.Collections.Immutable;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Entities.Lexicons;

/// <summary>
/// The tokens of one document with their <see cref="ArabicNormalizer"/> keys, in one buffer, and
/// whether each token joins the next (only spaces or tabs between them, no line break, no punctuation).
/// Built once per document by the lexicon and linking stages; not shared between threads.
/// </summary>
internal sealed class DocumentWords
{
    private readonly char[] _keys;
    private readonly int[] _keyStart;
    private readonly int[] _keyLength;
    private readonly bool[] _joinsNext;

    public DocumentWords(string body, ImmutableArray<Token> tokens)
    {
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
