namespace Marsad.Model;

/// <summary>
/// Anything that points into <see cref="Article.Body"/>: a <c>[Start, End)</c> UTF-16 range and the
/// name of the rule or model that produced it.
/// </summary>
public interface IAnnotation
{
    int Start { get; }
    int End { get; }
    string By { get; }
}

/// <summary>A sentence of the body.</summary>
public sealed record Sentence(int Start, int End, string By) : IAnnotation;

/// <summary>What a token is made of.</summary>
public enum TokenKind
{
    /// <summary>A run of Arabic letters (and diacritics, tatweel).</summary>
    Arabic,
    /// <summary>A run of Latin (or other non-Arabic) letters.</summary>
    Latin,
    /// <summary>Digits of any family, with internal separators (3.5, 1,000, ٢٠١٧).</summary>
    Number,
    /// <summary>Punctuation: quotes, brackets, stops, commas.</summary>
    Punctuation,
    /// <summary>Anything else: symbols, emoji.</summary>
    Symbol,
}

/// <summary>
/// A token of the body. <see cref="StemStart"/> is where the word stem begins after the
/// proclitics (و ف ب ك ل ال لل لـ) that the segmenter split off; equal to <see cref="Start"/> when none.
/// </summary>
public sealed record Token(int Start, int End, TokenKind Kind, int StemStart, string By) : IAnnotation
{
    /// <summary>The proclitic sub-token spans, outermost first (و، ب، ال …); empty when none.</summary>
    public IReadOnlyList<Clitic> Proclitics { get; init; } = [];
}

/// <summary>One proclitic inside a token: its span and its canonical form (و، ف، ب، ك، ل، ال).</summary>
public sealed record Clitic(int Start, int End, string Form);
