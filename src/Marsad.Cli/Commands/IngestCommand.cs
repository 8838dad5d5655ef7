using System.CommandLine;
using System.Globalization;
using Marsad.Index;
using Marsad.Pipeline;
using Marsad.Store;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad ingest</c>: analyse inputs and store them in the archive (or queue them for workers).</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, directories (read recursively), feed files or '-' for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var store = StoreOptions.Store();
        var index = StoreOptions.Index();
        var threads = new Option<int>("--threads", "-t") { Description = "Analysis threads (default: the core count).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var batch = new Option<int>("--batch") { Description = "Articles per store transaction (default 500).", DefaultValueFactory = _ => 500 };
        var enqueue = new Option<bool>("--enqueue") { Description = "PostgreSQL only: put the pages in the work queue for `marsad worker` instead of analysing them here." };
        var noIndex = new Option<bool>("--no-index") { Description = "Do not update the search index (run `marsad reindex` later)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress line; skipped records are not listed (errors still are)." };
        var stages = new Option<string?>("--stages") { Description = "Comma-separated analysis stages to run (default: all, " + string.Join(",", AnalysisPipeline.Default.Stages.Select(s => s.Name)) + ")." };
        var command = new Command("ingest", """
            Analyse news pages and store them with their analysis in the archive, in batches of one transaction each,
            keeping the search index in step. Idempotent and resumable: an article's id is a hash of its body and each
            source (file#record or URL) is stored once, so rerunning after a crash or a kill skips what was committed
            and stores the rest; a changed page replaces its old analysis. Errors are listed with their source;
            the exit code is 1 if any record failed.

            --store takes a file path (SQLite, the default ./marsad.db) or a PostgreSQL connection string.

            Examples:
              marsad ingest ../shared/data/news/corpus
              marsad ingest feed.xml page.html --store archive.db
              cat records.jsonl | marsad ingest -
              marsad ingest corpus/ --store "Host=db;Username=marsad;Password=…;Database=marsad" --enqueue
            """)
        {
            paths, store, index, threads, batch, enqueue, noIndex, quiet, stages,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(
            parse.GetValue(paths) ?? [], parse.GetValue(store), parse.GetValue(index), parse.GetValue(threads), parse.GetValue(batch),
            parse.GetValue(enqueue), parse.GetValue(noIndex), parse.GetValue(quiet), parse.GetValue(stages), ct)));
        return command;
    }

    internal static int Run(string[] inputs, string? store, string? indexPath, int threads, int batchSize, bool enqueue, bool noIndex, bool quiet, string? stageList, CancellationToken ct)
    {
        var pipeline = AnalysisPipeline.Default;
        if (!string.IsNullOrWhiteSpace(stageList))
        {
            var names = stageList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            var unknown = names.Where(n => pipeline.Stages.All(s => s.Name != n)).ToList();
            if (unknown.Count > 0)
            {
                Console.Error.WriteLine($"error: unknown stage(s) {string.Join(", ", unknown)}; the stages are {string.Join(", ", pipeline.Stages.Select(s => s.Name))}");
                return 2;
            }
            var builder = new PipelineBuilder();
            foreach (var stage in pipeline.Stages.Where(s => names.Contains(s.Name)))
                builder.Use(stage);
            pipeline = builder.Build();
        }
        store = StoreOptions.Resolve(store);
        var inv = CultureInfo.InvariantCulture;
        if (enqueue)
        {
            if (!Archive.IsPostgres(store))
            {
                Console.Error.WriteLine("error: --enqueue needs a PostgreSQL store (--store \"Host=…;Database=…\"); a SQLite archive is ingested directly.");
                return 2;
            }
            using var pg = (PostgresArchive)Archive.Open(store);
            long errors = 0;
            var (read, queued) = Ingestor.Enqueue(pg, inputs, (kind, message) =>
            {
                if (kind == IngestEvent.Error)
                    errors++;
                if (kind == IngestEvent.Error || !quiet)
                    Console.Error.WriteLine($"{(kind == IngestEvent.Error ? "error" : "skipped")}: {message}");
            }, ct);
            Console.Error.WriteLine(string.Create(inv, $"enqueue: {read:N0} article(s) read, {queued:N0} queued or re-queued, {errors:N0} error(s); queue of {pg.Description}"));
            return errors > 0 ? 1 : 0;
        }

        using var archive = Archive.Open(store);
        using var index = noIndex ? null : SearchIndex.Open(indexPath ?? Archive.DefaultIndexPath(store));
        using var syncArchive = index is null ? null : Archive.Open(store);
        var live = !quiet && !Console.IsErrorRedirected;
        var before = archive.CountArticles();
        var indexBusy = false;
        var options = new IngestOptions
        {
            Threads = threads,
            BatchSize = Math.Clamp(batchSize, 1, 10000),
            AfterBatch = index is null ? null : _ =>
            {
                if (indexBusy)
                    return;
                try
                {
                    index.Sync(syncArchive!, cancellationToken: ct);
                }
                catch (Lucene.Net.Store.LockObtainFailedException)
                {
                    // Another process (a server, a reindex) holds the index and follows the archive itself.
                    indexBusy = true;
                    WriteAbove(live, $"note: the search index {index.Path} is open for writing elsewhere; it will catch up from the archive there (or run marsad reindex)");
                }
            },
            OnEvent = (kind, message) =>
            {
                if (kind == IngestEvent.Error || !quiet)
                    WriteAbove(live, $"{(kind == IngestEvent.Error ? "error" : "skipped")}: {message}");
            },
            OnProgress = live ? s => Console.Error.Write(ProgressLine(s)) : null,
        };
        var ingestor = new Ingestor(() => Archive.Open(store), pipeline, options);
        var summary = ingestor.Run(inputs, ct);
        if (index is not null && !indexBusy)
        {
            index.Sync(syncArchive!, cancellationToken: ct);
            if (summary.Analysed >= 20000)
                index.Optimize(); // after a bulk load, one segment searches fastest
        }
        if (live)
            Console.Error.WriteLine(ProgressLine(summary));
        var total = archive.CountArticles();
        Console.Error.WriteLine(string.Create(inv,
            $"ingest: {summary.Read:N0} article(s) read; {summary.AlreadyStored:N0} already stored (skipped); {summary.Analysed:N0} analysed: {summary.Inserted:N0} new, {summary.Replaced:N0} replaced, {summary.Unchanged:N0} unchanged, {summary.Aliased:N0} duplicate bodies under another source; {summary.Skipped:N0} skipped, {summary.Errors:N0} error(s)"));
        Console.Error.WriteLine(string.Create(inv,
            $"ingest: {summary.Elapsed.TotalSeconds:N1} s, {summary.ArticlesPerSecond:N0} articles/s ({options.Threads} analysis thread(s), {summary.Batches:N0} batch(es)); archive {archive.Description}: {before:N0} → {total:N0} articles{(index is null ? "" : string.Create(inv, $"; index {index.Count:N0} documents"))}"));
        return summary.Errors > 0 ? 1 : 0;
    }

    private static string ProgressLine(IngestSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"\ringest: {s.Read:N0} read  {s.AlreadyStored:N0} already stored  {s.Analysed:N0} stored  {s.ArticlesPerSecond:N0}/s  {s.Errors:N0} errors   ");

    private static void WriteAbove(bool live, string message)
    {
        if (live)
            Console.Error.Write("\r" + new string(' ', 100) + "\r");
        Console.Error.WriteLine(message);
    }
}

/// <summary>The <c>--store</c> and <c>--index</c> options every archive command shares.</summary>
internal static class StoreOptions
{
    public static Option<string?> Store() => new("--store", "-s")
    {
        Description = "The archive: a SQLite file path (default ./marsad.db, or $MARSAD_STORE) or a PostgreSQL connection string (Host=…;Username=…;Password=…;Database=…).",
    };

    public static Option<string?> Index() => new("--index")
    {
        Description = "Search index folder (default: beside the SQLite file, marsad.db.index/; for PostgreSQL ./marsad-<database>.index/).",
    };

    public static string Resolve(string? store) =>
        !string.IsNullOrWhiteSpace(store) ? store : Environment.GetEnvironmentVariable("MARSAD_STORE") is { Length: > 0 } env ? env : Archive.DefaultStore;
}
