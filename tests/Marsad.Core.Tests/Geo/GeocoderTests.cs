using System.Collections.Immutable;
using Marsad.Geo;
using Marsad.Model;

namespace Marsad.Tests.Geo;

/// <summary>
/// One test per geocoding rule, on short sentences written for these tests. The entities are given as the linker would
/// give them (names, kind from a trigger word, no link id), so each test exercises the geocoder's own lookup and choice.
/// </summary>
public sealed class GeocoderTests
{
    private static readonly GeocodingStage Stage = new();

    /// <summary>A document whose body is <paramref name="body"/> (one sentence per line) and whose LOC entities are the given names, found in the body.</summary>
    internal static Document Doc(string body, params (string Name, string? Kind)[] places)
    {
        var article = new Article { Id = "t", Source = "test", Format = "text", Body = body };
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var start = 0;
        foreach (var line in body.Split('\n'))
        {
            sentences.Add(new Sentence(start, start + line.Length, "test"));
            start += line.Length + 1;
        }
        var entities = ImmutableArray.CreateBuilder<Entity>();
        foreach (var (name, kind) in places)
        {
            var mentions = ImmutableArray.CreateBuilder<EntityMention>();
            for (var at = body.IndexOf(name, StringComparison.Ordinal); at >= 0; at = body.IndexOf(name, at + name.Length, StringComparison.Ordinal))
                mentions.Add(new EntityMention(at, at + name.Length, name, "test"));
            Assert.True(mentions.Count > 0, $"«{name}» is not in the body");
            entities.Add(new Entity { Id = "e" + (entities.Count + 1), Canonical = name, Type = EntityType.LOC, Kind = kind, Mentions = mentions.ToImmutable() });
        }
        return new Document(article) { Sentences = sentences.ToImmutable(), Entities = entities.ToImmutable() };
    }

    internal static Place PlaceOf(Document doc, string name)
    {
        var e = Stage.Process(doc, CancellationToken.None).Entities.Single(x => x.Canonical == name);
        Assert.True(e.Place is not null, $"«{name}» has no place");
        return e.Place!;
    }

    internal static double Km(Place p, double lat, double lon) => Distance.Km(p.Lat, p.Lon, lat, lon);

    [Theory]
    [InlineData("عانة")]
    [InlineData("عانه")]
    [InlineData("عنة")]
    public void Spelling_variants_of_a_town_meet_one_record(string spelling)
    {
        var p = PlaceOf(Doc($"عادت العائلات إلى {spelling} بعد طرد المسلحين منها.", (spelling, null)), spelling);
        Assert.Equal("IQ", p.Country);
        Assert.Equal("الأنبار", p.Admin1);
        Assert.True(Km(p, 34.37, 41.99) < 25, $"{p.Lat},{p.Lon}");
    }

    [Fact]
    public void A_base_trigger_gives_the_air_base_not_the_village_of_the_same_name()
    {
        // عين الأسد is also a village in Lebanon; «قاعدة» keeps only bases, whatever else the article names.
        var doc = Doc("زار الوزير لبنان ثم توجه إلى قاعدة عين الأسد الجوية.", ("لبنان", "country"), ("عين الأسد", "military base"));
        var p = PlaceOf(doc, "عين الأسد");
        Assert.Equal("base", p.Kind);
        Assert.Equal("IQ", p.Country);
        Assert.Equal("geo:feature", p.By);
        Assert.True(Km(p, 33.8, 42.44) < 10, $"{p.Lat},{p.Lon}");
    }

    [Fact]
    public void A_facility_the_gazetteer_lacks_is_placed_at_the_town_it_is_named_after()
    {
        var p = PlaceOf(Doc("هبطت الطائرة اضطراريا في مطار أبها بعد الظهر.", ("مطار أبها", "airport")), "مطار أبها");
        Assert.Equal("airport", p.Kind);
        Assert.Equal("city", p.Precision);
        Assert.Equal("SA", p.Country);
        Assert.True(Km(p, 18.22, 42.50) < 25, $"{p.Lat},{p.Lon}");
    }

    [Fact]
    public void A_classifier_left_out_of_the_mention_still_names_the_place()
    {
        // «كردستان» alone is also the Iranian province; «إقليم كردستان» is the Iraqi region.
        var p = PlaceOf(Doc("عاد آلاف النازحين إلى إقليم كردستان خلال الصيف.", ("كردستان", null)), "كردستان");
        Assert.Equal("IQ", p.Country);
    }

