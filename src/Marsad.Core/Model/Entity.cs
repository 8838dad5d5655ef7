using System.Collections.Immutable;

namespace Marsad.Model;

/// <summary>The entity classes of the tagger (IOB2 over PERS/ORG/LOC/MISC in the corpora).</summary>
public enum EntityType
{
    /// <summary>A person.</summary>
    PER,
    /// <summary>An organisation: government body, armed group, party, company, news outlet.</summary>
    ORG,
    /// <summary>A location: country, province, city, district, base, geographic feature.</summary>
    LOC,
    /// <summary>Other named things (events, nationalities in some corpora, products).</summary>
    MISC,
}

/// <summary>
/// One span of the body that names something, as a recogniser found it (before grouping into
/// entities). <see cref="By"/> names the model or rule (<c>ner:perceptron</c>, <c>gazetteer:orgs</c>…).
/// </summary>
public sealed record Mention(int Start, int End, EntityType Type, string By, double Confidence = 1.0) : IAnnotation;

/// <summary>A mention as it appears under an entity in the output: its span, its text, its provenance.</summary>
public sealed record EntityMention(int Start, int End, string Text, string By) : IAnnotation;

/// <summary>
/// A canonical entity of one document: all mentions that refer to it (full name, partial name,
/// alias, acronym), its canonical name, and what the text says about it.
/// </summary>
public sealed record Entity
{
    /// <summary>Document-local id (<c>e1</c>, <c>e2</c> …), stable for the same input.</summary>
    public required string Id { get; init; }
    public required string Canonical { get; init; }
    public required EntityType Type { get; init; }
    /// <summary>Other names of the entity known to the linker (from curated alias lists), and surface variants seen in the text.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];
    public ImmutableArray<EntityMention> Mentions { get; init; } = [];
    /// <summary>The role or description phrase next to a person («نائب الرئيس العراقي», «الناطق باسم التحالف الدولي»).</summary>
    public string? Role { get; init; }
    /// <summary>A rank or honorific before the name («الفريق أول ركن», «اللواء الركن», «الشيخ»).</summary>
    public string? Title { get; init; }
    /// <summary>Finer kind when known: <c>country</c>, <c>city</c>, <c>province</c>, <c>air base</c>, <c>news agency</c>, <c>armed group</c> …</summary>
    public string? Kind { get; init; }
    /// <summary>ISO 3166-1 alpha-2 country the entity belongs to, when known (a place's country, a ministry's state, a nationality adjective).</summary>
    public string? Country { get; init; }
    /// <summary>Id of the gazetteer or alias-list record the entity was linked to, if any.</summary>
    public string? LinkId { get; init; }
    /// <summary>Where a place is on the map (the geocoding stage); null for entities that are not places or could not be placed.</summary>
    public Place? Place { get; init; }
}
