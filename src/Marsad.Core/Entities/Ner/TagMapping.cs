using System.Collections.Frozen;
using Marsad.Model;

namespace Marsad.Entities.Ner;

/// <summary>
/// Maps a corpus's tag strings onto <see cref="NerLabels"/>. The default mapping reads ANERcorp
/// (PERS/ORG/LOC/MISC) and AQMAR (PER, MIS0–MIS3 and their typos → MISC, <c>OO</c>/<c>IO</c> → O,
/// <c>I--ORG</c> → I-ORG); types it does not know become O and are counted.
/// <see cref="Fane"/> folds the FANE fine classes and <see cref="Wojood"/> the Wojood classes as
/// documented in the README.
/// </summary>
public sealed class TagMapping
{
    private readonly FrozenDictionary<string, EntityType?> _types;

    private TagMapping(string name, Dictionary<string, EntityType?> types)
    {
        Name = name;
        _types = types.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Name of the mapping (<c>default</c>, <c>fane</c>, <c>wojood</c>).</summary>
    public string Name { get; }

    /// <summary>ANERcorp and AQMAR spellings.</summary>
    public static TagMapping Default { get; } = new("default", new()
    {
        ["PER"] = EntityType.PER, ["PERS"] = EntityType.PER,
        ["ORG"] = EntityType.ORG, ["LOC"] = EntityType.LOC,
        ["MISC"] = EntityType.MISC, ["MIS"] = EntityType.MISC,
        ["MIS0"] = EntityType.MISC, ["MIS1"] = EntityType.MISC, ["MIS2"] = EntityType.MISC, ["MIS3"] = EntityType.MISC,
        ["MIS-1"] = EntityType.MISC, ["MIS-2"] = EntityType.MISC, ["MISS1"] = EntityType.MISC, ["MIS1`"] = EntityType.MISC,
        ["SPANISH"] = EntityType.MISC, ["ENGLISH"] = EntityType.MISC,
    });

    /// <summary>
    /// FANE (Alotaibi &amp; Lee 2014) fine classes: persons → PER, organisations → ORG, GPE, natural
    /// locations and facilities → LOC, products, vehicles and weapons → MISC.
    /// </summary>
    public static TagMapping Fane { get; } = new("fane", BuildFane());

    /// <summary>Wojood (first layer): PERS → PER, ORG → ORG, GPE/LOC/FAC → LOC, EVENT/PRODUCT/NORP → MISC, the rest → O.</summary>
    public static TagMapping Wojood { get; } = new("wojood", new()
    {
        ["PERS"] = EntityType.PER, ["ORG"] = EntityType.ORG, ["GPE"] = EntityType.LOC, ["LOC"] = EntityType.LOC,
        ["FAC"] = EntityType.LOC, ["EVENT"] = EntityType.MISC, ["PRODUCT"] = EntityType.MISC, ["NORP"] = EntityType.MISC,
        ["OCC"] = null, ["DATE"] = null, ["TIME"] = null, ["LANGUAGE"] = null, ["WEBSITE"] = null, ["LAW"] = null,
        ["CARDINAL"] = null, ["ORDINAL"] = null, ["PERCENT"] = null, ["QUANTITY"] = null, ["UNIT"] = null,
        ["MONEY"] = null, ["CURR"] = null,
    });

    /// <summary>The mapping called <paramref name="name"/>.</summary>
    public static TagMapping ByName(string name) => name switch
    {
        "default" => Default,
        "fane" => Fane,
        "wojood" => Wojood,
        _ => throw new ArgumentException($"unknown tag mapping '{name}' (default, fane, wojood)", nameof(name)),
    };

    /// <summary>
    /// Parses one tag. Returns false (and <see cref="NerLabels.Outside"/>) when the type is unknown
    /// to this mapping; known types mapped to nothing also give O but return true.
    /// </summary>
    public bool TryMap(ReadOnlySpan<char> tag, out byte label)
    {
        label = NerLabels.Outside;
        if (tag is "O" or "OO" or "IO" or "0")
            return true;
        if (tag.Length < 3 || tag[0] is not ('B' or 'I') || tag[1] != '-')
            return false;
        var inside = tag[0] == 'I';
        var type = tag[2..].TrimStart('-'); // I--ORG
        if (!_types.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(type, out var mapped))
            return false;
        if (mapped is { } t)
            label = inside ? NerLabels.Inside(t) : NerLabels.Begin(t);
        return true;
    }

    private static Dictionary<string, EntityType?> BuildFane()
    {
        var map = new Dictionary<string, EntityType?>(StringComparer.Ordinal);
        foreach (var t in "Politician Athlete Businessperson Artist Scientist Police Religious_PER Engineer Group Lawyer Other_PER".Split(' '))
            map[t] = EntityType.PER;
        foreach (var t in "Government Non-Governmental Commercial Educational Media Religious_ORG Sports Entertainment Medical-Science".Split(' '))
            map[t] = EntityType.ORG;
        foreach (var t in "Nation State-or-Province Population-Center County-or-District GPE-Cluster Continent Water-Body Land-Region-Natural Celestial Building-Grounds Airport Path Subarea-Facility".Split(' '))
            map[t] = EntityType.LOC;
        foreach (var t in "Air Land Water Blunt Chemical Exploding Nuclear Projectile Sharp Shooting Book Movie Software Hardware Food Drug Plant Sound".Split(' '))
            map[t] = EntityType.MISC;
        return map;
    }
}
