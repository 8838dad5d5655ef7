namespace Marsad.Ingest;

/// <summary>Bounds that keep hostile or broken input from exhausting memory or time.</summary>
public sealed record ReaderOptions
{
    /// <summary>Largest input file read into memory (HTML, feeds, scraped text). JSONL streams and is bounded per line.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest decompressed size of a gzip input.</summary>
    public long MaxDecompressedBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Longest JSONL record line, in bytes.</summary>
    public int MaxLineBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Longest article body, in characters. Longer bodies are rejected, not truncated.</summary>
    public int MaxBodyChars { get; init; } = 1_000_000;

    /// <summary>Deepest HTML element nesting the extractor walks.</summary>
    public int MaxHtmlDepth { get; init; } = 512;

    /// <summary>Largest number of items read from one feed.</summary>
    public int MaxFeedItems { get; init; } = 10_000;

    public static ReaderOptions Default { get; } = new();
}
