using System.Diagnostics;
using Lucene.Net.Store;
using Marsad.Index;
using Marsad.Store;

namespace Marsad.Server;

/// <summary>
/// The search index of the served archive. Searching is thread-safe (<see cref="SearchIndex"/>); before a
/// search, at most every <see cref="SyncInterval"/>, the index is brought up to date with the archive's
/// change sequence (articles ingested by another process while the server runs become searchable).
/// When another process holds the index for writing (an ingest in progress), the server searches what
/// that process has committed.
/// </summary>
public sealed class SearchService : IDisposable
{
    private static readonly TimeSpan SyncInterval = TimeSpan.FromSeconds(5);
    private readonly ArchivePool _pool;
    private readonly SearchIndex _index;
    private readonly System.Threading.Lock _gate = new();
    private long _lastSync;

    public SearchService(ArchivePool pool, string indexPath)
    {
        _pool = pool;
        _index = SearchIndex.Open(indexPath);
        Sync(force: true);
    }

    public SearchIndex Index => _index;

    public SearchResults Search(SearchQuery query)
    {
        Sync(force: false);
        return _index.Search(query);
    }

    private void Sync(bool force)
    {
        if (!force && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastSync)) < SyncInterval)
            return;
        if (!_gate.TryEnter())
            return; // another request is syncing; search what is committed
        try
        {
            Interlocked.Exchange(ref _lastSync, Stopwatch.GetTimestamp());
            using var lease = _pool.Rent();
            if (lease.Archive.LastChange() <= _index.Sequence)
                return;
            _index.Sync(lease.Archive);
            _index.CloseWriter();
        }
        catch (LockObtainFailedException)
        {
            // an ingest holds the write lock: it keeps the index up to date itself
        }
        finally
        {
            _gate.Exit();
        }
    }

    public void Dispose() => _index.Dispose();
}
