using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Marsad.Index;
using Marsad.Output;
using Marsad.Store;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad search</c>: Arabic full-text search over the archive (also its benchmark and relevance evaluation).</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("query") { Description = "Words to find; \"quoted words\" must appear as a phrase.", Arity = ArgumentArity.ZeroOrOne };
        var store = StoreOptions.Store();
        var index = StoreOptions.Index();
        var limit = new Option<int>("--limit", "-n") { Description = "Hits to return (1–100, default 10).", DefaultValueFactory = _ => 10 };
        var offset = new Option<int>("--offset") { Description = "Hits to skip (paging)." };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of hits: id, title, published, section, score, snippet, highlights ([start, end) in snippet)." };
        var section = new Option<string?>("--section") { Description = "Only this section." };
        var from = new Option<string?>("--from") { Description = "Published on or after this date (yyyy-MM-dd)." };
        var to = new Option<string?>("--to") { Description = "Published on or before this date (yyyy-MM-dd)." };
        var entity = new Option<string?>("--entity") { Description = "Mentions this entity (archive entity key, e.g. PER:…)." };
        var type = new Option<string?>("--type") { Description = "Mentions an entity of this type (PER, ORG, LOC, MISC)." };
        var place = new Option<string?>("--place") { Description = "Dateline place or a place entity with this name." };
        var country = new Option<string?>("--country") { Description = "Mentions an entity of this country (ISO 3166-1 alpha-2)." };
        var speaker = new Option<string?>("--speaker") { Description = "Quotes this speaker (name or entity key)." };
        var bench = new Option<string?>("--bench") { Description = "Benchmark: time every query of this file (one per line, TSV judgement optional) and print p50/p95/p99." };
        var repeat = new Option<int>("--repeat") { Description = "Benchmark rounds over the query file (default 5).", DefaultValueFactory = _ => 5 };
        var noSnippets = new Option<bool>("--no-snippets") { Description = "Benchmark: time the search alone, without building snippets." };
        var optimize = new Option<bool>("--optimize") { Description = "Merge the index into one segment first (after a bulk load)." };
        var evaluate = new Option<string?>("--evaluate") { Description = "Relevance: score the judged queries of this file (precision@10, MRR)." };
        var command = new Command("search", """
            Search the archive: Arabic full-text search with normalisation and light stemming, BM25 ranking and a
            highlighted snippet per hit, with optional filters. The index is brought up to date with the archive first.

            Examples:
              marsad search "مجلس الأمن"
              marsad search "\"الأمم المتحدة\" اليمن" --from 2015-01-01 --to 2015-12-31 --json
              marsad search النفط --section economy --limit 20
              marsad search --bench bench/search/queries.tsv
              marsad search --evaluate bench/search/queries.tsv
            """)
        {
            query, store, index, limit, offset, json, section, from, to, entity, type, place, country, speaker, bench, repeat, noSnippets, optimize, evaluate,
        };
        command.SetAction((parse, ct) =>
        {
            var storeValue = StoreOptions.Resolve(parse.GetValue(store));
            var indexPath = parse.GetValue(index) ?? Archive.DefaultIndexPath(storeValue);
            if (parse.GetValue(bench) is { } benchFile)
                return Task.FromResult(Bench(storeValue, indexPath, benchFile, parse.GetValue(repeat), !parse.GetValue(noSnippets), parse.GetValue(optimize), parse.GetValue(json)));
            if (parse.GetValue(evaluate) is { } evalFile)
                return Task.FromResult(Evaluate(storeValue, indexPath, evalFile, parse.GetValue(json)));
            var text = parse.GetValue(query);
            if (string.IsNullOrWhiteSpace(text))
            {
                Console.Error.WriteLine("error: give a query (or --bench FILE / --evaluate FILE)");
                return Task.FromResult(2);
            }
            if (!TryDate(parse.GetValue(from), out var fromDate) || !TryDate(parse.GetValue(to), out var toDate))
            {
                Console.Error.WriteLine("error: --from and --to take dates as yyyy-MM-dd");
                return Task.FromResult(2);
            }
            var q = new SearchQuery
            {
                Text = text,
                Limit = parse.GetValue(limit),
                Offset = parse.GetValue(offset),
                Section = parse.GetValue(section),
                From = fromDate,
                To = toDate,
                Entity = parse.GetValue(entity),
                EntityType = parse.GetValue(type),
                Place = parse.GetValue(place),
                Country = parse.GetValue(country),
                Speaker = parse.GetValue(speaker),
            };
            return Task.FromResult(Search(storeValue, indexPath, q, parse.GetValue(json)));
        });
        return command;
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return false;
        date = d;
        return true;
    }

    /// <summary>Opens the index and brings it up to date with the archive (unless another process is syncing it).</summary>
    internal static SearchIndex OpenSynced(string store, string indexPath)
    {
        var index = SearchIndex.Open(indexPath);
        if (Archive.IsPostgres(store) || File.Exists(Path.GetFullPath(store)))
        {
            using var archive = Archive.Open(store);
            try
            {
                index.Sync(archive);
                index.CloseWriter();
            }
            catch (Lucene.Net.Store.LockObtainFailedException)
            {
                Console.Error.WriteLine("note: the index is being updated by another process; searching what it has committed");
            }
        }
        return index;
    }

    private static int Search(string store, string indexPath, SearchQuery query, bool asJson)
    {
        using var index = OpenSynced(store, indexPath);
        var results = index.Search(query);
        if (asJson)
        {
            using var w = new Utf8JsonWriter(Console.OpenStandardOutput(), DocumentJson.WriterOptions with { Indented = true });
            w.WriteStartArray();
            foreach (var h in results.Hits)
            {
                w.WriteStartObject();
                w.WriteString("id", h.ArticleId);
                w.WriteString("title", h.Title);
                w.WriteString("published", h.Published);
                w.WriteString("section", h.Section);
                w.WriteNumber("score", Math.Round(h.Score, 4));
                w.WriteString("snippet", h.Snippet.Text);
                w.WriteNumber("snippet_start", h.Snippet.BodyStart);
                w.WriteStartArray("highlights");
                foreach (var (s, e) in h.Snippet.Highlights)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(s);
                    w.WriteNumberValue(e);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.Flush();
            Console.WriteLine();
            return 0;
        }
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"{results.Total:N0} article(s) match; terms: {string.Join(' ', results.Terms)}"));
        var n = query.Offset;
        foreach (var h in results.Hits)
        {
            n++;
            Console.WriteLine();
            Console.WriteLine(string.Create(inv, $"{n}. {h.Title ?? "(no title)"}   [{h.Score:F2}]"));
            Console.WriteLine($"   {h.ArticleId}  {h.Published ?? "-"}  {h.Section ?? ""}");
            Console.WriteLine($"   {h.Snippet.Marked("«", "»").ReplaceLineEndings(" ")}");
        }
        return 0;
    }

    private static int Bench(string store, string indexPath, string file, int repeat, bool snippets, bool optimize, bool asJson)
    {
        var queries = JudgedQuery.Load(file);
        using var index = OpenSynced(store, indexPath);
        if (optimize)
            index.Optimize();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var times = SearchIndex.Time(index, queries.Select(q => new SearchQuery { Text = q.Query, Limit = 10, Snippets = snippets }), Math.Max(1, repeat));
        var cpuMs = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / (times.Count + 3 * queries.Count);
        var sorted = times.Order().ToArray();
        double P(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var inv = CultureInfo.InvariantCulture;
        if (asJson)
        {
            Console.WriteLine(string.Create(inv, $$"""{"queries": {{queries.Count}}, "runs": {{sorted.Length}}, "documents": {{index.Count}}, "analyzer": "{{index.AnalyzerName}}", "p50_ms": {{P(0.50):F2}}, "p95_ms": {{P(0.95):F2}}, "p99_ms": {{P(0.99):F2}}, "max_ms": {{sorted[^1]:F2}}, "mean_ms": {{sorted.Average():F2}}, "cpu_ms_per_search": {{cpuMs:F2}}, "snippets": {{(snippets ? "true" : "false")}}}"""));
            return 0;
        }
        Console.WriteLine(string.Create(inv, $"search benchmark: {queries.Count} queries × {Math.Max(1, repeat)} rounds = {sorted.Length} searches (top 10{(snippets ? " with snippets" : ", no snippets")}) over {index.Count:N0} documents, analyser {index.AnalyzerName}, {Environment.ProcessorCount} cores"));
        Console.WriteLine(string.Create(inv, $"latency ms: p50 {P(0.50):F2}  p95 {P(0.95):F2}  p99 {P(0.99):F2}  max {sorted[^1]:F2}  mean {sorted.Average():F2}  (CPU {cpuMs:F2} ms per search)"));
        return 0;
    }

    private static int Evaluate(string store, string indexPath, string file, bool asJson)
    {
        var queries = JudgedQuery.Load(file);
        using var index = OpenSynced(store, indexPath);
        var scores = SearchEvaluation.Run(index, queries);
        var inv = CultureInfo.InvariantCulture;
        if (!asJson)
        {
            Console.WriteLine(string.Create(inv, $"analyser {index.AnalyzerName}, {index.Count:N0} documents"));
            Console.WriteLine("P@10  P@100   MRR  R@100    hits  relevant  query");
            foreach (var s in scores)
                Console.WriteLine(string.Create(inv, $"{s.PrecisionAt10,4:F1} {s.PrecisionAt100,5:F2} {s.ReciprocalRank,5:F2} {s.RecallAt100,6:F2} {s.Hits,7:N0} {s.Relevant,9:N0}  {s.Query}"));
        }
        Console.WriteLine($"{index.AnalyzerName}: {SearchEvaluation.Summary(scores)}");
        return 0;
    }
}

