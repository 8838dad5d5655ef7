using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Marsad.Evaluation;

/// <summary>
/// Reads annotation files. Two shapes are accepted: the dev-set files (<c>source</c> + <c>id</c>, times
/// with <c>value</c>, <c>nth</c>) and the seed gold (<c>*.gold.json</c> beside its article, times with
/// <c>date</c> and <c>sentence</c>). Places are the <c>entities</c> of type <c>LOC</c>.
/// </summary>
public static class GoldReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };

    /// <summary>Every annotation file under <paramref name="path"/> (a file, or a directory read recursively), in ordinal order.</summary>
    public static IReadOnlyList<GoldArticle> ReadAll(string path)
    {
        if (File.Exists(path))
            return [Read(path)];
        if (!Directory.Exists(path))
            throw new DirectoryNotFoundException($"gold annotations not found: {path}");
        var list = new List<GoldArticle>();
        foreach (var file in Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Read(file) is { } gold && (gold.Quotes.Length > 0 || gold.Times.Length > 0 || gold.Places.Length > 0 || gold.Source is not null))
                list.Add(gold);
        }
        return list;
    }

    /// <summary>Reads one annotation file.</summary>
    public static GoldArticle Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path), Options);
        return Parse(doc.RootElement, path);
    }

    /// <summary>Parses an annotation object; <paramref name="path"/> names it and anchors relative sources.</summary>
    public static GoldArticle Parse(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{path}: an annotation file holds one JSON object");
        var source = Str(root, "source");
        string? published = Str(root, "published");
        if (published is null && root.TryGetProperty("article", out var article) && article.ValueKind == JsonValueKind.Object)
            published = Str(article, "published");
        return new GoldArticle
        {
            GoldPath = path,
            Source = source ?? SeedSibling(path),
            RecordId = Str(root, "id"),
            Published = published,
            Quotes = [.. Items(root, "quotes").Select(e => Quote(e, path))],
            Times = [.. Items(root, "times").Select(e => Time(e, path))],
            Places = [.. Items(root, "entities").Where(e => Str(e, "type") == "LOC").Select(Place)],
        };
    }

    /// <summary>The seed format has no source: <c>X.gold.json</c> annotates <c>X.txt</c> beside it.</summary>
    private static string? SeedSibling(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (!name.EndsWith(".gold.json", StringComparison.Ordinal))
            return null;
        var stem = name[..^".gold.json".Length];
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        var txt = System.IO.Path.Combine(dir, stem + ".txt");
        if (File.Exists(txt))
            return txt;
        return Directory.EnumerateFiles(dir, stem + ".*").Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
    }

    private static GoldQuote Quote(JsonElement e, string path) =>
        new(Required(e, "speaker", path), Required(e, "kind", path), Required(e, "starts", path))
        {
            SpeakerAlso = Strings(e, "speaker_also"),
            Verb = Str(e, "verb"),
            Nth = Int(e, "nth") ?? 1,
            Sentence = Int(e, "sentence"),
            Via = Str(e, "via"),
            CarryOver = Str(e, "speaker_by") is { } by && by.StartsWith("carry", StringComparison.Ordinal),
            Optional = Bool(e, "optional"),
        };

    private static GoldTime Time(JsonElement e, string path)
    {
        var value = Str(e, "value") ?? Str(e, "date");
        return new GoldTime(Required(e, "text", path), value)
        {
            Granularity = Str(e, "granularity") ?? "day",
            PartOfDay = Str(e, "part_of_day"),
            Nth = Int(e, "nth") ?? 1,
            Sentence = Int(e, "sentence"),
            Optional = Bool(e, "optional"),
        };
    }

    private static GoldPlace Place(JsonElement e)
    {
        var canonical = Str(e, "canonical") ?? "";
        var mentions = Strings(e, "mentions");
        return new GoldPlace(canonical)
        {
            Mentions = mentions,
            Kind = Str(e, "kind"),
            Country = Str(e, "country"),
            Lat = Num(e, "lat"),
            Lon = Num(e, "lon"),
            ToleranceKm = Num(e, "tolerance_km"),
            Within = Str(e, "within"),
        };
    }

    private static IEnumerable<JsonElement> Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object) : [];

    private static string Required(JsonElement e, string name, string path) =>
        Str(e, name) ?? throw new InvalidDataException($"{path}: an item lacks \"{name}\": {e.GetRawText()}");

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static double? Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble()
        : e.TryGetProperty(name, out v) && v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static ImmutableArray<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? [.. a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
            : [];
}
