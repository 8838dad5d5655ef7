using Marsad.Events.Lexicon;

namespace Marsad.Events;

/// <summary>An actor phrase found in a sentence: token range, code parts and what kind of actor it is.</summary>
internal sealed class ActorSpan
{
    public int First;
    public int Last;
    public int Start;
    public int End;
    public string Code = "";
    public string? Country;
    public string? Sector;
    public string? Name;
    public string? Entity;
    public ActorKind? Kind;
    /// <summary>The phrase is a head agent word that takes its organisation or country from a genitive.</summary>
    public bool Head;
    public bool Person;
    /// <summary>A crowd quantifier heads it («آلاف المتظاهرين»).</summary>
    public bool CrowdHead;
    /// <summary>The country was filled from an earlier actor of the same sector («القوات» after «القوات العراقية»).</summary>
    public bool Inherited;
    /// <summary>Canonical first word of an organisation («تنظيم», «جهاز»), for anaphors such as «التنظيم».</summary>
    public string? HeadWord;

    public bool IsPlace => Kind is ActorKind.Country or ActorKind.Capital && Sector is null;

    public bool Armed =>
        Sector is "MIL" or "COP" or "SPY" or "REB" or "UAF" or "IMG" || Code.StartsWith("IMG", StringComparison.Ordinal) || Code.Contains("REB", StringComparison.Ordinal);

    public bool State => Sector is "MIL" or "COP" or "SPY" && !Code.Contains("REB", StringComparison.Ordinal) && !Code.StartsWith("IMG", StringComparison.Ordinal);

    public bool Military => Sector == "MIL" && !Code.Contains("REB", StringComparison.Ordinal);

    public bool Crowd => CrowdHead || (Kind == ActorKind.Agent && Sector is "OPP" or "CVL" or "EDU" or "LAB" or "REF");

    public bool Political =>
        !Armed && (Person || Sector is "GOV" or "LEG" or "JUD" or "MED" or "PTY" or "BUS" or "NGO" || (Sector == "IGO" && !Code.Contains("MIL", StringComparison.Ordinal)) || (Sector == "OPP" && Kind == ActorKind.Organisation));

    public EventActor ToActor(string body, string by) => new(Start, End, body[Start..End])
    {
        Code = Code,
        Country = Country,
        Sector = Sector,
        Name = Name,
        Entity = Entity,
        By = by,
    };

    public ActorSpan Clone() => (ActorSpan)MemberwiseClone();
}
