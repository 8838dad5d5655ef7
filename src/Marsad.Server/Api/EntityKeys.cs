using System.Text.Json;
using Marsad.Store;

namespace Marsad.Server.Api;

/// <summary>
/// The archive-wide key of each entity of an analysis (document-local id → key), so the article page can link
/// an entity to its entity page. The rule is the archive's own (<see cref="ArchiveKeys.EntityKey"/>).
/// </summary>
internal static class EntityKeys
{
    public static void Write(Utf8JsonWriter w, string analysisJson)
    {
        using var doc = JsonDocument.Parse(analysisJson);
        w.WriteStartObject("entity_keys");
        if (doc.RootElement.TryGetProperty("entities", out var entities) && entities.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in entities.EnumerateArray())
            {
                if (Str(e, "id") is not { } id)
                    continue;
                var key = ArchiveKeys.EntityKey(Str(e, "link_id"), Str(e, "type"), Str(e, "canonical"), id);
                w.WriteString(id, key);
            }
        }
        w.WriteEndObject();
    }

    private static string? Str(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
