using System.Collections.Frozen;

namespace Marsad.Events.Lexicon;

/// <summary>ISO 3166-1 alpha-2 ↔ alpha-3 and Arabic names (GeoNames countryInfo via tools/events/compile_actors.py).</summary>
public static class Countries
{
    private static readonly FrozenDictionary<string, (string Iso3, string Name)> ByIso2 = Load();
    private static readonly FrozenDictionary<string, string> Iso2ByIso3 = ByIso2.ToFrozenDictionary(kv => kv.Value.Iso3, kv => kv.Key, StringComparer.Ordinal);

    /// <summary>The alpha-3 code of <paramref name="iso2"/>, or null.</summary>
    public static string? Iso3(string? iso2) => iso2 is not null && ByIso2.TryGetValue(iso2.ToUpperInvariant(), out var c) ? c.Iso3 : null;

    /// <summary>The alpha-2 code of <paramref name="iso3"/>, or null.</summary>
    public static string? Iso2(string? iso3) => iso3 is not null && Iso2ByIso3.TryGetValue(iso3, out var c) ? c : null;

    /// <summary>The Arabic name of the country with alpha-3 <paramref name="iso3"/>, or null.</summary>
    public static string? Name(string? iso3) => Iso2(iso3) is { } iso2 ? ByIso2[iso2].Name : null;

    private static FrozenDictionary<string, (string, string)> Load()
    {
        var d = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (_, c) in EventData.Rows("countries.tsv"))
            d[c[0]] = (c[1], c[2]);
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
