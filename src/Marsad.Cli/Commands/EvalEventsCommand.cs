using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Marsad.Events.Evaluation;
using Marsad.Output;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad eval events</c>: score the event stage on the OEDA Arabic event gold standard (<c>--gsr DIR</c>) and/or
/// on hand-annotated articles (<c>--gold DIR</c>). Attach under the <c>eval</c> group.
/// </summary>
public static class EvalEventsCommand
{
    public static Command Create()
    {
        var gsr = new Option<string?>("--gsr")
        {
            Description = "Folder with protest_gsr.csv and assault_gsr.csv (and protest_spans.json, assault_spans.json when present), e.g. ../shared/data/events/arabic_gsr.",
        };
        var gold = new Option<string?>("--gold", "-g")
        {
            Description = "Folder of hand-annotated articles (tests/annotations/events): events with actor1, actor2, CAMEO root and date.",
        };
        var shared = new Option<string?>("--shared") { Description = "Root of the shared data the annotations' sources are relative to. Default: $MARSAD_SHARED, else the nearest 'shared' folder above." };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object: {\"PROTEST\":{precision,recall,f1,n},\"ASSAULT\":{…},\"spans\":{…},\"articles\":{…}}." };
        var any = new Option<bool>("--any") { Description = "GSR detection counts a happened event of the type anywhere in the sentence, not only the sentence's lead event (its first happened event, within the first 16 words)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also list every false positive and false negative (sentence id, label, the event or the near misses)." };
        var command = new Command("events", """
            Score event coding. With --gsr: sentence-level detection of PROTEST (CAMEO 14) and ASSAULT (CAMEO 18-20)
            on the OEDA Arabic event gold standard (label 'yes' positive, 'easy no'/'difficult no' negative, 'ambiguous'
            skipped; a sentence counts as detected when its lead event — the first event coded as happened, its trigger
            within the first 16 words — is of that type; --any: any happened event of the type), precision,
            recall and F1 per type, and word overlap of actor1/trigger/actor2 with the annotators' source/verb/target
            spans. With --gold: precision and recall of events (actor codes or names, CAMEO root, date) on hand-annotated
            articles. Any half of the GSR can be scored: only the folder's files are read.

            Examples:
              marsad eval events --gsr ../shared/data/events/arabic_gsr
              marsad eval events --gsr ../shared/data/events/arabic_gsr --json
              marsad eval events --gold tests/annotations/events --verbose
            """)
        {
            gsr, gold, shared, json, any, verbose,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(parse.GetValue(gsr), parse.GetValue(gold), parse.GetValue(shared), parse.GetValue(json), parse.GetValue(verbose), Console.Out, ct, parse.GetValue(any))));
        return command;
    }

    internal static int Run(string? gsrFolder, string? goldFolder, string? sharedRoot, bool asJson, bool verbose, TextWriter output, CancellationToken ct, bool anyEvent = false)
    {
        if (gsrFolder is null && goldFolder is null)
        {
            Console.Error.WriteLine("error: give --gsr DIR and/or --gold DIR");
            return 2;
        }
        GsrReport? gsr = null;
        ArticleEventReport? articles = null;
        try
        {
            if (gsrFolder is not null)
            {
                if (!Directory.Exists(gsrFolder))
                {
                    Console.Error.WriteLine($"error: no folder {gsrFolder}");
                    return 2;
                }
                gsr = new GsrEvaluation { LeadOnly = !anyEvent }.Run(gsrFolder, ct);
            }
            if (goldFolder is not null)
            {
                if (!Directory.Exists(goldFolder) && !File.Exists(goldFolder))
                {
                    Console.Error.WriteLine($"error: no annotations at {goldFolder}");
                    return 2;
                }
                articles = new ArticleEventEvaluation().Run(goldFolder, sharedRoot, ct);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or IOException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
        if (asJson)
            WriteJson(output, gsr, articles, verbose);
        else
            WriteText(output, gsr, articles, verbose);
        return articles is { Failures.Count: > 0 } ? 1 : 0;
    }

    private static void WriteText(TextWriter o, GsrReport? gsr, ArticleEventReport? articles, bool verbose)
    {
        if (gsr is not null)
        {
            o.WriteLine("GSR sentence detection (happened events of the type; 'ambiguous' skipped)");
            o.WriteLine("type       n   tp   fp   fn  precision  recall     f1");
            foreach (var (type, s) in gsr.Detection)
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type,-8} {s.N,4} {s.TruePositives,4} {s.FalsePositives,4} {s.FalseNegatives,4}  {s.Precision,9:F3}  {s.Recall,6:F3}  {s.F1,5:F3}"));
            if (gsr.Spans.Count > 0)
            {
                o.WriteLine();
                o.WriteLine("GSR span overlap (records with a gold span; overlap = shares a word; f1 = mean word F1)");
                o.WriteLine("type     part     gold  found  overlap  word-f1");
                foreach (var (type, s) in gsr.Spans)
                {
                    foreach (var (part, p) in new[] { ("source", s.Source), ("verb", s.Verb), ("target", s.Target) })
                        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type,-8} {part,-7} {p.Gold,5}  {p.Found,5}  {p.OverlapRate,7:F3}  {p.MeanTokenF1,7:F3}"));
                }
            }
            if (verbose)
            {
                foreach (var m in gsr.Misses)
                    o.WriteLine($"{(m.Predicted ? "FP" : "FN")} {m.Type} [{m.Label}] {m.Text} || {m.Why}");
            }
        }
        if (articles is not null)
        {
            if (gsr is not null)
                o.WriteLine();
            ArticleEventReportWriter.WriteText(o, articles, verbose);
        }
    }

    private static void WriteJson(TextWriter o, GsrReport? gsr, ArticleEventReport? articles, bool verbose)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, DocumentJson.WriterOptions with { Indented = true }))
        {
            w.WriteStartObject();
            if (gsr is not null)
            {
                foreach (var (type, s) in gsr.Detection)
                {
                    w.WriteStartObject(type);
                    w.WriteNumber("precision", Math.Round(s.Precision, 4));
                    w.WriteNumber("recall", Math.Round(s.Recall, 4));
                    w.WriteNumber("f1", Math.Round(s.F1, 4));
                    w.WriteNumber("n", s.N);
                    w.WriteNumber("tp", s.TruePositives);
                    w.WriteNumber("fp", s.FalsePositives);
                    w.WriteNumber("fn", s.FalseNegatives);
                    w.WriteNumber("skipped", s.Skipped);
                    w.WriteEndObject();
                }
                w.WriteStartObject("spans");
                foreach (var (type, s) in gsr.Spans)
                {
                    w.WriteStartObject(type);
                    w.WriteNumber("records", s.Records);
                    foreach (var (part, p) in new[] { ("source", s.Source), ("verb", s.Verb), ("target", s.Target) })
                    {
                        w.WriteStartObject(part);
                        w.WriteNumber("gold", p.Gold);
                        w.WriteNumber("found", p.Found);
                        w.WriteNumber("overlap", Math.Round(p.OverlapRate, 4));
                        w.WriteNumber("word_f1", Math.Round(p.MeanTokenF1, 4));
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            if (articles is not null)
            {
                w.WritePropertyName("articles");
                ArticleEventReportWriter.WriteJson(w, articles, verbose);
            }
            w.WriteEndObject();
        }
        o.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
