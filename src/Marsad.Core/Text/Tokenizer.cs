using Marsad.Model;

namespace Marsad.Text;

/// <summary>A token's range and kind, before it becomes a <see cref="Token"/> record.</summary>
public readonly record struct TokenSpan(int Start, int End, TokenKind Kind)
{
    public int Length => End - Start;
}

/// <summary>
/// Splits text into word, number, punctuation and symbol tokens with offsets into the input.
/// Arabic words keep their diacritics, tatweel and joiners (so «لـ» in «لـ«سكاي» is one token);
/// numbers keep internal separators between digits (3.5, 1,000, ٢٠١٧); whitespace and invisible
/// format characters separate tokens and are never part of one.
/// </summary>
public static class Tokenizer
{
    /// <summary>Enumerates the tokens of <paramref name="text"/> without allocating.</summary>
    public static TokenEnumerator Enumerate(ReadOnlySpan<char> text) => new(text);

    /// <summary>Tokens of <c>text[start..end)</c> as records, offsets relative to <paramref name="text"/>.</summary>
    public static List<Token> Tokenize(string text, int start, int end, string by = "tokenizer")
    {
        var tokens = new List<Token>();
        foreach (var t in Enumerate(text.AsSpan(start, end - start)))
        {
            var s = start + t.Start;
            var e = start + t.End;
            if (t.Kind == TokenKind.Arabic)
            {
                var seg = CliticSegmenter.Segment(text.AsSpan(s, e - s));
                if (seg.Count > 0)
                {
                    var clitics = new Clitic[seg.Count];
                    for (var i = 0; i < seg.Count; i++)
                        clitics[i] = new Clitic(s + seg[i].Start, s + seg[i].End, seg[i].Form);
                    tokens.Add(new Token(s, e, t.Kind, s + seg.StemStart, by) { Proclitics = clitics });
                    continue;
                }
            }
            tokens.Add(new Token(s, e, t.Kind, s, by));
        }
        return tokens;
    }

    /// <summary>The token enumerator (a ref struct over the text).</summary>
    public ref struct TokenEnumerator
    {
        private readonly ReadOnlySpan<char> _text;
        private int _pos;

        internal TokenEnumerator(ReadOnlySpan<char> text)
        {
            _text = text;
            _pos = 0;
            Current = default;
        }

        public TokenSpan Current { get; private set; }

        public readonly TokenEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            var text = _text;
            var i = _pos;
            while (i < text.Length && IsSeparator(text[i]))
                i++;
            if (i >= text.Length)
            {
                _pos = i;
                return false;
            }
            var start = i;
            var c = text[i];
            TokenKind kind;
            if (ArabicChars.IsArabicLetter(c) || c == ArabicChars.Tatweel)
            {
                kind = TokenKind.Arabic;
                i++;
                while (i < text.Length && (ArabicChars.IsArabicWordChar(text[i]) || IsJoinerInside(text, i)))
                    i++;
            }
            else if (ArabicChars.DigitValue(c) >= 0 || char.IsDigit(c))
            {
                kind = TokenKind.Number;
                i++;
                while (i < text.Length)
                {
                    var d = text[i];
                    if (char.IsDigit(d))
                        i++;
                    else if (d is '.' or ',' or '\u066B' or '\u066C' && i + 1 < text.Length && char.IsDigit(text[i + 1]))
                        i += 2;
                    else
                        break;
                }
            }
            else if (char.IsLetter(c) || (char.IsSurrogate(c) && i + 1 < text.Length && IsLetterAt(text, i)))
            {
                kind = TokenKind.Latin;
                i += char.IsSurrogate(c) ? 2 : 1;
                while (i < text.Length)
                {
                    var d = text[i];
                    if (ArabicChars.IsArabicWordChar(d))
                        break;
                    if (char.IsLetterOrDigit(d) || char.GetUnicodeCategory(d) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)
                        i++;
                    else if (char.IsHighSurrogate(d) && i + 1 < text.Length && IsLetterAt(text, i))
                        i += 2;
                    else if (d is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && !ArabicChars.IsArabicLetter(text[i + 1]))
                        i += 2;
                    else
                        break;
                }
            }
            else if (char.IsPunctuation(c))
            {
                kind = TokenKind.Punctuation;
                i++;
                // Runs of the same stop («..», «...», «!!») stay one token.
                if (c is '.' or '!' or '?' or '\u061F')
                {
                    while (i < text.Length && text[i] is '.' or '!' or '?' or '\u061F')
                        i++;
                }
            }
            else
            {
                kind = TokenKind.Symbol;
                i += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            }
            _pos = i;
            Current = new TokenSpan(start, i, kind);
            return true;
        }

        private static bool IsLetterAt(ReadOnlySpan<char> text, int i) =>
            System.Text.Rune.DecodeFromUtf16(text[i..], out var rune, out _) == System.Buffers.OperationStatus.Done && System.Text.Rune.IsLetter(rune);

        private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || ArabicChars.IsFormatControl(c) || char.IsControl(c);

        // ZWJ/ZWNJ (and a soft hyphen, &shy;) between two Arabic letters belong to the word.
        private static bool IsJoinerInside(ReadOnlySpan<char> text, int i) =>
            text[i] is '\u200C' or '\u200D' or '\u00AD' && i + 1 < text.Length && ArabicChars.IsArabicWordChar(text[i + 1]);
    }
}
