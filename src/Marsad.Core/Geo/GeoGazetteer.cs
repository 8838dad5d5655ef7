using System.Collections.Frozen;
using System.Globalization;
using Marsad.Entities.Lexicons;

namespace Marsad.Geo;

/// <summary>A place of the compiled lexicon that has a point: what the geocoder needs to choose and place it.</summary>
internal sealed record GeoRecord(string Id, string Kind, string? Country, bool Major, long Population, double Lat, double Lon, string? Admin1, string Display)
{
    /// <summary>The <see cref="EntityLexicon.Key"/> of <see cref="Admin1"/> (empty when unknown): provinces are compared by it.</summary>
    public string Admin1Key { get; init; } = "";
}

/// <summary>
/// The points, provinces and kinds of the place lexicon (<c>Entities/Data/places.tsv.br</c>, built by tools/gazetteer),
/// indexed like <see cref="EntityLexicon.Records"/> so a name found in the shared name index leads straight to its
/// candidates. Records without a point are left out. Loaded once; immutable and thread-safe.
/// </summary>
internal sealed class GeoGazetteer
{
    private static readonly Lazy<GeoGazetteer> Instance = new(() => Load(EntityLexicon.Shared), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly GeoRecord?[] _byLexIndex;
    private readonly FrozenDictionary<string, GeoRecord> _byId;

    private GeoGazetteer(EntityLexicon lexicon, GeoRecord?[] byLexIndex, FrozenDictionary<string, GeoRecord> byId)
    {
        Lexicon = lexicon;
        _byLexIndex = byLexIndex;
        _byId = byId;
    }

    public static GeoGazetteer Shared => Instance.Value;

    public EntityLexicon Lexicon { get; }

    public int Count => _byId.Count;

    public GeoRecord? ById(string? id) => id is not null && _byId.TryGetValue(id, out var r) ? r : null;

    /// <summary>The place record behind a <see cref="NameRef"/> of the name index, or null (not a place, or no point).</summary>
    public GeoRecord? ByRef(NameRef r) => (uint)r.Record < (uint)_byLexIndex.Length ? _byLexIndex[r.Record] : null;

    private static GeoGazetteer Load(EntityLexicon lexicon)
    {
        var byId = new Dictionary<string, GeoRecord>(StringComparer.Ordinal);
        foreach (var r in LexiconData.Rows("places.tsv"))
        {
            if (r.Length < 8 || !TryCoordinate(r[5], out var lat) || !TryCoordinate(r[6], out var lon))
                continue;
            var admin1 = r.Length > 8 && r[8].Length > 0 ? r[8] : null;
            var display = r[7];
            var bar = display.IndexOf('|', StringComparison.Ordinal);
            byId[r[0]] = new GeoRecord(r[0], r[1], r[2].Length == 0 ? null : r[2], r[3] == "A",
                long.Parse(r[4], CultureInfo.InvariantCulture), lat, lon, admin1, bar < 0 ? display : display[..bar])
            {
                Admin1Key = admin1 is null ? "" : EntityLexicon.Key(admin1),
            };
        }
        var byLexIndex = new GeoRecord?[lexicon.Records.Length];
        for (var i = 0; i < byLexIndex.Length; i++)
        {
            if (lexicon.Records[i].Type == Model.EntityType.LOC && byId.TryGetValue(lexicon.Records[i].Id, out var g))
                byLexIndex[i] = g;
        }
        return new GeoGazetteer(lexicon, byLexIndex, byId.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static bool TryCoordinate(string s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
