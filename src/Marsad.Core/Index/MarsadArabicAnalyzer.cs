using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using Marsad.Text;
using ArabicNormalizer = Marsad.Text.ArabicNormalizer;

namespace Marsad.Index;

/// <summary>
/// The search analyser built on Marsad's own text core: Lucene's standard tokenizer (Unicode word
/// boundaries), then <see cref="ArabicNormalizer"/> (the same normalisation every other stage uses),
/// a short stop-word list, <see cref="CliticSegmenter"/> (the article and the clitics chained to it:
/// وال، بال، لل …) and <see cref="ArabicLightStemmer"/> (one inflectional suffix).
/// The order matters: the stop words are normalised, so normalisation goes first.
/// </summary>
public sealed class MarsadArabicAnalyzer : Analyzer
{
    public const string Name = "marsad";

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(SearchIndex.Version, reader);
        TokenStream stream = new MarsadNormalizationFilter(source);
        stream = new StopFilter(SearchIndex.Version, stream, StopWords);
        stream = new MarsadStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>Function words that carry no topic, normalised (written for Marsad; not a third-party list).</summary>
    internal static readonly CharArraySet StopWords = new(SearchIndex.Version,
    [
        "في", "من", "علي", "الي", "عن", "مع", "ان", "او", "ام", "ثم", "قد", "لا", "لم", "لن", "ما", "ماذا", "لماذا", "هل", "كيف", "متي", "اين",
        "هذا", "هذه", "ذلك", "تلك", "هولاء", "هناك", "هنا", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي",
        "كان", "كانت", "يكون", "تكون", "ليس", "ليست", "وهو", "وهي", "هو", "هي", "هم", "هن", "نحن", "انا", "انت",
        "و", "ف", "ب", "ل", "ك", "بين", "حتي", "منذ", "خلال", "عند", "بعد", "قبل", "حول", "لدي", "كل", "بعض", "غير", "اي",
        "الا", "اذا", "لكن", "بل", "كما", "ايضا", "فيه", "فيها", "منه", "منها", "عليه", "عليها", "اليه", "له", "لها", "به", "بها",
        "وفي", "ومن", "وعلي", "والي", "وعن", "وان", "فان", "بان", "لان", "انه", "انها", "الذى", "التى",
    ], ignoreCase: true);
}

/// <summary>Lucene's own Arabic analyser (normalisation, its light stemmer, its stop words), for comparison and as an option.</summary>
public static class LuceneArabic
{
    public const string Name = "lucene";

    public static Analyzer Create() => new ArabicAnalyzer(SearchIndex.Version);
}

/// <summary>Applies <see cref="ArabicNormalizer"/> to each term (Latin letters lower-cased, digits to ASCII).</summary>
internal sealed class MarsadNormalizationFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public MarsadNormalizationFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            var length = _term.Length;
            if (length > 256)
                continue; // not a word: a run of letters this long is noise and would bloat the index
            Span<char> scratch = stackalloc char[length * 2 + 8];
            var written = ArabicNormalizer.Normalize(_term.Buffer.AsSpan(0, length), scratch);
            if (written < 0)
            {
                var s = ArabicNormalizer.Normalize(new string(_term.Buffer, 0, length));
                _term.SetEmpty().Append(s);
            }
            else if (written == 0)
            {
                continue;
            }
            else
            {
                var buffer = _term.ResizeBuffer(written);
                scratch[..written].CopyTo(buffer);
                _term.Length = written;
            }
            return true;
        }
        return false;
    }
}

/// <summary>Strips the proclitics the segmenter is sure of, then one suffix (<see cref="ArabicLightStemmer"/>).</summary>
internal sealed class MarsadStemFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public MarsadStemFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        var word = _term.Buffer.AsSpan(0, _term.Length);
        if (word.Length == 0 || !ArabicChars.IsArabicLetter(word[0]))
            return true;
        var stem = ArabicLightStemmer.Stem(word);
        if (stem.Length != word.Length)
        {
            // The stem is a slice of the term buffer: move it to the front (CopyTo handles the overlap).
            stem.CopyTo(_term.Buffer.AsSpan(0, stem.Length));
            _term.Length = stem.Length;
        }
        return true;
    }
}

/// <summary>
/// Light stemming of a normalised Arabic word: the proclitics <see cref="CliticSegmenter"/> finds
/// (article chains, لل), then the longest of a few inflectional suffixes (plural, dual, feminine,
/// nisba, possessive pronouns) while at least three letters remain.
/// «والحكومات» → حكوم; «العراقيين» → عراق; «لبنان» → لبن (as Lucene's stemmer does: both sides of the
/// index conflate the same way, so retrieval is unaffected).
/// </summary>
public static class ArabicLightStemmer
{
    private static readonly string[] Suffixes = ["هما", "كما", "تين", "يين", "ات", "ون", "ين", "ان", "ها", "هم", "هن", "كم", "نا", "يه", "ه", "ي"];

    /// <summary>The stem of a normalised word (a slice of it).</summary>
    public static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word)
    {
        if (word.Length <= 3)
            return word;
        var seg = CliticSegmenter.Segment(word);
        var stem = seg.Count > 0 && word.Length - seg.StemStart >= 2 ? word[seg.StemStart..] : word;
        if (stem.Length <= 3)
            return stem;
        foreach (var suffix in Suffixes)
        {
            if (stem.Length - suffix.Length >= 3 && stem.EndsWith(suffix, StringComparison.Ordinal))
                return stem[..^suffix.Length];
        }
        return stem;
    }
}
