using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marsad.Model;

namespace Marsad.Entities.Evaluation;

/// <summary>One hand-annotated entity: its canonical name, type, the surface forms the text uses for it, and its role.</summary>
public sealed record AnnotatedEntity(
    [property: JsonPropertyName("canonical")] string Canonical,
    [property: JsonPropertyName("type")] EntityType Type,
    [property: JsonPropertyName("mentions")] ImmutableArray<string> Mentions,
    [property: JsonPropertyName("role")] string? Role = null);

/// <summary>
/// The annotation of one article (<c>tests/annotations/entities/&lt;id&gt;.json</c>): where the article is
/// (<see cref="Source"/>, a folder of <c>../shared</c>, and its record <see cref="Id"/>) and its entities.
/// </summary>
public sealed record EntityAnnotationFile(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("entities")] ImmutableArray<AnnotatedEntity> Entities)
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() }, AllowTrailingCommas = true };

    public static EntityAnnotationFile Parse(string json) =>
        JsonSerializer.Deserialize<EntityAnnotationFile>(json, Options) ?? throw new JsonException("empty annotation file");

    public static EntityAnnotationFile Load(string path) => Parse(File.ReadAllText(path));
}
