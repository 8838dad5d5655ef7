using System.CommandLine;
using System.Text.Json;
using Marsad.Cli.Commands;
using Marsad.Testing;

namespace Marsad.Tests.Evaluation;

/// <summary>The <c>eval analysis</c> command on the seed gold (fast: one article).</summary>
public sealed class EvalAnalysisCommandTests
{
    private static readonly string SeedDir = SharedData.Path("seed");

    [Fact]
    public void Json_output_carries_the_figures_of_each_part()
    {
        using var output = new StringWriter();
        var code = EvalAnalysisCommand.Run(SeedDir, SharedData.Path(""), asJson: true, verbose: false, output, CancellationToken.None);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("articles").GetInt32());
        foreach (var name in (string[])["precision", "recall", "f1", "speaker_accuracy", "kind_accuracy", "via_accuracy", "n"])
            Assert.True(root.GetProperty("quotes").TryGetProperty(name, out _), name);
        Assert.Equal(13, root.GetProperty("quotes").GetProperty("n").GetInt32());
        Assert.True(root.GetProperty("times").TryGetProperty("value_accuracy", out _));
        Assert.True(root.GetProperty("places").TryGetProperty("within_tolerance", out _));
    }

    [Fact]
    public void Table_output_names_each_part_and_verbose_names_the_article()
    {
        using var output = new StringWriter();
        EvalAnalysisCommand.Run(SeedDir, SharedData.Path(""), asJson: false, verbose: true, output, CancellationToken.None);
        var text = output.ToString();
        Assert.Contains("quotes", text, StringComparison.Ordinal);
        Assert.Contains("times", text, StringComparison.Ordinal);
        Assert.Contains("places", text, StringComparison.Ordinal);
        Assert.Contains("== 000_2bf1e917491ed886.gold.json", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_gold_path_is_a_usage_error()
    {
        using var output = new StringWriter();
        Assert.Equal(2, EvalAnalysisCommand.Run(Path.Combine(SeedDir, "no-such-dir"), null, false, false, output, CancellationToken.None));
    }

    [Fact]
    public void Command_is_named_analysis_and_requires_gold()
    {
        var command = EvalAnalysisCommand.Create();
        Assert.Equal("analysis", command.Name);
        var root = new RootCommand { new Command("eval") { command } };
        Assert.NotEmpty(root.Parse(["eval", "analysis"]).Errors);
        Assert.Empty(root.Parse(["eval", "analysis", "--gold", SeedDir, "--json", "--verbose"]).Errors);
    }
}
