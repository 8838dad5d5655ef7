using Marsad.Entities.Ner;

namespace Marsad.Tests.Entities.Ner;

public sealed class ResourceTests
{
    private static ulong Stem(string word)
    {
        Span<char> scratch = stackalloc char[NerFeaturizer.MaxTokenChars];
        return NerGazetteer.StemHash(word, scratch);
    }

    [Fact]
    public void A_gazetteer_phrase_matches_through_proclitics()
    {
        var g = NerGazetteer.FromEntries([("الأمم المتحدة", GazetteerClass.Organisation), ("بغداد", GazetteerClass.City)]);
        var first = NerGazetteer.Extend(FeatureHash.None, Stem("للأمم")); // لل + أمم
        Assert.Equal(GazetteerClass.None, g.Phrase(first, out var more));
        Assert.True(more);
        Assert.Equal(GazetteerClass.Organisation, g.Phrase(NerGazetteer.Extend(first, Stem("المتحدة")), out _));
        Assert.Equal(GazetteerClass.City, g.Word(Stem("بغداد")));
        Assert.Equal(GazetteerClass.None, g.Word(Stem("دمشق")));
    }

    [Fact]
    public void The_gazetteer_file_round_trips()
    {
        using var ms = new MemoryStream();
        NerGazetteer.Write(ms, ["test"], [("وكالة", GazetteerClass.OrgTrigger), ("عين الأسد", GazetteerClass.Place)]);
        ms.Position = 0;
        var g = NerGazetteer.Load(ms);
        Assert.Equal(2, g.Entries);
        Assert.Equal(GazetteerClass.OrgTrigger, g.Word(Stem("والوكالة".Replace("وال", "", StringComparison.Ordinal))));
        Assert.Equal(GazetteerClass.Place, g.Phrase(NerGazetteer.Extend(NerGazetteer.Extend(FeatureHash.None, Stem("عين")), Stem("الاسد")), out _));
    }

    [Fact]
    public void The_cluster_file_round_trips_and_keys_by_normalised_word()
    {
        using var ms = new MemoryStream();
        WordClusters.Write(ms, "test clusters", [("بغداد", 3, 17, 512, 0, 9), ("الحكومه", 1, 2, 1023, 10, 15)]);
        ms.Position = 0;
        var c = WordClusters.Load(ms);
        Assert.Equal("test clusters", c.Header);
        Span<char> key = stackalloc char[NerFeaturizer.MaxTokenChars];
        var n = NerFeaturizer.NormalizeKey("الحكومة", key); // ة → ه
        var packed = c.Get(FeatureHash.Of(key[..n]));
        Assert.Equal(1 | (2 << 10) | (1023 << 20) | (10L << 30) | (15L << 34), packed);
        Assert.Equal(-1, c.Get(FeatureHash.Of("دمشق")));
    }
}
