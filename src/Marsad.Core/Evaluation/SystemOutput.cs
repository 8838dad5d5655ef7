using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Marsad.Model;
using Marsad.Output;

namespace Marsad.Evaluation;

/// <summary>
/// What the scorer needs from an analysis, read from the output contract (<c>analyze --format json</c>)
/// rather than from the internal records, so it scores exactly what users get and keeps working as
/// stages add fields. <see cref="FromDocument"/> writes a document with <see cref="DocumentJson"/> and
/// reads it back; <see cref="FromJson"/> reads output produced elsewhere.
/// </summary>
public sealed record SystemOutput
{
    public required string Body { get; init; }
    public string? Published { get; init; }
    public ImmutableArray<(int Start, int End)> Sentences { get; init; } = [];
    public ImmutableArray<SystemQuote> Quotes { get; init; } = [];
    public ImmutableArray<SystemTime> Times { get; init; } = [];
    public ImmutableArray<SystemEntity> Entities { get; init; } = [];

    /// <summary>The entity with this document-local id, or null.</summary>
    public SystemEntity? Entity(string? id) => id is null ? null : Entities.FirstOrDefault(e => e.Id == id);

    public static SystemOutput FromDocument(Document doc)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, DocumentJson.WriterOptions))
            DocumentJson.Write(w, doc);
        using var json = JsonDocument.Parse(buffer.ToArray());
        return FromJson(json.RootElement);
    }

    public static SystemOutput FromJson(JsonElement root)
    {
        var article = root.GetProperty("article");
        return new SystemOutput
        {
            Body = article.GetProperty("body").GetString() ?? "",
            Published = Str(article, "published"),
            Sentences = [.. Items(root, "sentences").Select(s => (Int(s, "start"), Int(s, "end")))],
            Quotes = [.. Items(root, "quotes").Select(q => new SystemQuote(Int(q, "start"), Int(q, "end"), Str(q, "text") ?? "", Str(q, "kind") ?? "")
            {
                Verb = Str(q, "verb"),
                SpeakerId = Str(q, "speaker"),
                SpeakerText = Str(q, "speaker_text"),
                ViaId = Str(q, "via"),
                ViaText = Str(q, "via_text"),
            })],
            Times = [.. Items(root, "times").Select(t => new SystemTime(Int(t, "start"), Int(t, "end"), Str(t, "text") ?? "", Str(t, "value"))
            {
                Granularity = Str(t, "granularity"),
                PartOfDay = Str(t, "part_of_day"),
            })],
            Entities = [.. Items(root, "entities").Select(e => new SystemEntity(Str(e, "id") ?? "", Str(e, "canonical") ?? "", Str(e, "type") ?? "")
            {
                Aliases = [.. Items(e, "aliases", JsonValueKind.String).Select(a => a.GetString()!)],
                Mentions = [.. Items(e, "mentions").Select(m => new SystemMention(Int(m, "start"), Int(m, "end"), Str(m, "text") ?? ""))],
                Place = ReadPlace(e),
            })],
        };
    }

    /// <summary>
    /// The coordinates of an entity of the output: <c>place: {lat, lon}</c> (the geocoding contract),
    /// also accepting <c>latitude/longitude</c> and coordinates on the entity itself. Null when absent.
    /// </summary>
    public static GeoPoint? ReadPlace(JsonElement entity)
    {
        if (entity.TryGetProperty("place", out var place) && place.ValueKind == JsonValueKind.Object && Point(place) is { } p)
            return p;
        return Point(entity);

        static GeoPoint? Point(JsonElement e)
        {
            var lat = Num(e, "lat") ?? Num(e, "latitude");
            var lon = Num(e, "lon") ?? Num(e, "lng") ?? Num(e, "longitude");
            return lat is { } a && lon is { } o ? new GeoPoint(a, o) : null;
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement e, string name, JsonValueKind kind = JsonValueKind.Object) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Where(x => x.ValueKind == kind) : [];

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;

    private static double? Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble()
        : e.TryGetProperty(name, out v) && v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}

/// <summary>A system quote: content span and text, kind, speaker (entity id and/or text) and channel.</summary>
public sealed record SystemQuote(int Start, int End, string Text, string Kind)
{
    public string? Verb { get; init; }
    public string? SpeakerId { get; init; }
    public string? SpeakerText { get; init; }
    public string? ViaId { get; init; }
    public string? ViaText { get; init; }
}

/// <summary>A system time expression with its resolved value.</summary>
public sealed record SystemTime(int Start, int End, string Text, string? Value)
{
    public string? Granularity { get; init; }
    public string? PartOfDay { get; init; }
}

/// <summary>A system entity: names, mentions, and coordinates when the geocoder gave some.</summary>
public sealed record SystemEntity(string Id, string Canonical, string Type)
{
    public ImmutableArray<string> Aliases { get; init; } = [];
    public ImmutableArray<SystemMention> Mentions { get; init; } = [];
    public GeoPoint? Place { get; init; }
}

public sealed record SystemMention(int Start, int End, string Text);

/// <summary>A WGS84 point.</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle (haversine) distance in kilometres.</summary>
    public double DistanceKm(GeoPoint other)
    {
        var dLat = ToRad(other.Lat - Lat);
        var dLon = ToRad(other.Lon - Lon);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(ToRad(Lat)) * Math.Cos(ToRad(other.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double ToRad(double deg) => deg * Math.PI / 180;
}
