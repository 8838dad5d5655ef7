using System.Collections.Immutable;
using Marsad.Model;

namespace Marsad.Events;

/// <summary>
/// Whether the text says the event happened. Only <see cref="Asserted"/> counts as happened (GDELT export,
/// GSR detection); every other value keeps the event in the output, marked.
/// </summary>
public enum Modality
{
    /// <summary>The text states it happened or is happening (also when a source reports it).</summary>
    Asserted,
    /// <summary>Negated: «لم يهاجم»، «لن يغادر»، «نفى أن يكون …».</summary>
    Negated,
    /// <summary>Future or planned: «سيتم سحق»، «سوف»، «من المقرر»، purpose clauses «لتحريرها».</summary>
    Future,
    /// <summary>Modal, conditional or hypothetical: «قد»، «يمكن»، «ربما»، «محتمل»، «إذا»، «لو»، «في حال».</summary>
    Hypothetical,
    /// <summary>Claimed by someone the text distances itself from: «زعم»، «ادعى»، «اتهم X بـ…».</summary>
    Alleged,
    /// <summary>An earlier or generic event the text refers to, not one it reports («منذ اغتيال الحريري»).</summary>
    Background,
}

/// <summary>
/// One side of an event: a GDELT/Phoenix-style code (country ISO3 + sector + group: <c>IRQMIL</c>,
/// <c>USAMIL</c>, <c>IMGMUSISI</c>), the name as the text gives it, and the entity it links to when the
/// entity stage found one. <c>[Start, End)</c> is the actor phrase in the body.
/// </summary>
public sealed record EventActor(int Start, int End, string Text)
{
    /// <summary>The actor code, or empty when the text names an actor the dictionaries cannot type.</summary>
    public string Code { get; init; } = "";
    /// <summary>ISO 3166-1 alpha-3 of the actor's country, when known.</summary>
    public string? Country { get; init; }
    /// <summary>Sector agent: GOV, MIL, COP, SPY, REB, UAF, OPP, JUD, LEG, MED, BUS, CVL, EDU, LAB, REF, PTY, IGO, IMG, NGO.</summary>
    public string? Sector { get; init; }
    /// <summary>Canonical name (the organisation's or country's name, or the linked entity's).</summary>
    public string? Name { get; init; }
    /// <summary>Id of the linked entity of the document, when there is one.</summary>
    public string? Entity { get; init; }
    /// <summary>How the actor was found: <c>subject</c>, <c>object</c>, <c>pp:على</c>, <c>genitive</c>, <c>support-subject</c>, <c>context</c> …</summary>
    public string By { get; init; } = "";
}

/// <summary>Where the event happened: a place entity (with coordinates once geocoding provides them) or a country.</summary>
public sealed record EventPlace(int Start, int End, string Text)
{
    public string? Entity { get; init; }
    public string? Name { get; init; }
    /// <summary>ISO 3166-1 alpha-3 of the country, when known.</summary>
    public string? Country { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
}

/// <summary>Who reported the event: the speaker of the quote it sits in, the channel, and the outlet.</summary>
public sealed record EventSource
{
    public string? Speaker { get; init; }
    public string? SpeakerText { get; init; }
    public string? Via { get; init; }
    public string? ViaText { get; init; }
    /// <summary>The outlet that published the article (dateline source or URL host), when known.</summary>
    public string? Outlet { get; init; }
}

/// <summary>Another place in the same article that reports the same event (same actors, root, place and date).</summary>
public sealed record EventMention(int Start, int End, int TriggerStart, int TriggerEnd, int Sentence, string By) : IAnnotation;

/// <summary>
/// An event: who did what to whom, where and when, CAMEO-coded. <c>[Start, End)</c> is the evidence span
/// (the clause holding the trigger and its actors); <c>[TriggerStart, TriggerEnd)</c> the verb or noun.
/// </summary>
public sealed record Event : IAnnotation
{
    /// <summary>Document-local id: <c>ev1</c>, <c>ev2</c> …</summary>
    public required string Id { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public required int TriggerStart { get; init; }
    public required int TriggerEnd { get; init; }
    public required string Trigger { get; init; }
    /// <summary>Index of the sentence in <see cref="Document.Sentences"/>.</summary>
    public required int Sentence { get; init; }
    public EventActor? Actor1 { get; init; }
    public EventActor? Actor2 { get; init; }
    /// <summary>CAMEO event code (2–4 digits, leading zero kept: <c>046</c>, <c>190</c>, <c>1831</c>).</summary>
    public required string Cameo { get; init; }
    public string Root => Cameo[..2];
    /// <summary>GDELT quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</summary>
    public required int QuadClass { get; init; }
    public required double Goldstein { get; init; }
    public EventPlace? Place { get; init; }
    /// <summary>ISO 8601 date at its granularity (<c>2017-04-18</c>, <c>2017-04</c>), or null when neither the text nor the article gives one.</summary>
    public string? Date { get; init; }
    /// <summary><c>text</c> (a time expression of the sentence) or <c>published</c> (the article's date), or null.</summary>
    public string? DateSource { get; init; }
    /// <summary>The time expression the date came from, when <see cref="DateSource"/> is <c>text</c>.</summary>
    public string? DateText { get; init; }
    public EventSource? Source { get; init; }
    public required Modality Modality { get; init; }
    public required double Confidence { get; init; }
    /// <summary>The trigger pattern and the rules that filled the record: <c>event:attack-n+support:شن+a1:subject</c>.</summary>
    public required string By { get; init; }
    /// <summary>Further mentions of the same event in the article (merged by actors, root, place and date).</summary>
    public ImmutableArray<EventMention> Mentions { get; init; } = [];

    public bool Happened => Modality == Modality.Asserted;
}
