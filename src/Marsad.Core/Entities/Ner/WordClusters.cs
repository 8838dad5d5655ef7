using System.IO.Compression;
using System.Text;

namespace Marsad.Entities.Ner;

/// <summary>
/// Word clusters learnt from unlabelled news (tools/ner/Marsad.NerTools <c>clusters</c>): each
/// normalised word has a coarse, a middle and a fine cluster id. The file is Brotli-compressed
/// UTF-8 text, <c>word\tcoarse\tmiddle\tfine</c> per line, <c>#</c> comments. Words are keyed by
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

    /// <summary>Packed ids (coarse | middle &lt;&lt; 10 | fine &lt;&lt; 20) of the word with this hash, or -1.</summary>
    public int Get(ulong normalisedWordHash) => _map.Get(normalisedWordHash);

    /// <summary>Reads the Brotli-compressed cluster file.</summary>
    public static WordClusters Load(Stream compressed)
    {
        using var brotli = new BrotliStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        var header = "";
        var entries = new List<(ulong, int)>(128 * 1024);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                if (header.Length == 0)
                    header = line.TrimStart('#', ' ');
                continue;
            }
            var span = line.AsSpan();
            var t1 = span.IndexOf('\t');
            if (t1 <= 0)
                continue;
            var word = span[..t1];
            var rest = span[(t1 + 1)..];
            var packed = 0;
            for (var k = 0; k < 3; k++)
            {
                var t = rest.IndexOf('\t');
                var field = t < 0 ? rest : rest[..t];
                var id = int.Parse(field, System.Globalization.CultureInfo.InvariantCulture);
                if (id is < 0 or > 1023)
                    throw new InvalidDataException($"cluster id {id} out of range in '{line}'");
                packed |= id << (10 * k);
                rest = t < 0 ? [] : rest[(t + 1)..];
            }
            entries.Add((FeatureHash.Of(word), packed));
        }
        var map = new ULongIntMap(entries.Count);
        foreach (var (h, v) in entries)
            map.Set(h, v);
        return new WordClusters(map, header);
    }

    /// <summary>Writes clusters in the format <see cref="Load"/> reads.</summary>
    public static void Write(Stream destination, string header, IEnumerable<(string Word, int Coarse, int Middle, int Fine)> rows)
    {
        using var brotli = new BrotliStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(brotli, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("# " + header);
        foreach (var (w, a, b, c) in rows)
            writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{w}\t{a}\t{b}\t{c}"));
    }
}
