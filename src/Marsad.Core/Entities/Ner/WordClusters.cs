using System.IO.Compression;
using System.Text;

namespace Marsad.Entities.Ner;

/// <summary>
/// Word clusters learnt from unlabelled news (tools/ner/Marsad.NerTools <c>clusters</c>): each
/// normalised word has a coarse, a middle and a fine cluster id, and two corpus statistics: how
/// often the word occurs after the article ال (0–10, tenths; 11 = too rare to say) and its
/// frequency (⌊log₂ count⌋, 0–15). The file is Brotli-compressed UTF-8 text,
/// <c>word\tcoarse\tmiddle\tfine\tdefinite\tfrequency</c> per line, <c>#</c> comments. Words are keyed by
/// <see cref="FeatureHash.Of"/> of their normalised form, so lookups take a span and allocate nothing.
/// </summary>
public sealed class WordClusters
{
    private readonly ULongIntMap _map;

    private WordClusters(ULongIntMap map, string header)
    {
        _map = map;
        Header = header;
    }

    /// <summary>The file's first comment line (what it was learnt from, and how).</summary>
    public string Header { get; }

    public int Count => _map.Count;

    /// <summary>
    /// Packed entry of the word with this hash, or -1: bits 0–29 the cluster ids
    /// (coarse | middle &lt;&lt; 10 | fine &lt;&lt; 20), bits 30–33 the definite bucket, bits 34–37 the frequency bucket.
    /// </summary>
    public long Get(ulong normalisedWordHash) => _map.Get(normalisedWordHash);

    /// <summary>Reads the Brotli-compressed cluster file.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static WordClusters Load(Stream compressed)
    {
        string text;
        using (var brotli = new BrotliStream(compressed, CompressionMode.Decompress))
        using (var reader = new StreamReader(brotli, Encoding.UTF8))
            text = reader.ReadToEnd();
        var header = "";
        var lines = 0;
        foreach (var _ in text.AsSpan().EnumerateLines())
            lines++;
        var map = new ULongIntMap(lines);
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.IsEmpty)
                continue;
            if (line[0] == '#')
            {
                if (header.Length == 0)
                    header = line.TrimStart("# ").ToString();
                continue;
            }
            var t1 = line.IndexOf('\t');
            if (t1 <= 0)
                continue;
            long packed = 0;
            var k = 0;
            var value = 0;
            for (var i = t1 + 1; i <= line.Length; i++)
            {
                if (i == line.Length || line[i] == '\t')
                {
                    if (value > (k < 3 ? 1023 : 15) || k > 4)
                        throw new InvalidDataException($"value {value} out of range in '{line}'");
                    packed |= (long)value << (k < 3 ? 10 * k : 30 + (4 * (k - 3)));
                    k++;
                    value = 0;
                    continue;
                }
                var d = line[i] - '0';
                if (d is < 0 or > 9)
                    throw new InvalidDataException($"not a number in '{line}'");
                value = (value * 10) + d;
            }
            map.Set(FeatureHash.Of(line[..t1]), packed);
        }
        return new WordClusters(map, header);
    }

    /// <summary>Writes clusters in the format <see cref="Load"/> reads.</summary>
    public static void Write(Stream destination, string header, IEnumerable<(string Word, int Coarse, int Middle, int Fine, int Definite, int Frequency)> rows)
    {
        using var brotli = new BrotliStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(brotli, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("# " + header);
        foreach (var (w, a, b, c, d, f) in rows)
            writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{w}\t{a}\t{b}\t{c}\t{d}\t{f}"));
    }
}
