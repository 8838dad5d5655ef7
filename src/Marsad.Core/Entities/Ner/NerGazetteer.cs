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
/// <see cref="GazetteerClass"/>, keyed by the hash of each word's clitic-stripped, normalised stem —
/// the same key the featuriser computes for a token. The shipped file holds the keyed tables
/// (compiled by tools/ner from ../shared/data/gazetteer), so loading is a table fill.
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

    private const string Magic = "MARSAD-NER-GAZETTEER";
    private const int FormatVersion = 1;

    /// <summary>
    /// Builds the gazetteer from normalised phrases (words separated by single spaces) and their
    /// classes: each word is keyed by <see cref="StemHash"/>, each phrase by the running hash of its
    /// words' stems, and every proper prefix of a phrase is marked so matching can stop early.
    /// </summary>
    public static NerGazetteer FromEntries(IEnumerable<(string Phrase, GazetteerClass Flags)> entries)
    {
        var (words, phrases, count) = Compile(entries);
        return Create(words, phrases, count);
    }

    private static (SortedDictionary<ulong, uint> Words, SortedDictionary<ulong, uint> Phrases, int Count) Compile(IEnumerable<(string Phrase, GazetteerClass Flags)> entries)
    {
        var words = new SortedDictionary<ulong, uint>();
        var phrases = new SortedDictionary<ulong, uint>();
        Span<char> scratch = stackalloc char[NerFeaturizer.MaxTokenChars];
        var count = 0;
        foreach (var (text, cls) in entries)
        {
            var flags = (uint)cls;
            var phrase = text.AsSpan();
            var n = 0;
            var h = FeatureHash.None;
            ulong single = 0;
            foreach (var range in phrase.Split(' '))
            {
                var w = phrase[range];
                if (w.IsEmpty)
                    continue;
                if (n > 0)
                    phrases[h] = (phrases.TryGetValue(h, out var p) ? p : 0) | PrefixBit;
                single = StemHash(w, scratch);
                h = Extend(h, single);
                n++;
                if (n > MaxPhraseWords)
                    break;
            }
            if (n == 0 || n > MaxPhraseWords)
                continue;
            count++;
            if (n == 1)
                words[single] = (words.TryGetValue(single, out var f) ? f : 0) | flags;
            else
                phrases[h] = (phrases.TryGetValue(h, out var p) ? p : 0) | flags;
        }
        return (words, phrases, count);
    }

    private static NerGazetteer Create(IReadOnlyCollection<KeyValuePair<ulong, uint>> words, IReadOnlyCollection<KeyValuePair<ulong, uint>> phrases, int count)
    {
        var wordMap = new ULongIntMap(words.Count);
        foreach (var (k, v) in words)
            wordMap.Set(k, v);
        var phraseMap = new ULongIntMap(phrases.Count);
        foreach (var (k, v) in phrases)
            phraseMap.Set(k, v);
        return new NerGazetteer(wordMap, phraseMap, count);
    }

    /// <summary>
    /// Compiles <paramref name="entries"/> (see <see cref="FromEntries"/>) and writes the keyed tables,
    /// Brotli-compressed, with <paramref name="headerLines"/> (sources and attribution) in front. Keys
    /// depend on the clitic segmenter: rebuild the file when it changes (tools/ner).
    /// </summary>
    public static void Write(Stream destination, IEnumerable<string> headerLines, IEnumerable<(string Phrase, GazetteerClass Flags)> entries)
    {
        var (words, phrases, count) = Compile(entries);
        using var brotli = new BrotliStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(brotli, Encoding.UTF8);
        w.Write(Magic);
        w.Write(FormatVersion);
        var header = headerLines.ToList();
        w.Write(header.Count);
        foreach (var h in header)
            w.Write(h);
        w.Write(count);
        foreach (var table in (IReadOnlyCollection<KeyValuePair<ulong, uint>>[])[words, phrases])
        {
            w.Write(table.Count);
            foreach (var (k, v) in table)
            {
                w.Write(k);
                w.Write(v);
            }
        }
    }

    /// <summary>Reads a gazetteer written by <see cref="Write"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static NerGazetteer Load(Stream compressed)
    {
        using var brotli = new BrotliStream(compressed, CompressionMode.Decompress);
        using var buffered = new BufferedStream(brotli, 1 << 16);
        using var r = new BinaryReader(buffered, Encoding.UTF8);
        if (r.ReadString() != Magic || r.ReadInt32() != FormatVersion)
            throw new InvalidDataException("not a Marsad NER gazetteer (or another format version)");
        var headers = r.ReadInt32();
        for (var i = 0; i < headers; i++)
            r.ReadString();
        var count = r.ReadInt32();
        var maps = new ULongIntMap[2];
        for (var t = 0; t < 2; t++)
        {
            var n = r.ReadInt32();
            var bytes = r.ReadBytes(n * 12);
            if (bytes.Length != n * 12)
                throw new InvalidDataException("truncated NER gazetteer");
            maps[t] = new ULongIntMap(n);
            for (var i = 0; i < n; i++)
            {
                var row = bytes.AsSpan(i * 12, 12);
                maps[t].Set(System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(row), System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(row[8..]));
            }
        }
        return new NerGazetteer(maps[0], maps[1], count);
    }
}
