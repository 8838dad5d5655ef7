using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Pipeline;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad bench</c>: the project's throughput command. Reads every article under the given
/// paths and runs the pipeline, timing ingest (read + extract + clean) and each stage.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Corpus files or directories. Default: ../shared/data/news/corpus (SaudiNewsNet + ANT, 62K articles).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var threads = new Option<int>("--threads", "-t") { Description = "Worker threads (default: the machine's core count).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var limit = new Option<int>("--limit", "-n") { Description = "Stop after this many articles (0 = all).", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object." };
        var until = new Option<string?>("--until")
        {
            Description = "Run the default pipeline only up to this stage (inclusive): sentences, tokens, mentions, lexicon-mentions, entity-linking, times, quotes, events. `--until tokens` measures ingest + the text core.",
        };
        var command = new Command("bench", """
            Measure throughput of ingest and of every analysis stage over a corpus, and print articles/s and MB/s
            (MB of article body text, UTF-8) per stage and overall, with the core count. Stage figures are per core
            (articles / CPU-seconds spent in that stage); the overall figure is wall-clock with all threads.

            Examples:
              marsad bench
              marsad bench ../shared/data/news/corpus/ant-multisource-v2.1 --threads 1
              marsad bench --until tokens              # ingest + text core only
              marsad bench --json > bench.json
            """)
        {
            paths, threads, limit, json, until,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(parse.GetValue(paths) is { Length: > 0 } p ? p : [DefaultCorpus()], parse.GetValue(threads), parse.GetValue(limit), parse.GetValue(json), parse.GetValue(until), ct)));
        return command;
    }

    private static string DefaultCorpus()
    {
        foreach (var candidate in (ReadOnlySpan<string>)["../shared/data/news/corpus", "../../shared/data/news/corpus"])
        {
            if (Directory.Exists(candidate))
                return candidate;
        }
        return "../shared/data/news/corpus";
    }

    private static int Run(string[] inputs, int threads, int limit, bool asJson, string? until, CancellationToken ct)
    {
        var pipeline = AnalysisPipeline.Default;
        if (until is not null)
        {
            var names = pipeline.Stages.Select(st => st.Name).ToList();
            var last = names.IndexOf(until);
            if (last < 0)
            {
                Console.Error.WriteLine($"error: --until {until}: no such stage (stages: {string.Join(", ", names)})");
                return 2;
            }
            var builder = new PipelineBuilder();
            foreach (var stage in pipeline.Stages.Take(last + 1))
                builder.Use(stage);
            pipeline = builder.Build();
        }
        var files = ArticleReader.ExpandPaths(inputs).Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"error: no input files under {string.Join(", ", inputs)}");
            return 2;
        }
        var reader = new ArticleReader();
        var stageTicks = new long[pipeline.Stages.Count];
        long ingestTicks = 0, articles = 0, bodyBytes = 0, errors = 0, skipped = 0;
        var gate = new object();
        var wall = Stopwatch.StartNew();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = ct }, (file, state) =>
        {
            var localStages = new long[stageTicks.Length];
            long localIngest = 0, localArticles = 0, localBytes = 0, localErrors = 0, localSkipped = 0;
            using var e = reader.ReadPath(file, ct).GetEnumerator();
            while (true)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (!e.MoveNext())
                    break;
                localIngest += Stopwatch.GetTimestamp() - t0;
                switch (e.Current)
                {
                    case ReadResult.Ok ok:
                        pipeline.Analyze(ok.Article, localStages, ct);
                        localArticles++;
                        localBytes += System.Text.Encoding.UTF8.GetByteCount(ok.Article.Body);
                        break;
                    case ReadResult.Failed:
                        localErrors++;
                        break;
                    default:
                        localSkipped++;
                        break;
                }
                if (limit > 0 && Interlocked.Read(ref articles) + localArticles >= limit)
                {
                    state.Stop();
                    break;
                }
            }
            lock (gate)
            {
                ingestTicks += localIngest;
                for (var i = 0; i < localStages.Length; i++)
                    stageTicks[i] += localStages[i];
                articles += localArticles;
                bodyBytes += localBytes;
                errors += localErrors;
                skipped += localSkipped;
            }
        });
        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;

        var rows = new List<(string Stage, double Seconds)> { ("ingest", ToSeconds(ingestTicks)) };
        for (var i = 0; i < pipeline.Stages.Count; i++)
            rows.Add((pipeline.Stages[i].Name, ToSeconds(stageTicks[i])));
        var mb = bodyBytes / 1e6;
        var overall = articles / wall.Elapsed.TotalSeconds;
        if (asJson)
        {
            using var w = new Utf8JsonWriter(Console.OpenStandardOutput(), new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteNumber("cores", Environment.ProcessorCount);
            w.WriteNumber("threads", threads);
            w.WriteNumber("files", files.Count);
            w.WriteNumber("articles", articles);
            w.WriteNumber("skipped", skipped);
            w.WriteNumber("errors", errors);
            w.WriteNumber("body_mb", Math.Round(mb, 2));
            w.WriteNumber("wall_seconds", Math.Round(wall.Elapsed.TotalSeconds, 3));
            w.WriteNumber("cpu_seconds", Math.Round(cpu.TotalSeconds, 3));
            w.WriteNumber("articles_per_second", Math.Round(overall, 1));
            w.WriteNumber("mb_per_second", Math.Round(mb / wall.Elapsed.TotalSeconds, 2));
            w.WriteStartObject("stages");
            foreach (var (stage, seconds) in rows)
            {
                w.WriteStartObject(stage);
                w.WriteNumber("cpu_seconds", Math.Round(seconds, 3));
                w.WriteNumber("articles_per_second_per_core", Math.Round(articles / Math.Max(seconds, 1e-9), 1));
                w.WriteNumber("mb_per_second_per_core", Math.Round(mb / Math.Max(seconds, 1e-9), 2));
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
            w.Flush();
            Console.WriteLine();
            return 0;
        }
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"machine: {Environment.ProcessorCount} cores, {threads} thread(s); {files.Count} files, {articles:N0} articles ({mb:N1} MB of body text), {skipped:N0} skipped, {errors:N0} errors"));
        Console.WriteLine(string.Create(inv, $"{"stage",-12} {"cpu s",9} {"articles/s/core",16} {"MB/s/core",10}"));
        foreach (var (stage, seconds) in rows)
            Console.WriteLine(string.Create(inv, $"{stage,-12} {seconds,9:N2} {articles / Math.Max(seconds, 1e-9),16:N0} {mb / Math.Max(seconds, 1e-9),10:N1}"));
        Console.WriteLine(string.Create(inv, $"{"overall",-12} {wall.Elapsed.TotalSeconds,9:N2} {overall,16:N0} {mb / wall.Elapsed.TotalSeconds,10:N1}   (wall clock, {threads} threads; CPU {cpu.TotalSeconds:N1} s)"));
        return 0;
    }

    private static double ToSeconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}
