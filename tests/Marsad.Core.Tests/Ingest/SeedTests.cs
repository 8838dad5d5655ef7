using System.Text.Json;
using Marsad.Testing;
using Marsad.Text;

namespace Marsad.Tests.Ingest;

/// <summary>The seed page against its gold file: the spec by example for ingest and sentences.</summary>
public sealed class SeedTests
{
    private const string Seed = "seed/000_2bf1e917491ed886.txt";
    private static readonly JsonElement Gold = JsonDocument.Parse(File.ReadAllText(SharedData.Path("seed/000_2bf1e917491ed886.gold.json"))).RootElement;

    [Fact]
    public void Seed_metadata_matches_gold()
    {
        var a = Analyzer.ReadSingle(SharedData.Path(Seed));
        var g = Gold.GetProperty("article");
        Assert.Equal(g.GetProperty("title").GetString(), a.Title);
        Assert.Equal(g.GetProperty("section").GetString(), a.Section);
        Assert.Equal(g.GetProperty("published").GetString(), a.Published?.ToString());
        Assert.Equal(g.GetProperty("counters").EnumerateArray().Select(c => c.GetInt32()), a.Counters);
        Assert.Equal(g.GetProperty("has_picture").GetBoolean(), a.HasPicture);
        Assert.Equal(g.GetProperty("dateline").GetProperty("place").GetString(), a.Dateline?.Place);
        Assert.Equal(g.GetProperty("dateline").GetProperty("source").GetString(), a.Dateline?.Source);
        Assert.Equal("text", a.Format);
        Assert.Equal("ar", a.Language);
    }

    [Fact]
    public void Seed_body_has_no_boilerplate()
    {
        var a = Analyzer.ReadSingle(SharedData.Path(Seed));
        var g = Gold.GetProperty("article");
        Assert.StartsWith(g.GetProperty("body_starts").GetString()!, a.Body, StringComparison.Ordinal);
        Assert.EndsWith(g.GetProperty("body_ends").GetString()!, a.Body, StringComparison.Ordinal);
        foreach (var junk in g.GetProperty("boilerplate_not_in_body").EnumerateArray())
            Assert.DoesNotContain(junk.GetString()!, a.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_sentence_starts_match_gold()
    {
        var doc = Analyzer.Analyze(SharedData.Path(Seed));
        var expected = Gold.GetProperty("sentence_starts").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(expected.Count, doc.Sentences.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            var text = doc.Slice(doc.Sentences[i]).ToString();
            Assert.True(text.StartsWith(expected[i], StringComparison.Ordinal), $"sentence {i + 1} starts «{text[..Math.Min(40, text.Length)]}», expected «{expected[i]}»");
        }
    }

    [Fact]
    public void Seed_glued_boundaries_are_split()
    {
        var doc = Analyzer.Analyze(SharedData.Path(Seed));
        var body = doc.Article.Body;
        foreach (var glued in Gold.GetProperty("glued_boundaries").EnumerateArray().Select(e => e.GetString()!))
        {
            var at = body.IndexOf(glued, StringComparison.Ordinal);
            Assert.True(at >= 0, glued);
            var dot = body.IndexOf('.', at);
            Assert.Contains(doc.Sentences, s => s.End == dot + 1);
            Assert.Contains(doc.Sentences, s => s.Start == dot + 1);
        }
    }

    [Fact]
    public void Every_offset_slices_the_body()
    {
        var doc = Analyzer.Analyze(SharedData.Path(Seed));
        var n = doc.Article.Body.Length;
        Assert.All(doc.Sentences, s => Assert.InRange(s.Start, 0, s.End));
        Assert.All(doc.Sentences, s => Assert.InRange(s.End, s.Start, n));
        Assert.All(doc.Tokens, t => Assert.True(0 <= t.Start && t.Start < t.End && t.End <= n && t.StemStart >= t.Start && t.StemStart <= t.End));
        Assert.Contains(doc.Tokens, t => doc.Slice(t).SequenceEqual("لـ") && t.Proclitics.Count == 1 && t.Proclitics[0].Form == "ل");
    }
}
