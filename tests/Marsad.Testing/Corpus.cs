using System.IO.Compression;
using System.Text.Json;

namespace Marsad.Testing;

/// <summary>Reads records of the shared JSONL corpora by id, for tests that pin real articles.</summary>
public static class Corpus
{
    /// <summary>The raw JSON line of each record whose id is in <paramref name="ids"/>, scanning the .jsonl.gz files under <paramref name="folder"/>.</summary>
    public static Dictionary<string, string> Lines(string folder, IReadOnlySet<string> ids)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SharedData.Path(folder), "*.jsonl.gz").Order(StringComparer.Ordinal))
        {
            using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var reader = new StreamReader(gz);
            while (reader.ReadLine() is { } line)
            {
                var idStart = line.IndexOf("\"id\": \"", StringComparison.Ordinal);
                if (idStart < 0)
                    continue;
                idStart += 7;
                var idEnd = line.IndexOf('"', idStart);
                var id = line[idStart..idEnd];
                if (ids.Contains(id))
                    found[id] = line;
            }
            if (found.Count == ids.Count)
                break;
        }
        return found;
    }

    /// <summary>A string field of a JSON line.</summary>
    public static string? Field(string line, string name)
    {
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.TryGetProperty(name, out var v) ? v.GetString() : null;
    }
}
