using System.CommandLine;
using System.Globalization;
using System.Text;
using Marsad.Events.Dedup;
using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Store;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad export</c>: read analysed articles (from the archive, or analyse input files), group near-duplicate
/// stories, merge the reports of one event across articles and write GDELT 2.0 event rows, CSV or JSONL.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or directories to analyse and export; without paths the archive (--store) is read.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "gdelt-events (GDELT 2.0 event table: 61 tab-separated columns, no header), csv (the same columns with a header), jsonl (one merged event per line with all its reports).",
            DefaultValueFactory = _ => "gdelt-events",
        };
        format.AcceptOnlyFromAmong("gdelt-events", "csv", "jsonl");
        var store = StoreOptions.Store();
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write to this file instead of standard output." };
        var all = new Option<bool>("--all") { Description = "Also export events the text does not assert (negated, future, hypothetical, alleged, background); GDELT-style exports leave them out." };
        var window = new Option<int>("--window") { Description = "Days two reports of one event may be apart (default 1).", DefaultValueFactory = _ => 1 };
        var pairs = new Option<FileInfo?>("--pairs") { Description = "Also write the near-duplicate article pairs found (article ids, Jaccard, containment) as TSV to this file." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary on standard error." };
        var command = new Command("export", """
            Export events de-duplicated across articles. Articles telling the same story (MinHash over normalised
            word shingles, then exact Jaccard/containment) are grouped; reports with the same CAMEO root, actors,
            place and a date at most --window days apart become one event with several mentions. The summary
            (articles, stories, events before and after merging) goes to standard error.

            Examples:
              marsad export --store marsad.db --format gdelt-events --out events.tsv
              marsad export ../shared/data/news/corpus/ant-multisource-v2.1 --format jsonl -o events.jsonl
              marsad export page1.txt page2.txt --format csv --pairs pairs.tsv
            """)
        {
            paths, format, store, output, all, window, pairs, quiet,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(parse.GetValue(paths) ?? [], parse.GetValue(format) ?? "gdelt-events", parse.GetValue(store),
            parse.GetValue(output), parse.GetValue(all), parse.GetValue(window), parse.GetValue(pairs), parse.GetValue(quiet), DateTime.UtcNow, ct)));
        return command;
    }

    internal static int Run(string[] inputs, string formatName, string? store, FileInfo? outputFile, bool all, int window, FileInfo? pairsFile, bool quiet,
        DateTime dateAdded, CancellationToken ct)
    {
        var format = EventExport.ParseFormat(formatName);
        var errors = 0;
        List<ArticleEvents> articles;
        try
        {
            articles = inputs.Length > 0 ? FromFiles(inputs, ref errors, ct) : FromArchive(StoreOptions.Resolve(store), ct);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
        var dedup = new EventDeduplicator { DateWindowDays = Math.Max(0, window), IncludeAll = all };
        var result = dedup.Run(articles, ct);
        using (var stream = outputFile is null ? Console.OpenStandardOutput() : outputFile.Create())
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16))
            EventExport.Write(writer, result, format, dateAdded);
        if (pairsFile is not null)
        {
            using var p = new StreamWriter(pairsFile.FullName, false, new UTF8Encoding(false));
            p.Write("a\tb\tjaccard\tcontainment\n");
            foreach (var pair in result.Stories.Pairs)
                p.Write(string.Create(CultureInfo.InvariantCulture, $"{pair.A}\t{pair.B}\t{pair.Jaccard}\t{pair.Containment}\n"));
        }
        if (!quiet)
        {
            var groups = result.Stories.Groups();
            var reports = result.Events.Sum(e => e.Occurrences.Count);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{articles.Count} article(s); {groups.Count} multi-article stories covering {groups.Values.Sum(g => g.Count)} article(s) ({result.Stories.Candidates} candidate pairs checked, {result.Stories.Pairs.Count} accepted); {result.InputEvents} event report(s) → {result.Events.Count} event(s), {result.Events.Count(e => e.NumArticles > 1)} reported by several articles ({reports} reports)"));
        }
        return errors > 0 ? 1 : 0;
    }

    private static List<ArticleEvents> FromFiles(string[] inputs, ref int errors, CancellationToken ct)
    {
        var reader = new ArticleReader();
        var pipeline = AnalysisPipeline.Default;
        var list = new List<ArticleEvents>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in ArticleReader.ExpandPaths(inputs))
        {
            foreach (var result in reader.ReadPath(file, ct))
            {
                switch (result)
                {
                    case ReadResult.Ok ok when seen.Add(ok.Article.Id):
                        list.Add(EventExport.FromDocument(pipeline.Analyze(ok.Article, ct)));
                        break;
                    case ReadResult.Ok:
                        break; // the same body again (same id): one article
                    case ReadResult.Failed failed:
                        Console.Error.WriteLine(failed.ToString());
                        errors++;
                        break;
                }
            }
        }
        return list;
    }

    private static List<ArticleEvents> FromArchive(string store, CancellationToken ct)
    {
        using var archive = Archive.Open(store);
        var ids = new List<string>();
        const int page = 200;
        for (var offset = 0; ; offset += page)
        {
            var items = archive.ListArticles(new ArticleQuery { Offset = offset, Limit = page }).Items;
            ids.AddRange(items.Select(a => a.Id));
            if (items.Count < page)
                break;
        }
        // Oldest first, so a story's id is its earliest article.
        ids.Reverse();
        var list = new List<ArticleEvents>(ids.Count);
        foreach (var id in ids)
        {
            ct.ThrowIfCancellationRequested();
            if (archive.GetArticle(id) is { } stored)
                list.Add(EventExport.FromJson(stored.AnalysisJson));
        }
        return list;
    }
}
