using System.Globalization;
using System.Text;
using Marsad.Ingest;
using Marsad.Testing;
using Marsad.Text;

namespace Marsad.Tests.Text;

/// <summary>The splitter against the hand-checked SaudiNewsNet cases (<see cref="GluedSentenceCases"/>), on the real articles.</summary>
public sealed class GluedSentenceTests
{
    private static readonly Lazy<Dictionary<string, string>> Bodies = new(LoadBodies);

    public static TheoryData<string, string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var row in GluedSentenceCases.All)
            data.Add((string)row[0], (string)row[1], (string)row[2], (bool)row[3]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Glued_dot_is_split_as_judged(string id, string before, string after, bool boundary)
    {
        var body = Bodies.Value[id];
        Assert.Equal(boundary, SplitsAt(body, before, after));
    }

    [Fact]
    public void Hand_checked_sample_is_large_and_spread()
    {
        var ids = GluedSentenceCases.All.Select(r => (string)r[0]).Distinct(StringComparer.Ordinal).Count();
        Assert.True(GluedSentenceCases.All.Count() >= 50, "at least 50 cases");
        Assert.True(ids >= 60, "at least 60 articles");
        Assert.Contains(GluedSentenceCases.All, r => (bool)r[3]);
        Assert.Contains(GluedSentenceCases.All, r => !(bool)r[3]);
    }

    [Fact]
    public void Split_accuracy_on_the_sample_is_at_least_95_percent()
    {
        var wrong = new List<string>();
        var rows = GluedSentenceCases.All.ToList();
        foreach (var row in rows)
        {
            var (id, before, after, boundary) = ((string)row[0], (string)row[1], (string)row[2], (bool)row[3]);
            if (SplitsAt(Bodies.Value[id], before, after) != boundary)
                wrong.Add($"{id} «{before}.{after}» expected {(boundary ? "split" : "no split")}");
        }
        var accuracy = 1 - (double)wrong.Count / rows.Count;
        Assert.True(accuracy >= 0.95, string.Create(CultureInfo.InvariantCulture, $"accuracy {accuracy:P1}; wrong:\n{string.Join('\n', wrong)}"));
    }

    /// <summary>Whether a sentence of <paramref name="body"/> ends at the dot between the two snippets.</summary>
    internal static bool SplitsAt(string body, string before, string after)
    {
        var at = body.IndexOf(before + "." + after, StringComparison.Ordinal);
        Assert.True(at >= 0, $"«{before}.{after}» not found in the body");
        var dot = at + before.Length;
        return SentenceSplitter.Split(body).Exists(s => s.End == dot + 1);
    }

    private static Dictionary<string, string> LoadBodies()
    {
        var ids = GluedSentenceCases.All.Select(r => (string)r[0]).ToHashSet(StringComparer.Ordinal);
        var lines = Corpus.Lines("data/news/corpus/saudinewsnet", ids);
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, line) in lines)
        {
            var results = Analyzer.ReadBytes(Encoding.UTF8.GetBytes(line), id + ".jsonl");
            bodies[id] = results.OfType<ReadResult.Ok>().Single().Article.Body;
        }
        Assert.Equal(ids.Count, bodies.Count);
        return bodies;
    }
}
