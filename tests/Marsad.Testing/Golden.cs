using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Ingest;
using Marsad.Model;

namespace Marsad.Testing;

/// <summary>
/// Golden cases of ingest: <c>tests/golden/&lt;case&gt;/case.json</c> names a real input under ../shared (a file,
/// and for multi-record files the record id) and holds the expected extraction as a fingerprint — metadata,
/// body length and SHA-256, paragraph and sentence counts, sentence start offsets — never the article text.
/// Set <c>MARSAD_UPDATE_GOLDEN=1</c> to rewrite the <c>expected</c> values from the current output (then read
/// every changed value against the real article before committing).
/// </summary>
public static class Golden
{
    /// <summary>The schema tag of ingest cases; other folders under tests/golden (HTML pages) have their own.</summary>
    public const string Schema = "marsad-ingest-golden/1";

    public static string Root { get; } = Path.Combine(SharedData.RepoRoot, "tests", "golden");

    public static bool UpdateMode => Environment.GetEnvironmentVariable("MARSAD_UPDATE_GOLDEN") == "1";

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The names of the ingest cases (folders whose case.json carries <see cref="Schema"/>).</summary>
    public static IEnumerable<string> CaseNames()
    {
        if (!Directory.Exists(Root))
            yield break;
        foreach (var dir in Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(dir, "case.json");
            if (!File.Exists(file))
                continue;
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            if (doc.RootElement.TryGetProperty("schema", out var s) && s.GetString() == Schema)
                yield return Path.GetFileName(dir);
        }
    }

    public static string CaseFile(string name) => Path.Combine(Root, name, "case.json");

    /// <summary>Reads the case's input the way <c>marsad analyze</c> does and returns the article it names.</summary>
    public static Article ReadInput(JsonNode input)
    {
        var path = SharedData.Path(input["path"]!.GetValue<string>());
        var record = input["record"]?.GetValue<string>();
        // A record of a JSONL corpus: only its line is read (the reader handles each line on its own, so the
        // article is the same as in a full read, at a fraction of the cost).
        var results = record is not null && path.EndsWith(".jsonl.gz", StringComparison.Ordinal) && RecordLine(path, record) is { } line
            ? new ArticleReader().ReadStream(new MemoryStream(Encoding.UTF8.GetBytes(line + "\n")), path, path[..^3]).ToList()
            : new ArticleReader().ReadPath(path).ToList();
        var ok = results.OfType<ReadResult.Ok>().Select(r => r.Article)
            .Where(a => record is null || a.Source.EndsWith("#" + record, StringComparison.Ordinal)).ToList();
        if (ok.Count != 1)
            throw new InvalidOperationException($"{path}{(record is null ? "" : "#" + record)}: expected one article, got {ok.Count}");
        return ok[0];
    }

    private static string? RecordLine(string gzPath, string id)
    {
        var needle = $"\"id\": \"{id}\"";
        using var gz = new System.IO.Compression.GZipStream(File.OpenRead(gzPath), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains(needle, StringComparison.Ordinal))
                return line;
        }
        return null;
    }

    /// <summary>The fingerprint of an analysed article: everything the golden file pins, no article text beyond the metadata.</summary>
    public static JsonObject Fingerprint(Document doc)
    {
        var a = doc.Article;
        var body = a.Body;
        return new JsonObject
        {
            ["format"] = a.Format,
            ["title"] = a.Title,
            ["section"] = a.Section,
            ["published"] = a.Published?.ToString(),
            ["calendar"] = a.Published?.Calendar,
            ["dateline"] = a.Dateline is { } d ? new JsonObject { ["place"] = d.Place, ["source"] = d.Source } : null,
            ["counters"] = new JsonArray([.. a.Counters.Select(c => (JsonNode)c)]),
            ["url"] = a.Url,
            ["author"] = a.Author,
            ["has_picture"] = a.HasPicture,
            ["language"] = a.Language,
            ["body_length"] = body.Length,
            ["body_sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))),
            ["paragraphs"] = body.Split('\n').Length,
            ["sentences"] = doc.Sentences.Length,
            ["sentence_starts"] = new JsonArray([.. doc.Sentences.Select(s => (JsonNode)s.Start)]),
        };
    }

    /// <summary>Writes <paramref name="node"/> back to the case file (update mode).</summary>
    public static void Write(string name, JsonNode node) =>
        File.WriteAllText(CaseFile(name), node.ToJsonString(JsonOptions) + "\n", new UTF8Encoding(false));
}
