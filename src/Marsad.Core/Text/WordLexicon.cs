using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;

namespace Marsad.Text;

/// <summary>
/// Word frequencies of normalised Arabic forms (keys as <see cref="ArabicNormalizer"/> writes them).
/// The default instance is the lexicon shipped in <c>Text/Resources/ant-words.tsv.gz</c>, counted by
/// <c>tools/Marsad.Tools lexicon</c> over the ANT corpus v2.1 (Chouigui, Ben Khiroun &amp; Elayeb, AICCSA 2017);
/// it is loaded once, on first use, thread-safely. The clitic segmenter asks it whether a stem is attested
/// and how often a form is itself preceded by the article or a clitic letter (<see cref="WordCounts"/>),
/// which is computed once at load so that a segmentation costs two or three lookups.
/// </summary>
public sealed class WordLexicon
{
    /// <summary>Manifest name of the embedded lexicon.</summary>
    public const string ResourceName = "Marsad.Text.Resources.ant-words.tsv.gz";

    private static readonly Lazy<WordLexicon> Shipped = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly string[] Prefixes = ["ال", "و", "ف", "ب", "ك", "ل"];

    private readonly FrozenDictionary<string, WordCounts> _words;
    private readonly FrozenDictionary<string, WordCounts>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>A lexicon over the given counts (keys must already be normalised).</summary>
    public WordLexicon(IEnumerable<KeyValuePair<string, int>> counts)
        : this(counts.Select(kv => (kv.Key, kv.Value, 0)))
    {
    }

    /// <summary>A lexicon over (form, count, count as the first word of a sentence); forms must already be normalised.</summary>
    public WordLexicon(IEnumerable<(string Form, int Count, int SentenceInitial)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var words = new Dictionary<string, WordCounts>(StringComparer.Ordinal);
        foreach (var (form, count, initial) in counts)
            words[form] = new WordCounts { Count = count, SentenceInitial = initial };
        // How often each form is seen with a prefix written before it (الوزير، بوزير … for وزير).
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (form, counts0) in words.ToList())
        {
            for (var p = 0; p < Prefixes.Length; p++)
            {
                var prefix = Prefixes[p];
                if (form.Length <= prefix.Length || !form.StartsWith(prefix, StringComparison.Ordinal))
                    continue;
                var rest = form.AsSpan(prefix.Length);
                lookup[rest] = lookup.TryGetValue(rest, out var target) ? target.Add(p, counts0.Count) : default(WordCounts).Add(p, counts0.Count);
            }
        }
        _words = words.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The shipped ANT lexicon (loaded on first access).</summary>
    public static WordLexicon Default => Shipped.Value;

    /// <summary>An empty lexicon: every form is unattested.</summary>
    public static WordLexicon Empty { get; } = new(Array.Empty<(string, int, int)>());

    /// <summary>Number of forms (including those seen only after a prefix).</summary>
    public int Count => _words.Count;

    /// <summary>Every form of the lexicon.</summary>
    public IEnumerable<string> Forms => _words.Keys;

    /// <summary>How often the normalised form occurred in the source corpus (0 when unattested).</summary>
    public int Frequency(ReadOnlySpan<char> normalizedForm) =>
        _lookup.TryGetValue(normalizedForm, out var n) ? n.Count : 0;

    /// <summary>The counts of a normalised form and of the form with each prefix (all zero when unattested).</summary>
    public WordCounts Counts(ReadOnlySpan<char> normalizedForm) =>
        _lookup.TryGetValue(normalizedForm, out var n) ? n : default;

    /// <summary>
    /// Reads the lexicon format: UTF-8 lines <c>form TAB count [TAB sentence-initial count]</c>;
    /// lines starting with <c>#</c> are comments.
    /// </summary>
    public static WordLexicon Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var counts = new List<(string, int, int)>(150_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var rest = tab <= 0 ? [] : line.AsSpan(tab + 1);
            var tab2 = rest.IndexOf('\t');
            var initial = 0;
            if (tab <= 0
                || !int.TryParse(tab2 < 0 ? rest : rest[..tab2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                || (tab2 >= 0 && !int.TryParse(rest[(tab2 + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out initial)))
                throw new InvalidDataException($"bad lexicon line: {line}");
            counts.Add((line[..tab], n, initial));
        }
        return new WordLexicon(counts);
    }

    private static WordLexicon LoadShipped()
    {
        using var stream = typeof(WordLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return Read(reader);
    }
}

/// <summary>
/// How often a form occurred, and how often it occurred right after the article or a clitic letter
/// (<c>WithArticle</c> of وزير is the count of الوزير), and how often it opened a sentence.
/// A form seen only after a prefix has <c>Count</c> 0.
/// </summary>
public readonly record struct WordCounts
{
    public int Count { get; init; }

    /// <summary>How often the form was the first word of a sentence (وقال، وأضاف open most of theirs).</summary>
    public int SentenceInitial { get; init; }
    public int WithArticle { get; init; }
    public int WithWaw { get; init; }
    public int WithFa { get; init; }
    public int WithBa { get; init; }
    public int WithKaf { get; init; }
    public int WithLam { get; init; }

    internal WordCounts Add(int prefix, int count) => prefix switch
    {
        0 => this with { WithArticle = WithArticle + count },
        1 => this with { WithWaw = WithWaw + count },
        2 => this with { WithFa = WithFa + count },
        3 => this with { WithBa = WithBa + count },
        4 => this with { WithKaf = WithKaf + count },
        _ => this with { WithLam = WithLam + count },
    };
}
