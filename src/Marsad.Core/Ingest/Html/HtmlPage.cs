using Marsad.Model;

namespace Marsad.Ingest.Html;

/// <summary>What the extractor read out of an HTML page.</summary>
public sealed record HtmlPage
{
    public string? Title { get; init; }
    public string? Section { get; init; }
    public PublishedTime? Published { get; init; }
    public string? Url { get; init; }
    public string? Author { get; init; }
    /// <summary>The language the markup declares (<c>&lt;html lang&gt;</c>, meta), if any.</summary>
    public string? DeclaredLanguage { get; init; }
    public bool HasPicture { get; init; }
    /// <summary>The main text, one paragraph per item, boilerplate removed.</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }
    /// <summary>How the main text was found (rule name), for the record's provenance.</summary>
    public required string By { get; init; }
}
