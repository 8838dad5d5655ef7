using System.IO.Compression;
using System.Text;
using Marsad.Text;

namespace Marsad.Entities.Ner;

/// <summary>What a gazetteer entry is (a word or phrase can be several).</summary>
[Flags]
public enum GazetteerClass : uint
{
    None = 0,
    Country = 1 << 0,
    Region = 1 << 1,
    City = 1 << 2,
    Place = 1 << 3,
    FirstName = 1 << 4,
    FamilyName = 1 << 5,
    NameToken = 1 << 6,
    Person = 1 << 7,
    Organisation = 1 << 8,
    Nationality = 1 << 9,
    Title = 1 << 10,
    OrgTrigger = 1 << 11,
    LocTrigger = 1 << 12,
    PersonCue = 1 << 13,
    StopWord = 1 << 14,
    Misc = 1 << 15,
}

/// <summary>
/// The NER features' gazetteer: single words and multi-word phrases with their
/// <see cref="GazetteerClass"/>. Entries are stored as normalised text (Brotli-compressed UTF-8,
/// <c>phrase\tflags-hex</c> per line) and keyed at load time by the hash of each word's
/// clitic-stripped, normalised stem — the same key the featuriser computes for a token — so the
/// resource does not depend on the hash or on the segmenter's exact decisions.
/// </summary>
public sealed class NerGazetteer
{
    /// <summary>Longest phrase, in words, that is matched.</summary>
    public const int MaxPhraseWords = 6;

    private const uint PrefixBit = 0x8000_0000u;

    private readonly ULongIntMap _words;
    private readonly ULongIntMap _phrases; // full phrases → flags; proper prefixes → PrefixBit | flags-if-also-full

    private NerGazetteer(ULongIntMap words, ULongIntMap phrases, int entries)
    {
        _words = words;
        _phrases = phrases;
        Entries = entries;
    }

    public int Entries { get; }

    /// <summary>Flags of the single word whose stem hashes to <paramref name="stemHash"/>.</summary>
    public GazetteerClass Word(ulong stemHash) => (GazetteerClass)(uint)_words.Get(stemHash, 0);

    /// <summary>
    /// Looks up the phrase whose stems' running hash is <paramref name="phraseHash"/>:
    /// returns its flags (None if it is not a full entry) and whether longer entries continue it.
    /// </summary>
    public GazetteerClass Phrase(ulong phraseHash, out bool isPrefix)
    {
        var v = (uint)_phrases.Get(phraseHash, 0);
        isPrefix = (v & PrefixBit) != 0;
        return (GazetteerClass)(v & ~PrefixBit);
    }

    /// <summary>The running hash of a phrase: start with <see cref="FeatureHash.None"/>, add one stem hash per word.</summary>
    public static ulong Extend(ulong phraseHash, ulong stemHash) => FeatureHash.Mix(phraseHash, stemHash);

    /// <summary>
    /// Hash of a word's normalised stem: proclitics removed (<see cref="CliticSegmenter"/>), then
    /// <see cref="NerFeaturizer.NormalizeKey"/> — the key the featuriser computes for a token.
    /// <paramref name="scratch"/> must hold <see cref="NerFeaturizer.MaxTokenChars"/> characters.
    /// </summary>
    public static ulong StemHash(ReadOnlySpan<char> word, Span<char> scratch)
    {
        var stemStart = word.Length > 0 && ArabicChars.IsArabicLetter(word[0]) ? CliticSegmenter.Segment(word).StemStart : 0;
        if (word.Length > NerFeaturizer.MaxTokenChars)
            word = word[..NerFeaturizer.MaxTokenChars];
        var n = NerFeaturizer.NormalizeKey(word[Math.Min(stemStart, word.Length)..], scratch);
        return FeatureHash.Of(scratch[..n]);
    }

    /// <summary>Reads the Brotli-compressed gazetteer.</summary>
    public static NerGazetteer Load(Stream compressed)
    {
        using var brotli = new BrotliStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        var words = new Dictionary<ulong, uint>();
        var phrases = new Dictionary<ulong, uint>();
        Span<char> scratch = stackalloc char[256];
        var entries = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var tab = line.LastIndexOf('\t');
            if (tab <= 0)
                continue;
            var flags = uint.Parse(line.AsSpan(tab + 1), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            var phrase = line.AsSpan(0, tab);
            if (phrase.Length > scratch.Length / 2)
                continue;
            entries++;
            var count = 0;
            var h = FeatureHash.None;
            ulong single = 0;
            foreach (var range in phrase.Split(' '))
            {
                var w = phrase[range];
                if (w.IsEmpty)
                    continue;
                if (count > 0)
                    phrases[h] = (phrases.TryGetValue(h, out var p) ? p : 0) | PrefixBit;
                single = StemHash(w, scratch);
                h = Extend(h, single);
                count++;
                if (count > MaxPhraseWords)
                    break;
            }
            if (count == 0 || count > MaxPhraseWords)
                continue;
            if (count == 1)
                words[single] = (words.TryGetValue(single, out var f) ? f : 0) | flags;
            else
                phrases[h] = (phrases.TryGetValue(h, out var p) ? p : 0) | flags;
        }
        var wordMap = new ULongIntMap(words.Count);
        foreach (var (k, v) in words)
            wordMap.Set(k, (int)v);
        var phraseMap = new ULongIntMap(phrases.Count);
        foreach (var (k, v) in phrases)
            phraseMap.Set(k, (int)v);
        return new NerGazetteer(wordMap, phraseMap, entries);
    }

    /// <summary>Writes entries in the format <see cref="Load"/> reads.</summary>
    public static void Write(Stream destination, IEnumerable<string> headerLines, IEnumerable<(string Phrase, GazetteerClass Flags)> rows)
    {
        using var brotli = new BrotliStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(brotli, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var h in headerLines)
            writer.WriteLine("# " + h);
        foreach (var (p, f) in rows)
            writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p}\t{(uint)f:x}"));
    }
}
