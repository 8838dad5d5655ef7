using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marsad.Text;

namespace Marsad.Events.Dedup;

/// <summary>An analysed article as event de-duplication sees it.</summary>
public sealed record ArticleEvents
{
    public required string ArticleId { get; init; }
    /// <summary>Where the article was read (file#record or URL).</summary>
    public required string Source { get; init; }
    public string? Url { get; init; }
    /// <summary>The publishing outlet (URL host or dateline source), when known.</summary>
    public string? Outlet { get; init; }
    public DateOnly? Published { get; init; }
    public required string Body { get; init; }
    public required IReadOnlyList<Event> Events { get; init; }
}

/// <summary>One article's report of a merged event.</summary>
public sealed record EventOccurrence(ArticleEvents Article, Event Event);

/// <summary>
/// An event reported by one or more articles: the representative record (the most confident report), the story it
/// belongs to and every report of it, as GDELT's event table row with its mentions table, but merged fuzzily.
/// </summary>
public sealed record MergedEvent(long GlobalId, string Story, EventOccurrence Representative, IReadOnlyList<EventOccurrence> Occurrences)
{
    public Event Event => Representative.Event;
    public int NumArticles => Occurrences.Select(o => o.Article.ArticleId).Distinct(StringComparer.Ordinal).Count();
    /// <summary>Distinct outlets (the outlet, else the source) among the reports.</summary>
    public int NumSources => Occurrences.Select(o => o.Article.Outlet ?? o.Article.Source).Distinct(StringComparer.Ordinal).Count();
    /// <summary>Every mention: each report and the further mentions inside its article.</summary>
    public int NumMentions => Occurrences.Sum(o => 1 + o.Event.Mentions.Length);
}

/// <summary>The result of de-duplicating a batch: stories and merged events.</summary>
public sealed record DedupResult(StoryResult Stories, IReadOnlyList<MergedEvent> Events, int InputEvents);

/// <summary>
/// Event de-duplication across articles. Articles are first grouped into stories (<see cref="StoryClusterer"/>);
/// then two reports are one event when they have the same CAMEO root, the same actors (actor code, else the
/// normalised name), compatible places (the same place name, or one side without a place) and dates at most
/// <see cref="DateWindowDays"/> apart. Inside one story the match is looser, as the reports share their text:
/// an actor or a date one report leaves out does not block the merge, nor does a place of the same country.
/// Across stories an actor that names someone (a country, group or person — not a bare sector such as CVL or
/// MIL) must be the same on both sides, and either both reports give the same place or both actors are named and
/// equal, so two anonymous clashes in different stories stay apart. Only events the text says happened are merged and exported unless
/// <see cref="IncludeAll"/> is set.
/// </summary>
public sealed class EventDeduplicator
{
    public int DateWindowDays { get; init; } = 1;
    public bool IncludeAll { get; init; }
    public StoryClusterer Stories { get; init; } = new();

    public DedupResult Run(IReadOnlyList<ArticleEvents> articles, CancellationToken ct = default)
    {
        var stories = Stories.Cluster([.. articles.Select(a => new StoryInput(a.ArticleId, a.Body, a.Published))], ct);
        var groups = new List<List<EventOccurrence>>();
        var byRoot = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var input = 0;
        foreach (var article in articles)
        {
            ct.ThrowIfCancellationRequested();
            var story = stories.StoryOf[article.ArticleId];
            foreach (var e in article.Events)
            {
                if (!IncludeAll && !e.Happened)
                    continue;
                input++;
                var occurrence = new EventOccurrence(article, e);
                if (!byRoot.TryGetValue(e.Root, out var candidates))
                    byRoot[e.Root] = candidates = [];
                var merged = false;
                foreach (var g in candidates)
                {
                    var first = groups[g][0];
                    var sameStory = stories.StoryOf[first.Article.ArticleId] == story;
                    if (first.Article.ArticleId != article.ArticleId && Same(first, occurrence, sameStory))
                    {
                        groups[g].Add(occurrence);
                        merged = true;
                        break;
                    }
                }
                if (!merged)
                {
                    candidates.Add(groups.Count);
                    groups.Add([occurrence]);
                }
            }
        }
        var result = new List<MergedEvent>(groups.Count);
        foreach (var g in groups)
        {
            var rep = g.OrderByDescending(o => o.Event.Confidence).ThenBy(o => g.IndexOf(o)).First();
            result.Add(new MergedEvent(GlobalId(g[0]), stories.StoryOf[g[0].Article.ArticleId], rep, g));
        }
        return new DedupResult(stories, result, input);
    }

