using Marsad.Model;

namespace Marsad.Quotes;

/// <summary>
/// A claim in the text with who made it and through whom it reached the outlet.
/// <c>[Start, End)</c> is the quoted content: inside the quotation marks for a direct quote, from
/// the complementiser (أن، إن، عن) or the object to the end of the clause for an indirect one.
/// </summary>
public sealed record Quote : IAnnotation
{
    public required int Start { get; init; }
    public required int End { get; init; }
    public required string Text { get; init; }
    /// <summary><c>direct</c> (quotation marks) or <c>indirect</c> (reported speech).</summary>
    public required string Kind { get; init; }
    /// <summary>The reporting verb or noun as written (كشف، قائلاً، وأضاف → أضاف without the conjunction).</summary>
    public required string Verb { get; init; }
    public required int VerbStart { get; init; }
    public required int VerbEnd { get; init; }
    /// <summary>Entity id of the speaker, or null (unnamed sources, or no entity found).</summary>
    public string? Speaker { get; init; }
    /// <summary>The speaker as the text names it («نائب الرئيس العراقي إياد علاوي», «مصادر»), or for a carried-over speaker the earlier name.</summary>
    public string? SpeakerText { get; init; }
    public int? SpeakerStart { get; init; }
    public int? SpeakerEnd { get; init; }
    /// <summary>Entity id of the outlet or channel the claim came through (وكالة «رويترز», لـ«سكاي نيوز عربية»), or null.</summary>
    public string? Via { get; init; }
    public string? ViaText { get; init; }
    /// <summary>
    /// How the channel relates to the claim: <c>addressee</c> (the speaker told it: «لـ"سكاي نيوز"»,
    /// «في مقابلة مع …») or <c>relay</c> (it carried the claim: «نقلتها وكالة رويترز», «بحسب …»); null without a channel.
    /// </summary>
    public string? ViaKind { get; init; }
    /// <summary>The rules that produced it, e.g. <c>quote:indirect+subject</c>, <c>quote:direct+carry-over</c>.</summary>
    public required string By { get; init; }
}