/// <summary><c>marsad reindex</c>: rebuild the search index from the archive.</summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var store = StoreOptions.Store();
        var index = StoreOptions.Index();
        var analyzer = new Option<string>("--analyzer") { Description = "marsad (the engine's normaliser, clitic segmenter and light stemmer; default) or lucene (Lucene's ArabicAnalyzer).", DefaultValueFactory = _ => MarsadArabicAnalyzer.Name };
        analyzer.AcceptOnlyFromAmong(MarsadArabicAnalyzer.Name, LuceneArabic.Name);
        var command = new Command("reindex", """
            Rebuild the search index from the archive (for example after changing the analyser, or when the index
            folder was lost). Ingest keeps the index up to date by itself.

            Examples:
              marsad reindex
              marsad reindex --store archive.db --analyzer lucene --index /tmp/lucene.index
            """)
        {
            store, index, analyzer,
        };
        command.SetAction((parse, ct) =>
        {
            var storeValue = StoreOptions.Resolve(parse.GetValue(store));
            var path = parse.GetValue(index) ?? Archive.DefaultIndexPath(storeValue);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var archive = Archive.Open(storeValue);
            using var idx = SearchIndex.Create(path, parse.GetValue(analyzer) ?? MarsadArabicAnalyzer.Name);
            var live = !Console.IsErrorRedirected;
            var applied = idx.Sync(archive, live ? n => Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rreindex: {n:N0} articles")) : null, ct);
            if (live)
                Console.Error.WriteLine();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reindex: {applied:N0} changes applied, {idx.Count:N0} documents in {path} (analyser {idx.AnalyzerName}) in {clock.Elapsed.TotalSeconds:N1} s"));
            return Task.FromResult(0);
        });
        return command;
    }
}
