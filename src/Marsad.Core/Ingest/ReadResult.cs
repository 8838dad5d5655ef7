using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>What reading one record gave: an article, or an error that names where and why.</summary>
public abstract record ReadResult
{
    private ReadResult() { }

    /// <summary>An article was read.</summary>
    public sealed record Ok(Article Article) : ReadResult;

    /// <summary>
    /// A file or record could not be read. <see cref="Source"/> names the file, <see cref="Location"/>
    /// the line or record inside it (null for the whole file), <see cref="Reason"/> what is wrong.
    /// </summary>
    public sealed record Failed(string Source, string? Location, string Reason) : ReadResult
    {
        public override string ToString() => Location is null ? $"{Source}: {Reason}" : $"{Source}:{Location}: {Reason}";
    }

    /// <summary>A record was read but deliberately not analysed (for example, it is not Arabic).</summary>
    public sealed record Skipped(string Source, string? Location, string Reason) : ReadResult
    {
        public override string ToString() => Location is null ? $"{Source}: {Reason}" : $"{Source}:{Location}: {Reason}";
    }
}

/// <summary>Thrown by a reader for input it cannot accept; the message says what is wrong, never where (the caller adds that).</summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(string message) : base(message) { }

    public InvalidInputException(string message, Exception inner) : base(message, inner) { }

    public InvalidInputException() { }
}
