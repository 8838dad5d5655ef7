using Marsad.Evaluation;

namespace Marsad.Tests.Evaluation;

/// <summary>Both annotation shapes: the dev-set files and the seed gold.</summary>
public sealed class GoldReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-gold-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Dev_set_file_gives_source_id_and_items()
    {
        var path = Path.Combine(_dir, "a.json");
        File.WriteAllText(path, """
            {"source": "data/x.jsonl.gz", "id": "X-1", "published": "2018-03-13",
             "quotes": [{"speaker": "مصدر محلي (unnamed)", "speaker_also": ["المصدر"], "verb": "قال", "kind": "indirect", "starts": "إن الوضع", "nth": 2, "via": "رويترز", "speaker_by": "carry-over from an earlier sentence"},
                        {"speaker": "الوزير", "verb": "دعا", "kind": "indirect", "starts": "إلى الحوار", "optional": true}],
             "times": [{"text": "الأسبوع الماضي", "value": "2018-W10", "granularity": "week"}],
             "entities": [{"canonical": "جرادة", "type": "LOC", "kind": "city", "country": "MA", "lat": 34.3, "lon": -2.17, "mentions": ["جرادة"]},
                          {"canonical": "الحكومة", "type": "ORG"}]}
            """);
        var gold = GoldReader.Read(path);
        Assert.Equal(("data/x.jsonl.gz", "X-1", "X-1"), (gold.Source, gold.RecordId, gold.Name));
        var q = gold.Quotes[0];
        Assert.True(q.IsUnnamed && q.CarryOver && !q.Optional);
        Assert.Equal(["مصدر محلي", "المصدر"], q.SpeakerNames());
        Assert.Equal((2, "رويترز"), (q.Nth, q.Via));
        Assert.True(gold.Quotes[1].Optional);
        Assert.Equal(("2018-W10", "week"), (gold.Times[0].Value, gold.Times[0].Granularity));
        var place = Assert.Single(gold.Places);
        Assert.Equal((34.3, -2.17, (double?)null), (place.Lat!.Value, place.Lon!.Value, place.ToleranceKm));
    }

    [Fact]
    public void Seed_format_reads_dates_sentences_and_the_article_beside_it()
    {
        var path = Path.Combine(_dir, "001_test.gold.json");
        File.WriteAllText(Path.Combine(_dir, "001_test.txt"), "نص");
        File.WriteAllText(path, """
            {"article": {"published": "2017-04-19T00:00"},
             "quotes": [{"speaker": "مصادر (unnamed)", "verb": "كشفت", "kind": "indirect", "starts": "وصول قوات"}],
             "times": [{"text": "أمس", "sentence": 5, "date": "2017-04-18", "part_of_day": "morning"}]}
            """);
        var gold = GoldReader.Read(path);
        Assert.Equal(Path.Combine(_dir, "001_test.txt"), gold.Source);
        Assert.Equal("2017-04-19T00:00", gold.Published);
        Assert.Equal(("2017-04-18", "day", 5, "morning"), (gold.Times[0].Value, gold.Times[0].Granularity, gold.Times[0].Sentence!.Value, gold.Times[0].PartOfDay));
    }

    [Fact]
    public void Item_without_its_required_field_is_an_error()
    {
        var path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, """{"quotes": [{"speaker": "الوزير", "kind": "direct"}]}""");
        var ex = Assert.Throws<InvalidDataException>(() => GoldReader.Read(path));
        Assert.Contains("starts", ex.Message, StringComparison.Ordinal);
    }
}
