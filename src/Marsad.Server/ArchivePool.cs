using System.Collections.Concurrent;
using Marsad.Store;

namespace Marsad.Server;

/// <summary>
/// Archive connections for requests: an <see cref="IArchive"/> holds one connection and is not
/// thread-safe, so each request rents one and gives it back. Opening is cheap for PostgreSQL
/// (Npgsql pools) but runs the migration check each time, so idle archives are kept.
/// </summary>
public sealed class ArchivePool : IDisposable
{
    private readonly string _store;
    private readonly int _size;
    private readonly ConcurrentBag<IArchive> _idle = [];
    private int _idleCount;
    private bool _disposed;

    public ArchivePool(string store, int size)
    {
        _store = store;
        _size = Math.Max(1, size);
    }

    public string Store => _store;

    /// <summary>An archive for the caller's exclusive use until the lease is disposed.</summary>
    public Lease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var archive))
        {
            Interlocked.Decrement(ref _idleCount);
            return new Lease(this, archive);
        }
        return new Lease(this, Archive.Open(_store));
    }

    private void Return(IArchive archive)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > _size)
        {
            if (!_disposed)
                Interlocked.Decrement(ref _idleCount);
            archive.Dispose();
            return;
        }
        _idle.Add(archive);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var a))
            a.Dispose();
    }

    /// <summary>A rented archive; dispose to give it back.</summary>
    public readonly struct Lease(ArchivePool pool, IArchive archive) : IDisposable
    {
        public IArchive Archive { get; } = archive;

        public void Dispose() => pool.Return(Archive);
    }
}
