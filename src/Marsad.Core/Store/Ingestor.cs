using System.Diagnostics;
using System.Threading.Channels;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Store;

/// <summary>Settings of a batch ingest.</summary>
public sealed record IngestOptions
{
    /// <summary>Analysis threads (default: the core count).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Documents per store transaction.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Called after each committed batch (the search index follows the archive here).</summary>
    public Action<StoreResult>? AfterBatch { get; init; }

    /// <summary>Called for each read or analysis failure and each skipped record, with its message.</summary>
    public Action<IngestEvent, string>? OnEvent { get; init; }

    /// <summary>Called now and then (and after each batch) with the running totals.</summary>
    public Action<IngestSummary>? OnProgress { get; init; }
}

public enum IngestEvent
{
    Error,
    Skipped,
}

/// <summary>Running and final totals of an ingest.</summary>
public sealed class IngestSummary
{
    private long _read, _alreadyStored, _skipped, _errors, _analysed;

    /// <summary>Articles read from the inputs.</summary>
    public long Read => Interlocked.Read(ref _read);
    /// <summary>Articles whose source was already stored with the same id (resume: not analysed again).</summary>
    public long AlreadyStored => Interlocked.Read(ref _alreadyStored);
    public long Skipped => Interlocked.Read(ref _skipped);
    public long Errors => Interlocked.Read(ref _errors);
    public long Analysed => Interlocked.Read(ref _analysed);
    public long Inserted { get; private set; }
    public long Replaced { get; private set; }
    public long Unchanged { get; private set; }
    public long Aliased { get; private set; }
    public long Batches { get; private set; }
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Articles analysed and stored per second of wall clock.</summary>
    public double ArticlesPerSecond => Analysed / Math.Max(Elapsed.TotalSeconds, 1e-3);

    internal void ReadOne() => Interlocked.Increment(ref _read);
    internal void Stored(long n) => Interlocked.Add(ref _alreadyStored, n);
    internal void Skip() => Interlocked.Increment(ref _skipped);
    internal void Error() => Interlocked.Increment(ref _errors);
    internal void AnalysedOne() => Interlocked.Increment(ref _analysed);

    internal void Add(StoreResult r)
    {
        Inserted += r.Inserted;
        Replaced += r.Replaced;
        Unchanged += r.Unchanged;
        Aliased += r.Aliased;
        Batches++;
    }
}

/// <summary>
/// Batch ingest into an archive: one thread reads the inputs and drops articles whose source is
/// already stored with the same id (so a rerun after a crash or kill resumes where the last
/// committed batch ended), several threads analyse, and one writer stores batches, each in one
/// transaction. Nothing is ever half-stored: a batch commits whole or not at all.
/// </summary>
public sealed class Ingestor
{
    private readonly Func<IArchive> _open;
    private readonly AnalysisPipeline _pipeline;
    private readonly IngestOptions _options;

    /// <summary>
    /// <paramref name="open"/> opens a connection to the archive; it is called twice (the writer, and the reader's look-ups).
    /// The pipeline defaults to <see cref="AnalysisPipeline.Default"/>.
    /// </summary>
    public Ingestor(Func<IArchive> open, AnalysisPipeline? pipeline = null, IngestOptions? options = null)
    {
        _open = open;
        _pipeline = pipeline ?? AnalysisPipeline.Default;
        _options = options ?? new IngestOptions();
    }

    public IngestSummary Run(IEnumerable<string> inputs, CancellationToken cancellationToken = default) =>
        Run(ct => ReadFiles(ArticleReader.ExpandPaths(inputs), ct), cancellationToken);

