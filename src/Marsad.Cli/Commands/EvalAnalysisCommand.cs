using System.CommandLine;
using System.Text.Json;
using Marsad.Evaluation;
using Marsad.Output;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad eval analysis</c>: score quotes, times and places against hand annotations
/// (the dev set in <c>tests/annotations/analysis</c>, or the seed gold). Attach under the <c>eval</c> group.
/// </summary>
internal static class EvalAnalysisCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold", "-g")
        {
            Description = "Annotation file or directory (read recursively): dev-set files with source + id, or seed *.gold.json files beside their article.",
            Required = true,
        };
        var shared = new Option<string?>("--shared")
        {
            Description = "Root of the shared data that annotation sources are relative to. Default: $MARSAD_SHARED, else the nearest 'shared' folder above the gold path.",
        };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print every miss, false positive and wrong speaker, kind, via, value or position, per article (with --json: per-article figures)." };
        var command = new Command("analysis", """
            Score the analysis against hand-annotated articles: quotes (detection precision/recall/F1; speaker, kind
            and via accuracy among matches), time expressions (detection; value accuracy) and places (detection;
            share within the gold tolerance, once places carry coordinates). Each annotated article is read from
            the shared data and analysed with the default pipeline. Exit code 1 when an annotation could not be run.

            Examples:
              marsad eval analysis --gold tests/annotations/analysis
              marsad eval analysis --gold tests/annotations/analysis --verbose
              marsad eval analysis --gold ../shared/seed --json
            """)
        {
            gold, shared, json, verbose,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(parse.GetValue(gold)!, parse.GetValue(shared), parse.GetValue(json), parse.GetValue(verbose), Console.Out, ct)));
        return command;
    }

    internal static int Run(string goldPath, string? sharedRoot, bool asJson, bool verbose, TextWriter output, CancellationToken ct)
    {
        if (!File.Exists(goldPath) && !Directory.Exists(goldPath))
        {
            Console.Error.WriteLine($"error: no annotations at {goldPath}");
            return 2;
        }
        EvaluationReport report;
        try
        {
            report = new AnalysisEvaluation().Run(goldPath, sharedRoot, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or IOException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
        if (report.Articles.Length == 0 && report.Failures.Length == 0)
        {
            Console.Error.WriteLine($"error: no annotation files under {goldPath}");
            return 2;
        }
        if (asJson)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = DocumentJson.WriterOptions.Encoder, Indented = true }))
                EvaluationReportWriter.WriteJson(w, report, verbose);
            output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        }
        else
        {
            EvaluationReportWriter.WriteTable(output, report, verbose);
        }
        foreach (var failure in report.Failures)
            Console.Error.WriteLine($"error: {failure}");
        return report.Failures.Length > 0 ? 1 : 0;
    }
}
