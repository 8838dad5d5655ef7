using System.Collections.Immutable;

namespace Marsad.Model;

/// <summary>
/// One clean news article as a reader extracted it: metadata plus the body text that every
/// annotation's offsets point into. Immutable; readers build it, stages never change it.
/// </summary>
public sealed record Article
{
    /// <summary>Stable id: a hash of the normalised body (see <see cref="Marsad.Ingest.ArticleId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>Where the article came from: a file path, <c>path#line</c> for JSONL, <c>path#item</c> for feeds, or a URL.</summary>
    public required string Source { get; init; }

    /// <summary>The reader that produced it: <c>text</c>, <c>html</c>, <c>feed</c> or <c>jsonl</c>.</summary>
    public required string Format { get; init; }

    public string? Title { get; init; }
    public string? Section { get; init; }
    public PublishedTime? Published { get; init; }
    public Dateline? Dateline { get; init; }
    public ImmutableArray<int> Counters { get; init; } = [];
    public string? Url { get; init; }
    public string? Author { get; init; }

    /// <summary>ISO 639-1 code the language check settled on (<c>ar</c>, <c>fa</c>, <c>ur</c>, …) or null when unknown.</summary>
    public string? Language { get; init; }

    /// <summary>True when the page carried a picture placeholder or an article image.</summary>
    public bool HasPicture { get; init; }

    /// <summary>The clean body. Every annotation's <c>[Start, End)</c> is a UTF-16 range of this string.</summary>
    public required string Body { get; init; }
}

/// <summary>A dateline split off the start of a body: «بغداد - وكالات -» → place بغداد, source وكالات.</summary>
public sealed record Dateline(string? Place, string? Source);
