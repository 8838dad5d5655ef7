using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Marsad.Pipeline;
using Marsad.Store;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad worker</c>: process the PostgreSQL work queue, alongside any number of other workers.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var store = StoreOptions.Store();
        var batch = new Option<int>("--batch") { Description = "Pages claimed per transaction (default 200).", DefaultValueFactory = _ => 200 };
        var threads = new Option<int>("--threads", "-t") { Description = "Analysis threads (default: the core count).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var name = new Option<string?>("--name") { Description = "Worker name recorded on each page it processed (default: host:pid)." };
        var follow = new Option<bool>("--follow") { Description = "Keep polling for new pages when the queue is empty (stop with Ctrl+C)." };
        var retry = new Option<bool>("--retry-failed") { Description = "Put failed pages back in the queue first." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Only the summary and errors." };
        var command = new Command("worker", """
            Process pages queued with `marsad ingest --enqueue` on a PostgreSQL archive. Start as many workers as you
            like, on one machine or many: each claims a batch of pending pages with FOR UPDATE SKIP LOCKED, analyses
            them, stores the analyses and marks the pages done in one transaction, so no page is processed twice and
            a killed worker's batch simply returns to the queue. Pages that fail are marked failed with their error.
            Exits when the queue is empty (unless --follow).

            Examples:
              marsad ingest corpus/ --store "Host=db;Username=marsad;Password=…;Database=marsad" --enqueue
              marsad worker --store "Host=db;Username=marsad;Password=…;Database=marsad" &
              marsad worker --store "Host=db;Username=marsad;Password=…;Database=marsad" --threads 4
            """)
        {
            store, batch, threads, name, follow, retry, quiet,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(StoreOptions.Resolve(parse.GetValue(store)), parse.GetValue(batch), parse.GetValue(threads),
            parse.GetValue(name) ?? $"{Environment.MachineName}:{Environment.ProcessId}", parse.GetValue(follow), parse.GetValue(retry), parse.GetValue(quiet), ct)));
        return command;
    }

    internal static int Run(string store, int batch, int threads, string name, bool follow, bool retry, bool quiet, CancellationToken ct)
    {
        if (!Archive.IsPostgres(store))
        {
            Console.Error.WriteLine("error: marsad worker needs a PostgreSQL store (--store \"Host=…;Database=…\"); use marsad ingest for a SQLite file.");
            return 2;
        }
        using var archive = (PostgresArchive)Archive.Open(store);
        if (retry)
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worker {name}: {archive.RetryFailed():N0} failed page(s) back in the queue"));
        var pipeline = AnalysisPipeline.Default;
        var clock = Stopwatch.StartNew();
        long claimed = 0, analysed = 0, failed = 0, batches = 0, written = 0;
        var inv = CultureInfo.InvariantCulture;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var result = archive.ProcessBatch(name, batch, (articles, token) => Ingestor.AnalyzeAll(pipeline, articles, threads, token), ct);
                if (result is null)
                {
                    if (!follow)
                        break;
                    Task.Delay(2000, ct).Wait(ct);
                    continue;
                }
                batches++;
                claimed += result.Claimed;
                analysed += result.Analysed;
                failed += result.Failed;
                written += result.Stored.Written;
                foreach (var e in result.Errors)
                    Console.Error.WriteLine($"error: {e}");
                if (!quiet)
                    Console.Error.WriteLine(string.Create(inv, $"worker {name}: batch {batches}: {result.Claimed} claimed, {result.Analysed} analysed, {result.Stored.Written} stored, {result.Failed} failed; {analysed / clock.Elapsed.TotalSeconds:N0} articles/s"));
            }
        }
        catch (OperationCanceledException)
        {
        }
        Console.Error.WriteLine(string.Create(inv,
            $"worker {name}: {claimed:N0} page(s) claimed in {batches:N0} batch(es), {analysed:N0} analysed, {written:N0} stored, {failed:N0} failed; {clock.Elapsed.TotalSeconds:N1} s, {analysed / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):N0} articles/s"));
        return failed > 0 ? 1 : 0;
    }
}