    [Fact]
    public void A_neighbourhood_the_gazetteer_lacks_falls_back_to_the_city_of_its_sentence()
    {
        var doc = Doc("تجددت الاشتباكات في حي الزهور الشرقي بالموصل صباح اليوم.\nوقال شهود إن بغداد أرسلت تعزيزات.",
            ("حي الزهور الشرقي", "neighbourhood"), ("الموصل", null), ("بغداد", null));
        var p = PlaceOf(doc, "حي الزهور الشرقي");
        Assert.Equal("city", p.Precision);
        Assert.Equal("neighbourhood", p.Kind);
        Assert.Equal("geo:fallback-city", p.By);
        Assert.True(Km(p, 36.34, 43.13) < 25, $"{p.Lat},{p.Lon}");
    }

    [Fact]
    public void A_neighbourhood_named_without_its_city_falls_back_to_the_article_s_dominant_city()
    {
        var doc = Doc("دخلت القوات الموصل من الجنوب.\nوتقدمت القوات داخل الموصل بحذر.\nوسقطت قذائف على حي الزهور الشرقي.\nوأرسلت بغداد تعزيزات.",
            ("حي الزهور الشرقي", "neighbourhood"), ("الموصل", null), ("بغداد", null));
        var p = PlaceOf(doc, "حي الزهور الشرقي");
        Assert.Equal("city", p.Precision);
        Assert.Equal("geo:fallback-dominant-city", p.By);
        Assert.True(Km(p, 36.34, 43.13) < 25, $"{p.Lat},{p.Lon}");
    }

    [Theory]
    [InlineData("إربد", "JO", 31.95, 35.93)]
    [InlineData("مسقط", "OM", 21.0, 57.0)]
    public void A_name_shared_by_two_countries_is_read_by_the_article_s_other_places(string other, string country, double lat, double lon)
    {
        var doc = Doc($"غادر الوفد {other} متوجها إلى عمان لاستكمال المباحثات.", (other, null), ("عمان", null));
        var p = PlaceOf(doc, "عمان");
        Assert.Equal(country, p.Country);
        Assert.True(Km(p, lat, lon) < 700, $"{p.Lat},{p.Lon}");
    }

    [Fact]
    public void A_name_shared_by_two_provinces_is_read_by_the_province_the_article_names()
    {
        // القائم is the border town of al-Anbar and a namesake in the south of Iraq.
        var doc = Doc("وصلت التعزيزات إلى القائم غرب محافظة الأنبار.", ("القائم", null), ("الأنبار", "province"));
        var p = PlaceOf(doc, "القائم");
        Assert.Equal("الأنبار", p.Admin1);
        Assert.True(Km(p, 34.37, 41.09) < 25, $"{p.Lat},{p.Lon}");
    }

    [Fact]
    public void A_province_is_placed_at_its_centre_with_admin1_precision()
    {
        var p = PlaceOf(Doc("شنت الطائرات غارات على مواقع في محافظة الأنبار.", ("الأنبار", "province")), "الأنبار");
        Assert.Equal("admin1", p.Kind);
        Assert.Equal("admin1", p.Precision);
        Assert.Equal("الأنبار", p.Admin1);
        Assert.True(Km(p, 33.0, 42.0) < 150, $"{p.Lat},{p.Lon}");
    }

    [Fact]
    public void A_country_outside_the_arab_gazetteers_still_gets_a_point_inside_it()
    {
        var p = PlaceOf(Doc("وصل الرئيس إلى فرنسا في زيارة رسمية.", ("فرنسا", null)), "فرنسا");
        Assert.Equal("country", p.Precision);
        Assert.Equal("FR", p.Country);
        Assert.Null(p.Admin1);
        Assert.True(Km(p, 46.6, 2.4) < 400, $"{p.Lat},{p.Lon}");
    }

    [Fact]
    public void A_place_the_gazetteer_does_not_know_stays_without_a_point()
    {
        var doc = Stage.Process(Doc("وصلت القافلة إلى كفرزيتونستان مساء.", ("كفرزيتونستان", null)), CancellationToken.None);
        Assert.Null(doc.Entities.Single().Place);
    }
}
