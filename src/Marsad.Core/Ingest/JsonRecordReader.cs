using System.Globalization;
using System.Text.Json;
using Marsad.Cleaning;
using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// Maps one JSON record of a news corpus to an article. Field names are the common ones:
/// title (<c>title</c>, <c>headline</c>); body (<c>text</c>, <c>content</c>, <c>body</c>, <c>article</c>);
/// date (<c>published</c>, <c>pubDate</c>, <c>date</c>, <c>time</c>, <c>datePublished</c>, <c>date_extracted</c>);
/// <c>url</c>; section (<c>category</c>, <c>section</c>); <c>author</c>; <c>id</c>.
/// The author field is also the record's by-line: when the body opens with it («سبق- أبها: …»,
/// «محمود وهبي ـ جدة»), it is split off the body and read as the dateline.
/// </summary>
public static class JsonRecordReader
{
    private static readonly string[] TitleFields = ["title", "headline"];
    private static readonly string[] BodyFields = ["text", "content", "body", "article", "maintext"];
    private static readonly string[] DateFields = ["published", "pubDate", "pubdate", "date", "time", "datePublished", "date_published", "publish_date", "date_extracted", "crawl_date"];
    private static readonly string[] SectionFields = ["category", "section"];
    private static readonly string[] UrlFields = ["url", "link"];
    private static readonly string[] AuthorFields = ["author", "byline"];

    /// <summary>Reads one record; <paramref name="source"/> is the file, <paramref name="location"/> the line or index.</summary>
    public static ReadResult Read(JsonElement record, string source, string location, ReaderOptions options)
    {
        if (record.ValueKind != JsonValueKind.Object)
            return new ReadResult.Failed(source, location, $"record is a JSON {record.ValueKind.ToString().ToLowerInvariant()}, expected an object");
        var id = Text(record, ["id", "_id", "docno"]);
        var where = id is null ? location : $"{location} (id {id})";
        var bodyText = Text(record, BodyFields);
        if (bodyText is null)
            return new ReadResult.Skipped(source, where, "empty body: none of the fields text/content/body/article holds text");
        if (bodyText.Length > options.MaxBodyChars)
            return new ReadResult.Failed(source, where, string.Create(CultureInfo.InvariantCulture, $"article body is {bodyText.Length:N0} characters, over the {options.MaxBodyChars:N0} limit"));
        var author = CleanAuthor(Text(record, AuthorFields));
        var clean = BodyCleaner.Clean(bodyText.Split('\n'), byline: author);
        if (clean.Body.Length == 0)
            return new ReadResult.Skipped(source, where, "empty body after removing boilerplate lines");

        PublishedTime? published = null;
        foreach (var field in DateFields)
        {
            if (Text(record, [field]) is { } value && PublishedDateParser.TryParse(value) is { } date)
            {
                published = date;
                break;
            }
        }
        return new ReadResult.Ok(new Article
        {
            Id = ArticleId.Compute(clean.Body),
            Source = id is null ? $"{source}#{location}" : $"{source}#{id}",
            Format = "jsonl",
            Title = Text(record, TitleFields),
            Section = Text(record, SectionFields),
            Published = published,
            Dateline = clean.Dateline,
            Url = Text(record, UrlFields),
            Author = author,
            HasPicture = clean.HasPicture,
            Body = clean.Body,
        });
    }

    /// <summary>True when <paramref name="record"/> is an object with one of the body fields (whatever it holds).</summary>
    public static bool HasBodyField(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
            return false;
        foreach (var name in BodyFields)
        {
            if (record.TryGetProperty(name, out _))
                return true;
        }
        return false;
    }

    /// <summary>Author fields are scraped by-lines: entities (&amp;nbsp;) decoded, no-break and repeated spaces collapsed.</summary>
    private static string? CleanAuthor(string? author)
    {
        if (author is null)
            return null;
        var decoded = author.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(author) : author;
        var collapsed = string.Join(' ', decoded.Split((char[])[' ', '\u00A0', '\t', '\u202F', '\u2009'], StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }

    private static string? Text(JsonElement record, string[] names)
    {
        foreach (var name in names)
        {
            if (record.TryGetProperty(name, out var value))
            {
                var s = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    JsonValueKind.Array => string.Join('\n', value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString())),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(s))
                    return s.Trim();
            }
        }
        return null;
    }
}
