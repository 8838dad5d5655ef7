using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using Marsad.Cleaning;
using Marsad.Ingest.Html;
using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// Reads RSS 2.0 and Atom feeds with System.ServiceModel.Syndication. DTDs are prohibited and no
/// external resource is ever resolved (no XXE, no entity expansion). Each item becomes an article:
/// title, link, date (RFC-822 or ISO 8601, parsed by <see cref="PublishedDateParser"/> so the
/// sloppy dates real feeds carry do not abort the feed), and body from <c>content:encoded</c>,
/// Atom content or the description, converted from HTML to text.
/// </summary>
public sealed class FeedReader
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private readonly ReaderOptions _options;

    public FeedReader(ReaderOptions? options = null) => _options = options ?? ReaderOptions.Default;

    /// <summary>The reader settings every XML read in Marsad uses.</summary>
    public static XmlReaderSettings SafeXmlSettings(long maxChars) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = maxChars,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    public IEnumerable<ReadResult> Read(string xml, string source)
    {
        SyndicationFeed feed;
        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, SafeXmlSettings(_options.MaxFileBytes));
            feed = Load(reader);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return [new ReadResult.Failed(source, null, "feed declares a DTD; DTDs are refused (they enable entity-expansion and external-entity attacks)")];
        }
        catch (XmlException ex)
        {
            return [new ReadResult.Failed(source, string.Create(CultureInfo.InvariantCulture, $"line {ex.LineNumber}"), $"not well-formed XML: {ex.Message}")];
        }
        catch (InvalidInputException ex)
        {
            return [new ReadResult.Failed(source, null, ex.Message)];
        }
        catch (NotSupportedException ex)
        {
            // «The Rss20Serializer does not support RSS version '0.91'.»
            return [new ReadResult.Failed(source, null, $"unsupported feed: {ex.Message} This reader knows RSS 2.0 and Atom 1.0.")];
        }
        return ReadItems(feed, source);
    }

    private static SyndicationFeed Load(XmlReader reader)
    {
        reader.MoveToContent();
        SyndicationFeedFormatter formatter = reader.LocalName switch
        {
            "rss" => new Rss20FeedFormatter { DateTimeParser = ParseDate },
            "feed" => new Atom10FeedFormatter { DateTimeParser = ParseDate },
            _ => throw new InvalidInputException($"XML root element <{reader.LocalName}> is neither an RSS <rss> nor an Atom <feed>"),
        };
        if (!formatter.CanRead(reader))
            throw new InvalidInputException($"<{reader.LocalName}> is not a feed version this reader knows (RSS 2.0, Atom 1.0)");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    /// <summary>
    /// Parses an item date. An unreadable date is reported as parsed with the default value (read as "no
    /// date"): returning false would make the formatter throw later, when the date is read, and lose the item.
    /// </summary>
    private static bool ParseDate(XmlDateTimeData data, out DateTimeOffset value)
    {
        value = default;
        if (PublishedDateParser.TryParse(data.DateTimeString) is { } p)
            value = new DateTimeOffset(DateTime.SpecifyKind(p.Local, DateTimeKind.Unspecified), p.Offset ?? TimeSpan.Zero);
        return true;
    }

    private IEnumerable<ReadResult> ReadItems(SyndicationFeed feed, string source)
    {
        var index = 0;
        foreach (var item in feed.Items)
        {
            index++;
            if (index > _options.MaxFeedItems)
            {
                yield return new ReadResult.Failed(source, null, string.Create(CultureInfo.InvariantCulture, $"feed has more than {_options.MaxFeedItems:N0} items; the rest are skipped"));
                yield break;
            }
            var location = string.Create(CultureInfo.InvariantCulture, $"item {index}");
            ReadResult result;
            try
            {
                result = ReadItem(item, feed, source, location);
            }
            catch (Exception ex) when (ex is XmlException or FormatException or InvalidInputException or UriFormatException)
            {
                // The formatter parses some item parts lazily; one bad item must not end the feed.
                result = new ReadResult.Failed(source, location, $"unreadable item: {ex.Message}");
            }
            yield return result;
        }
        if (index == 0)
            yield return new ReadResult.Failed(source, null, "feed has no items");
    }

    private ReadResult ReadItem(SyndicationItem item, SyndicationFeed feed, string source, string location)
    {
        var html = ContentEncoded(item)
            ?? (item.Content as TextSyndicationContent)?.Text
            ?? item.Summary?.Text;
        if (string.IsNullOrWhiteSpace(html))
            return new ReadResult.Skipped(source, location, "item has no description or content");
        var paragraphs = HtmlText.Paragraphs(html, _options.MaxHtmlDepth);
        var clean = BodyCleaner.Clean(paragraphs);
        if (clean.Body.Length == 0)
            return new ReadResult.Skipped(source, location, "item content is empty after HTML is converted to text");
        if (clean.Body.Length > _options.MaxBodyChars)
            return new ReadResult.Failed(source, location, string.Create(CultureInfo.InvariantCulture, $"item body is {clean.Body.Length:N0} characters, over the {_options.MaxBodyChars:N0} limit"));
        var date = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri?.ToString();
        var title = item.Title?.Text is { } t ? HtmlText.Paragraphs(t, _options.MaxHtmlDepth).FirstOrDefault() : null;
        return new ReadResult.Ok(new Article
        {
            Id = ArticleId.Compute(clean.Body),
            Source = $"{source}#{location.Replace(' ', '-')}",
            Format = "feed",
            Title = title,
            Section = item.Categories.FirstOrDefault()?.Name ?? feed.Title?.Text,
            Published = date == default ? null : new PublishedTime(date.DateTime, date.Offset, HasTime: true),
            Dateline = clean.Dateline,
            Url = link,
            Author = item.Authors.FirstOrDefault() is { } a ? a.Name ?? a.Email : null,
            HasPicture = clean.HasPicture,
            Body = clean.Body,
        });
    }

    private static string? ContentEncoded(SyndicationItem item)
    {
        foreach (var ext in item.ElementExtensions)
        {
            if (ext.OuterName == "encoded" && ext.OuterNamespace == ContentNamespace)
            {
                using var reader = ext.GetReader();
                return reader.ReadElementContentAsString();
            }
        }
        return null;
    }
}