    /// <summary>Whether two reports are the same event (see the class remarks).</summary>
    internal bool Same(EventOccurrence a, EventOccurrence b, bool sameStory)
    {
        Event x = a.Event, y = b.Event;
        if (x.Root != y.Root || x.Modality != y.Modality)
            return false;
        string a1 = ActorKey(x.Actor1), b1 = ActorKey(y.Actor1), a2 = ActorKey(x.Actor2), b2 = ActorKey(y.Actor2);
        if (!ActorsMatch(a1, b1, sameStory) || !ActorsMatch(a2, b2, sameStory))
            return false;
        if (!sameStory)
        {
            // Across stories: a named actor in common (not a bare sector such as CVL or MIL), and either the same
            // place on both sides or both actors named and equal.
            if (!(Specific(a1) && a1 == b1) && !(Specific(a2) && a2 == b2))
                return false;
            var bothActors = Specific(a1) && Specific(a2);
            if (!bothActors && (x.Place is null || y.Place is null))
                return false;
        }
        var dx = Day(x.Date) ?? a.Article.Published;
        var dy = Day(y.Date) ?? b.Article.Published;
        if (dx is { } p && dy is { } q)
        {
            if (Math.Abs(p.DayNumber - q.DayNumber) > DateWindowDays)
                return false;
        }
        else if (!sameStory)
        {
            return false;
        }
        return PlacesMatch(x.Place, y.Place, sameStory);
    }

    private static readonly HashSet<string> Sectors = new(StringComparer.Ordinal)
    {
        "GOV", "MIL", "COP", "SPY", "REB", "UAF", "OPP", "JUD", "LEG", "MED", "BUS", "CVL", "EDU", "LAB", "REF", "PTY", "IGO", "IMG", "NGO", "CRM", "HLH", "ELI", "AGR", "DEV",
    };

    /// <summary>An actor key that names someone: a country, a group or a person, not a bare sector code.</summary>
    private static bool Specific(string key) => key.Length > 0 && !Sectors.Contains(key);

    private static bool ActorsMatch(string a, string b, bool sameStory) => a == b || (sameStory && (a.Length == 0 || b.Length == 0));

    private static bool PlacesMatch(EventPlace? a, EventPlace? b, bool sameStory)
    {
        if (a is null || b is null)
            return true;
        if (PlaceKey(a) == PlaceKey(b))
            return true;
        return sameStory && a.Country is not null && a.Country == b.Country;
    }

    /// <summary>The actor's code, else its normalised name or text, else empty.</summary>
    public static string ActorKey(EventActor? a)
    {
        if (a is null)
            return "";
        if (a.Code.Length > 0)
            return a.Code;
        return ArabicNormalizer.Normalize(a.Name ?? a.Text);
    }

    private static string PlaceKey(EventPlace p) => ArabicNormalizer.Normalize(p.Name ?? p.Text);

    /// <summary>The day of an ISO date with day precision, else null.</summary>
    public static DateOnly? Day(string? iso) =>
        iso is { Length: >= 10 } && DateOnly.TryParseExact(iso.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>A stable id under 2^53 (exact in JSON numbers) from the first report's article and event id.</summary>
    private static long GlobalId(EventOccurrence first)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(first.Article.ArticleId + "/" + first.Event.Id));
        return (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11);
    }
}
