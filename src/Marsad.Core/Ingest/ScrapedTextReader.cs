using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Cleaning;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Ingest;

/// <summary>
/// Reads a scraped plain-text page like the seed:
/// <code>
/// TITLE - SECTION
///   • 4/19/2017
///   • 00:00
///   • 5
/// news-picture
/// PLACE - SOURCE - body …
/// مشاركة :
/// </code>
/// The title is the first line when more text follows; its section is the part after the last
/// « - » when that part is short (the title itself may hold « - » or «:»). Bullet lines (• · ▪ * –)
/// carry a date (M/D/YYYY, any digit family), a time and counters. Every metadata line may be
/// missing; BOM, CRLF and extra blank lines are tolerated. A file with no title line is all body.
/// </summary>
public sealed partial class ScrapedTextReader
{
    private readonly ReaderOptions _options;

    public ScrapedTextReader(ReaderOptions? options = null) => _options = options ?? ReaderOptions.Default;

    /// <summary>Reads one page; throws <see cref="InvalidInputException"/> when it holds no article.</summary>
    public Article Read(string text, string source)
    {
        var lines = SplitLines(text, _options.MaxBodyChars);
        var i = 0;
        var hasPicture = false;
        // Blank lines and picture placeholders before the title (a placeholder is never the title).
        for (; i < lines.Count; i++)
        {
            var lead = lines[i].Trim();
            if (BoilerplateLines.IsPicturePlaceholder(lead))
                hasPicture = true;
            else if (lead.Length > 0)
                break;
        }
        if (i >= lines.Count)
            throw new InvalidInputException("empty page: no text lines");

        string? title = null, section = null;
        // The first line is a title when something follows it and it is not itself a long paragraph.
        var first = lines[i].Trim();
        var next = lines.Skip(i + 1).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        var nextIsMeta = next is not null && (IsBullet(next) || BoilerplateLines.IsPicturePlaceholder(next));
        var titleShaped = first.Length <= 250 && !first.EndsWith('.') && !first.EndsWith('\u06D4');
        if (next is not null && !IsBullet(first) && first.Length <= 400 && (nextIsMeta || titleShaped))
        {
            (title, section) = SplitTitle(first);
            i++;
        }

        // Metadata: bullet lines and picture placeholders, in any order, blank lines between.
        PublishedTime? published = null;
        TimeOnly? time = null;
        var counters = ImmutableArray.CreateBuilder<int>();
        for (; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            if (BoilerplateLines.IsPicturePlaceholder(line))
            {
                hasPicture = true;
                continue;
            }
            if (!IsBullet(line))
                break;
            var value = line.TrimStart(BulletChars).Trim();
            var normalized = ArabicNormalizer.Normalize(value);
            if (published is null && DateLike().IsMatch(normalized) && PublishedDateParser.TryParse(value, NumericDateOrder.MonthFirst) is { } date)
                published = date;
            else if (time is null && TimeLike().Match(normalized) is { Success: true } tm)
                time = ParseTime(tm);
            else if (int.TryParse(normalized.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                counters.Add(n);
        }
        if (published is { HasTime: false } p && time is { } t)
            published = new PublishedTime(p.Local.Add(t.ToTimeSpan()), null, HasTime: true, p.Calendar);

        var body = BodyCleaner.Clean(lines.GetRange(i, lines.Count - i));
        if (body.Body.Length == 0)
            throw new InvalidInputException(title is null ? "no article body" : "no article body after the title and metadata lines");
        if (body.Body.Length > _options.MaxBodyChars)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"article body is {body.Body.Length:N0} characters, over the {_options.MaxBodyChars:N0} limit"));

        return new Article
        {
            Id = ArticleId.Compute(body.Body),
            Source = source,
            Format = "text",
            Title = title,
            Section = section,
            Published = published,
            Dateline = body.Dateline,
            Counters = counters.ToImmutable(),
            HasPicture = hasPicture || body.HasPicture,
            Body = body.Body,
        };
    }

    private static readonly char[] BulletChars = ['•', '·', '▪', '●', '◦', '*', '-', '–', ' ', '\t'];

    private static bool IsBullet(string trimmed) => trimmed.Length > 0 && trimmed[0] is '•' or '·' or '▪' or '●' or '◦' or '*'
        || (trimmed.Length > 2 && trimmed[0] is '-' or '–' && trimmed[1] == ' ' && trimmed.Length < 40);

    /// <summary>«TITLE - SECTION» → (TITLE, SECTION) when SECTION is short (≤ 4 words, ≤ 40 chars).</summary>
    internal static (string Title, string? Section) SplitTitle(string line)
    {
        foreach (var dash in (ReadOnlySpan<string>)[" - ", " – ", " — ", " | "])
        {
            var at = line.LastIndexOf(dash, StringComparison.Ordinal);
            if (at <= 0)
                continue;
            var section = line[(at + dash.Length)..].Trim();
            var words = section.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (section.Length is > 0 and <= 40 && words <= 4 && !section.AsSpan().ContainsAny('«', '»', ':'))
                return (line[..at].Trim(), section);
        }
        return (line, null);
    }

    private static TimeOnly? ParseTime(Match m)
    {
        var h = int.Parse(m.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
        var mi = int.Parse(m.Groups["mi"].ValueSpan, CultureInfo.InvariantCulture);
        var ampm = m.Groups["ampm"].Value;
        if (ampm is "pm" or "م" or "مساء" && h < 12)
            h += 12;
        if (ampm is "am" or "ص" or "صباحا" && h == 12)
            h = 0;
        return h is >= 0 and <= 23 && mi is >= 0 and <= 59 ? new TimeOnly(h, mi) : null;
    }

    /// <summary>The lines of a page; a line longer than <paramref name="maxLine"/> characters is refused before it is copied.</summary>
    private static List<string> SplitLines(string text, int maxLine)
    {
        var lines = new List<string>();
        var span = text.AsSpan();
        if (span.Length > 0 && span[0] == '\uFEFF')
            span = span[1..];
        foreach (var range in span.SplitAny("\r\n\u2028\u2029"))
        {
            var length = range.End.GetOffset(span.Length) - range.Start.GetOffset(span.Length);
            if (length > maxLine)
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                    $"line {span[..range.Start].Count('\n') + 1} is {length:N0} characters long, over the {maxLine:N0}-character limit of an article body; refused"));
            lines.Add(new string(span[range]));
        }
        // "\r\n" yields an empty line between; blank lines are ignored downstream anyway.
        return lines;
    }

    [GeneratedRegex(@"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex DateLike();

    [GeneratedRegex(@"^(?<h>\d{1,2}):(?<mi>\d{2})(?::\d{2})?\s*(?<ampm>am|pm|ص|م|صباحا|مساء)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex TimeLike();
}
