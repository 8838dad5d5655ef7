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
        try
        {
            return ReadRecord(record, source, location, options);
        }
        catch (InvalidOperationException ex)
        {
            // JsonElement.GetString throws this for escapes that are not valid UTF-16 (an unpaired «\udc00»).
            return new ReadResult.Failed(source, location, $"invalid JSON string: {ex.Message}");
        }
    }

    private static ReadResult ReadRecord(JsonElement record, string source, string location, ReaderOptions options)
    {
        if (record.ValueKind != JsonValueKind.Object)
            return new ReadResult.Failed(source, location, $"record is a JSON {record.ValueKind.ToString().ToLowerInvariant()}, expected an object");
        var id = Text(record, ["id", "_id", "docno"]);
        var where = id is null ? location : $"{location} (id {id})";
        var bodyText = Body(record, out var problem);
        if (problem is not null)
            return new ReadResult.Failed(source, where, problem);
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
        var url = Text(record, UrlFields);
        var (title, section) = SiteRules.TitleSection(Text(record, TitleFields), Text(record, SectionFields), url);
        return new ReadResult.Ok(new Article
        {
            Id = ArticleId.Compute(clean.Body),
            Source = id is null ? $"{source}#{location}" : $"{source}#{id}",
            Format = "jsonl",
            Title = title,
            Section = section,
            Published = published,
            Dateline = clean.Dateline ?? BylineDateline(author),
            Url = url,
            Author = author,
            HasPicture = clean.HasPicture,
            Body = clean.Body,
        });
    }

    /// <summary>
    /// The body: the first body field holding text. A string is the body; an array of strings is its
    /// paragraphs. A body field of another JSON type (object, number, array of non-strings) is a
    /// <paramref name="problem"/>, not a silent skip.
    /// </summary>
    private static string? Body(JsonElement record, out string? problem)
    {
        problem = null;
        foreach (var name in BodyFields)
        {
            if (!record.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                continue;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    if (value.GetString() is { } s && !string.IsNullOrWhiteSpace(s))
                        return s;
                    continue;
                case JsonValueKind.Array:
                    var paragraphs = new List<string>();
                    var other = 0;
                    foreach (var e in value.EnumerateArray())
                    {
                        if (e.ValueKind == JsonValueKind.String)
                            paragraphs.Add(e.GetString()!);
                        else
                            other++;
                    }
                    if (other > 0)
                    {
                        problem = string.Create(CultureInfo.InvariantCulture, $"field \"{name}\" is an array holding {other} non-string item(s); expected text or an array of paragraph strings");
                        return null;
                    }
                    if (paragraphs.Exists(p => !string.IsNullOrWhiteSpace(p)))
                        return string.Join('\n', paragraphs);
                    continue;
                default:
                    problem = $"field \"{name}\" is a JSON {value.ValueKind.ToString().ToLowerInvariant()}; expected text or an array of paragraph strings";
                    return null;
            }
        }
        return null;
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

    /// <summary>
    /// Author fields are scraped by-lines: entities (&amp;nbsp;) decoded, no-break and repeated spaces
    /// collapsed. A bare identifier (a CMS's author GUID) is no author.
    /// </summary>
    private static string? CleanAuthor(string? author)
    {
        if (author is null)
            return null;
        var decoded = author.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(author) : author;
        var collapsed = string.Join(' ', decoded.Split((char[])[' ', '\u00A0', '\t', '\u202F', '\u2009'], StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 || Guid.TryParse(collapsed, out _) ? null : collapsed;
    }

    /// <summary>
    /// A wire story's dateline that the site stored in the author field and not in the body
    /// («إسلام أباد – رويترز», «أبوظبي - سكاي نيوز عربية»): taken when it names a place and then a known credit.
    /// </summary>
    private static Dateline? BylineDateline(string? author)
    {
        if (author is null || author.Length > 60 || author.AsSpan().IndexOfAny('-', '–', '—') < 0 && !author.Contains(" ـ", StringComparison.Ordinal))
            return null;
        // The usual «PLACE - CREDIT» order only: in «CREDIT – NAME» («العربية.نت – عماد البليك») the other part is the reporter.
        return DatelineExtractor.FromByline(author) is { Place: not null, Source: { } src } d && NewsCredits.IsCredit(src)
            && author.TrimEnd(':', '：', ' ').EndsWith(src, StringComparison.Ordinal) ? d : null;
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
