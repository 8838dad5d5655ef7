using System.IO.Compression;
using System.Text;

namespace Marsad.Entities.Lexicons;

/// <summary>Reads the compiled lexicons embedded in the assembly (Brotli-compressed TSV, built by tools/gazetteer).</summary>
internal static class LexiconData
{
    private const string Prefix = "Marsad.Entities.Data.";

    /// <summary>The rows of <paramref name="file"/> (<c>places.tsv</c> …), split on tabs; comment lines are skipped.</summary>
    public static IEnumerable<string[]> Rows(string file)
    {
        using var stream = typeof(LexiconData).Assembly.GetManifestResourceStream(Prefix + file + ".br")
            ?? throw new InvalidOperationException($"embedded lexicon {file}.br is missing; rebuild with tools/gazetteer");
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            yield return line.Split('\t');
        }
    }
}
