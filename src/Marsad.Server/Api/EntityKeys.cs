using System.Text;
using System.Text.Json;
using Marsad.Text;

namespace Marsad.Server.Api;

/// <summary>
/// The archive-wide key of each entity of an analysis (document-local id → key), so the article page can link
/// an entity to its entity page. The rule is the archive's (<c>Store/DocumentRows.EntityKey</c>): the link id
/// when the linker gave one, else <c>TYPE:normalised canonical</c> (Arabic-normalised, whitespace collapsed).
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
                var key = Str(e, "link_id") is { Length: > 0 } link ? link : $"{Str(e, "type")}:{Norm(Str(e, "canonical")) ?? id}";
                w.WriteString(id, key);
            }
        }
        w.WriteEndObject();
    }

    private static string? Str(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Norm(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var n = ArabicNormalizer.Normalize(text.Trim());
        var sb = new StringBuilder(n.Length);
        var space = false;
        foreach (var c in n)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.Length == 0 ? null : sb.ToString();
    }
}
