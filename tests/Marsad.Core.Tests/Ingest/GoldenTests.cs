using System.Text.Json.Nodes;
using Marsad.Pipeline;
using Marsad.Testing;

namespace Marsad.Tests.Ingest;

/// <summary>
/// Golden-file tests of ingest on the seed and real articles of the shared corpora (SaudiNewsNet
/// records of several newspapers, ANT records of all five outlets, ANT raw TREC samples). Each
/// tests/golden/&lt;case&gt;/case.json names its input and pins the extraction without holding article text.
/// </summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in Golden.CaseNames())
            data.Add(name);
        return data;
    }

    [Fact]
    public void There_are_golden_cases_for_the_seed_and_real_articles()
    {
        var names = Golden.CaseNames().ToList();
        Assert.Contains(names, n => n.StartsWith("seed", StringComparison.Ordinal));
        Assert.True(names.Count(n => !n.StartsWith("seed", StringComparison.Ordinal)) >= 12, string.Join(", ", names));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extraction_matches_the_golden_file(string name)
    {
        var node = JsonNode.Parse(File.ReadAllText(Golden.CaseFile(name)))!.AsObject();
        var article = Golden.ReadInput(node["input"]!);
        var doc = AnalysisPipeline.Default.Analyze(article);
        var actual = Golden.Fingerprint(doc);

        // Boilerplate that must never be in the body (hand-written per case; never rewritten by the update mode).
        foreach (var marker in node["absent"]?.AsArray() ?? [])
            Assert.DoesNotContain(marker!.GetValue<string>(), article.Body, StringComparison.Ordinal);
        // Every sentence offset slices the body.
        Assert.All(doc.Sentences, s => Assert.True(0 <= s.Start && s.Start < s.End && s.End <= article.Body.Length, $"{s.Start}-{s.End}"));

        if (Golden.UpdateMode)
        {
            node["expected"] = actual;
            Golden.Write(name, node);
            return;
        }
        var expected = node["expected"] ?? throw new InvalidOperationException($"{name}: no expected values; run with MARSAD_UPDATE_GOLDEN=1 and review them");
        if (!JsonNode.DeepEquals(expected, actual))
            Assert.Equal(expected.ToJsonString(Golden.JsonOptions), actual.ToJsonString(Golden.JsonOptions));
    }
}