    /// <summary>Ingests the articles that <paramref name="read"/> yields (failures and skips are reported, not stored).</summary>
    public IngestSummary Run(Func<CancellationToken, IEnumerable<ReadResult>> read, CancellationToken cancellationToken = default)
    {
        var summary = new IngestSummary();
        var clock = Stopwatch.StartNew();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ct = linked.Token;
        var toAnalyse = Channel.CreateBounded<Article>(new BoundedChannelOptions(2048) { SingleWriter = true });
        var analysed = Channel.CreateBounded<Document>(new BoundedChannelOptions(2048) { SingleReader = true });
        using var writer = _open();

        var reader = Task.Run(() =>
        {
            try
            {
                using var lookup = _open();
                var pending = new List<Article>(256);
                foreach (var result in read(ct))
                {
                    switch (result)
                    {
                        case ReadResult.Ok ok:
                            summary.ReadOne();
                            pending.Add(ok.Article);
                            if (pending.Count == 256)
                                Forward(lookup, pending, toAnalyse.Writer, summary, ct);
                            break;
                        case ReadResult.Failed failed:
                            summary.Error();
                            _options.OnEvent?.Invoke(IngestEvent.Error, failed.ToString());
                            break;
                        case ReadResult.Skipped skipped:
                            summary.Skip();
                            _options.OnEvent?.Invoke(IngestEvent.Skipped, skipped.ToString());
                            break;
                    }
                }
                Forward(lookup, pending, toAnalyse.Writer, summary, ct);
                toAnalyse.Writer.Complete();
            }
            catch (Exception ex)
            {
                toAnalyse.Writer.Complete(ex);
            }
        }, ct);

        var threads = Math.Max(1, _options.Threads);
        var analysers = Enumerable.Range(0, threads).Select(_ => Task.Run(async () =>
        {
            await foreach (var article in toAnalyse.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                Document doc;
                try
                {
                    doc = _pipeline.Analyze(article, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    summary.Error();
                    _options.OnEvent?.Invoke(IngestEvent.Error, $"{article.Source}: analysis failed: {ex.GetType().Name}: {ex.Message}");
                    continue;
                }
                await analysed.Writer.WriteAsync(doc, ct).ConfigureAwait(false);
            }
        }, ct)).ToArray();
        var analysersDone = Task.WhenAll(analysers).ContinueWith(t => analysed.Writer.Complete(t.Exception?.GetBaseException()), TaskScheduler.Default);

        try
        {
            var batch = new List<Document>(_options.BatchSize);
            var lastProgress = Stopwatch.GetTimestamp();
            var channel = analysed.Reader;
            while (channel.WaitToReadAsync(ct).AsTask().GetAwaiter().GetResult())
            {
                while (channel.TryRead(out var doc))
                {
                    batch.Add(doc);
                    summary.AnalysedOne();
                    if (batch.Count >= _options.BatchSize)
                        Commit(writer, batch, summary, clock, ct);
                }
                if (_options.OnProgress is { } onProgress && Stopwatch.GetElapsedTime(lastProgress).TotalMilliseconds > 200)
                {
                    summary.Elapsed = clock.Elapsed;
                    onProgress(summary);
                    lastProgress = Stopwatch.GetTimestamp();
                }
            }
            Commit(writer, batch, summary, clock, ct);
        }
        finally
        {
            linked.Cancel();
            try
            {
                Task.WaitAll([reader, analysersDone]);
            }
            catch (AggregateException) when (cancellationToken.IsCancellationRequested || linked.IsCancellationRequested)
            {
            }
        }
        // Surface a reader fault (the channel carried it) or a cancellation.
        reader.GetAwaiter().GetResult();
        cancellationToken.ThrowIfCancellationRequested();
        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    private void Commit(IArchive writer, List<Document> batch, IngestSummary summary, Stopwatch clock, CancellationToken ct)
    {
        if (batch.Count == 0)
            return;
        var result = writer.Store(batch, ct);
        summary.Add(result);
        batch.Clear();
        _options.AfterBatch?.Invoke(result);
        summary.Elapsed = clock.Elapsed;
        _options.OnProgress?.Invoke(summary);
    }

    private static void Forward(IArchive lookup, List<Article> pending, ChannelWriter<Article> writer, IngestSummary summary, CancellationToken ct)
    {
        if (pending.Count == 0)
            return;
        var stored = lookup.StoredIds([.. pending.Select(a => a.Source)]);
        long skipped = 0;
        foreach (var a in pending)
        {
            if (stored.TryGetValue(a.Source, out var id) && id == a.Id)
            {
                skipped++;
                continue;
            }
            writer.WriteAsync(a, ct).AsTask().GetAwaiter().GetResult();
        }
        summary.Stored(skipped);
        pending.Clear();
    }

    /// <summary>Reads every file in turn.</summary>
    private static IEnumerable<ReadResult> ReadFiles(IEnumerable<string> files, CancellationToken ct)
    {
        var reader = new ArticleReader();
        foreach (var file in files)
        {
            foreach (var r in reader.ReadPath(file, ct))
                yield return r;
        }
    }

    /// <summary>Reads the inputs and puts their articles in the PostgreSQL work queue (no analysis). Returns rows added or reset.</summary>
    public static (long Read, long Queued) Enqueue(PostgresArchive archive, IEnumerable<string> inputs, Action<IngestEvent, string>? onEvent = null, CancellationToken cancellationToken = default)
    {
        var reader = new ArticleReader();
        var pending = new List<Article>(1000);
        long read = 0, queued = 0;
        foreach (var file in ArticleReader.ExpandPaths(inputs))
        {
            foreach (var r in reader.ReadPath(file, cancellationToken))
            {
                switch (r)
                {
                    case ReadResult.Ok ok:
                        read++;
                        pending.Add(ok.Article);
                        if (pending.Count == 1000)
                        {
                            queued += archive.Enqueue(pending);
                            pending.Clear();
                        }
                        break;
                    case ReadResult.Failed f:
                        onEvent?.Invoke(IngestEvent.Error, f.ToString());
                        break;
                    case ReadResult.Skipped s:
                        onEvent?.Invoke(IngestEvent.Skipped, s.ToString());
                        break;
                }
            }
        }
        queued += archive.Enqueue(pending);
        return (read, queued);
    }

    /// <summary>Analyses a claimed batch of the work queue across <paramref name="threads"/> threads, keeping the order.</summary>
    public static IReadOnlyList<(Document? Document, string? Error)> AnalyzeAll(AnalysisPipeline pipeline, IReadOnlyList<Article> articles, int threads, CancellationToken ct)
    {
        var results = new (Document?, string?)[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = ct }, i =>
        {
            try
            {
                results[i] = (pipeline.Analyze(articles[i], ct), null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                results[i] = (null, $"{articles[i].Source}: analysis failed: {ex.GetType().Name}: {ex.Message}");
            }
        });
        return results;
    }
}
