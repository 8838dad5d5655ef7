namespace Marsad.Tests.Cli;

/// <summary>The <c>--help</c> of each command carries examples (a snapshot of the lines that matter).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class HelpTests
{
    public static TheoryData<string[], string[]> Helps() => new()
    {
        {
            ["--help"],
            ["Marsad (مرصد)", "Examples:", "marsad analyze page.txt --format json", "marsad bench ../shared/data/news/corpus", "analyze", "bench"]
        },
        {
            ["analyze", "--help"],
            ["Examples:", "marsad analyze ../shared/seed/000_2bf1e917491ed886.txt", "-f jsonl -o ant.jsonl", "--format", "--output", "--tokens", "--quiet", "exit code is 1"]
        },
        {
            ["bench", "--help"],
            ["Examples:", "marsad bench --json > bench.json", "--threads", "--limit", "--json"]
        },
    };

    [Theory]
    [MemberData(nameof(Helps))]
    public void Help_shows_examples_and_options(string[] args, string[] expectedLines)
    {
        var (code, output, _) = AnalyzeCommandTests.Run(args);
        Assert.Equal(0, code);
        foreach (var line in expectedLines)
            Assert.Contains(line, output, StringComparison.Ordinal);
    }
}
