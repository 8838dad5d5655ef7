using System.Text.Json;
using Marsad.Evaluation;
using Marsad.Model;
using Marsad.Testing;

namespace Marsad.Tests.Geo;

/// <summary>
/// The seed page against the places of its gold file (the spec by example): every gold place is a LOC entity whose
/// point lies within the gold tolerance (25 km unless the gold says more), in the gold country; the neighbourhoods
/// the gazetteer lacks («حي التنك», «حي الثورة» of Mosul) fall back to Mosul with precision <c>city</c>.
/// </summary>
public sealed class SeedPlaceTests
{
    private static readonly JsonElement Gold = JsonDocument.Parse(File.ReadAllText(SharedData.Path("seed/000_2bf1e917491ed886.gold.json"))).RootElement;
    private static readonly Lazy<Document> Doc = new(() => Analyzer.Analyze(SharedData.Path("seed/000_2bf1e917491ed886.txt")));

    public static TheoryData<string> GoldPlaces()
    {
        var data = new TheoryData<string>();
        foreach (var e in Gold.GetProperty("entities").EnumerateArray())
        {
            if (e.GetProperty("type").GetString() == "LOC")
                data.Add(e.GetProperty("canonical").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(GoldPlaces))]
    public void Gold_place_is_geocoded_within_tolerance(string canonical)
    {
        var gold = Gold.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("canonical").GetString() == canonical);
        var keys = new[] { canonical }.Concat(gold.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()!))
            .SelectMany(MatchText.PlaceKeys).ToHashSet(StringComparer.Ordinal);
        var entity = Doc.Value.Entities.FirstOrDefault(e => e.Type == EntityType.LOC
            && new[] { e.Canonical }.Concat(e.Mentions.Select(m => m.Text)).SelectMany(MatchText.PlaceKeys).Any(keys.Contains));
        Assert.True(entity is not null, $"«{canonical}» not found");
        Assert.True(entity.Place is not null, $"«{canonical}» ({entity.Canonical}) has no place");
        var p = entity.Place;

        var neighbourhood = gold.TryGetProperty("kind", out var k) && k.GetString()!.StartsWith("neighbourhood of", StringComparison.Ordinal);
        var (lat, lon, tolerance) = neighbourhood ? Point(CityOf(k.GetString()!)) : Point(gold);
        var km = GeocoderTests.Km(p, lat, lon);
        Assert.True(km <= tolerance, $"«{canonical}»: {km:F0} km off (tolerance {tolerance:F0}); {p}");
        if (neighbourhood)
            Assert.Equal("city", p.Precision);
        if (gold.TryGetProperty("country", out var c))
            Assert.Equal(c.GetString(), p.Country);
    }

    private static JsonElement CityOf(string kind)
    {
        // "neighbourhood of Mosul": the gold place whose canonical name is that city's.
        var city = kind["neighbourhood of ".Length..];
        var arabic = city == "Mosul" ? "الموصل" : city;
        return Gold.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("canonical").GetString() == arabic);
    }

    private static (double Lat, double Lon, double Tolerance) Point(JsonElement e) =>
        (e.GetProperty("lat").GetDouble(), e.GetProperty("lon").GetDouble(),
         e.TryGetProperty("tolerance_km", out var t) ? t.GetDouble() : GoldPlace.DefaultToleranceKm);
}
