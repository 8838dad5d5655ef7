using System.Buffers;
using System.Text;
using System.Text.Json;
using Marsad.Model;
using Marsad.Output;
using Marsad.Text;

namespace Marsad.Store;

/// <summary>
/// What the archive stores of one document: the canonical JSON blob and the normalised rows the
/// queries need. Pure: builds values, touches no database.
/// </summary>
internal sealed class DocumentRows
{
    private DocumentRows(Document doc, string json)
    {
        Document = doc;
        Json = json;
    }

    public Document Document { get; }

    /// <summary>The DocumentJson object without tokens.</summary>
    public string Json { get; }

    public string? PublishedDate => Document.Article.Published?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public Dictionary<string, string> EntityKeys { get; } = new(StringComparer.Ordinal);

    public List<EntityRow> Entities { get; } = [];

    public List<EventRow> Events { get; } = [];

    public static DocumentRows Build(Document doc)
    {
        var buffer = new ArrayBufferWriter<byte>(doc.Article.Body.Length * 3);
        using (var w = new Utf8JsonWriter(buffer, DocumentJson.WriterOptions))
            DocumentJson.Write(w, doc);
        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        var rows = new DocumentRows(doc, json);
        rows.CollectEntities();
        if (!json.EndsWith("\"events\":[]}", StringComparison.Ordinal))
            rows.Events.AddRange(ParseEvents(json, rows.EntityKeys));
        return rows;
    }

    /// <summary>Normalised key for filters (<see cref="ArchiveKeys.Norm"/>).</summary>
    public static string? Norm(string? text) => ArchiveKeys.Norm(text);

    /// <summary>The archive-wide key of an entity (<see cref="ArchiveKeys.EntityKey"/>).</summary>
    public static string EntityKey(Entity e) => ArchiveKeys.EntityKey(e.LinkId, e.Type.ToString(), e.Canonical, e.Id);

    private void CollectEntities()
    {
        var byKey = new Dictionary<string, EntityRow>(StringComparer.Ordinal);
        foreach (var e in Document.Entities)
        {
            var key = EntityKey(e);
            EntityKeys[e.Id] = key;
            if (byKey.TryGetValue(key, out var row))
            {
                row.Mentions.AddRange(e.Mentions);
                row.Role ??= e.Role;
                row.Title ??= e.Title;
                continue;
            }
            row = new EntityRow(key, e) { Role = e.Role, Title = e.Title };
            row.Mentions.AddRange(e.Mentions);
            byKey[key] = row;
            Entities.Add(row);
        }
    }

    /// <summary>
    /// The events of an analysis blob, read tolerantly (the event stage lands later): <c>code</c>/<c>cameo</c>,
    /// <c>root</c> (else the code's first two digits), <c>actor</c>/<c>source</c> and <c>target</c> as a string or an object
    /// with a name and an <c>entity</c> id, <c>place</c>, <c>date</c>/<c>when</c> (string or <c>{value}</c>), <c>start</c>/<c>end</c>.
    /// </summary>
    internal static List<EventRow> ParseEvents(string json, IReadOnlyDictionary<string, string> entityKeys)
    {
        var list = new List<EventRow>();
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            return list;
        var ord = 0;
        foreach (var e in events.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object)
                continue;
            var code = Scalar(e, "code", "cameo", "cameo_code", "event_code");
            var root = Scalar(e, "root", "cameo_root") ?? (code is { Length: >= 2 } ? code[..2] : null);
            var (actor, actorRef) = Party(e, "actor", "source_actor", "actor1", "source");
            var (target, targetRef) = Party(e, "target", "target_actor", "actor2");
            var (place, _) = Party(e, "place", "location", "where");
            var date = Scalar(e, "date", "when", "time");
            if (date is null && Obj(e, "date", "when", "time") is { } dateObj)
                date = Scalar(dateObj, "value", "date");
            list.Add(new EventRow
            {
                Ordinal = ord++,
                Code = code,
                Root = root,
                Actor = actor,
                ActorKey = actorRef is not null && entityKeys.TryGetValue(actorRef, out var ak) ? ak : null,
                Target = target,
                TargetKey = targetRef is not null && entityKeys.TryGetValue(targetRef, out var tk) ? tk : null,
                Place = place,
                Date = date,
                Start = Int(e, "start", "trigger_start"),
                End = Int(e, "end", "trigger_end"),
                Json = e.GetRawText(),
            });
        }
        return list;
    }

    private static JsonElement? Obj(JsonElement e, params ReadOnlySpan<string> names)
    {
        foreach (var n in names)
        {
            if (e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Object)
                return v;
        }
        return null;
    }

    private static string? Scalar(JsonElement e, params ReadOnlySpan<string> names)
    {
        foreach (var n in names)
        {
            if (!e.TryGetProperty(n, out var v))
                continue;
            switch (v.ValueKind)
            {
                case JsonValueKind.String:
                    return v.GetString();
                case JsonValueKind.Number:
                    return v.GetRawText();
            }
        }
        return null;
    }

    private static int? Int(JsonElement e, params ReadOnlySpan<string> names)
    {
        foreach (var n in names)
        {
            if (e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i))
                return i;
        }
        return null;
    }

    /// <summary>An actor, target or place: a string, or an object with a name and an entity reference.</summary>
    private static (string? Text, string? EntityRef) Party(JsonElement e, params ReadOnlySpan<string> names)
    {
        foreach (var n in names)
        {
            if (!e.TryGetProperty(n, out var v))
                continue;
            if (v.ValueKind == JsonValueKind.String)
                return (v.GetString(), null);
            if (v.ValueKind == JsonValueKind.Object)
                return (Scalar(v, "canonical", "text", "name"), Scalar(v, "entity", "entity_id", "id"));
        }
        return (null, null);
    }

    internal sealed class EntityRow(string key, Entity entity)
    {
        public string Key { get; } = key;
        public Entity Entity { get; } = entity;
        public List<EntityMention> Mentions { get; } = [];
        public string? Role { get; set; }
        public string? Title { get; set; }
    }

    internal sealed record EventRow
    {
        public int Ordinal { get; init; }
        public string? Code { get; init; }
        public string? Root { get; init; }
        public string? Actor { get; init; }
        public string? ActorKey { get; init; }
        public string? Target { get; init; }
        public string? TargetKey { get; init; }
        public string? Place { get; init; }
        public string? Date { get; init; }
        public int? Start { get; init; }
        public int? End { get; init; }
        public required string Json { get; init; }
    }
}
