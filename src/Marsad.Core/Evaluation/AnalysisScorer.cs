using System.Collections.Immutable;
using Marsad.Text;

namespace Marsad.Evaluation;

/// <summary>
/// Scores one article's system output against its gold annotation. Matching rules:
/// <list type="bullet">
/// <item>Gold strings are located in the body after normalisation (n-th occurrence, or inside the given sentence).</item>
/// <item>Quotes: a system quote matches when its content overlaps the gold start and the first content words
/// agree (<see cref="MatchText.StartsAgree"/>); one to one, nearest start first. Among matches: speaker
/// (the system's speaker text or entity names contain a gold name; for anonymous sources the head word agrees),
/// kind, and channel (via).</item>
/// <item>Times: a system expression matches when its span overlaps the gold expression; value must be equal.</item>
/// <item>Places: a gold place matches the system LOC entity sharing a name key with it
/// (<see cref="MatchText.PlaceKeys"/>); its coordinates must lie within the gold tolerance.</item>
/// </list>
/// Optional gold items are matched first; the system items they take are neither hits nor false positives.
/// </summary>
public static class AnalysisScorer
{
    public static ArticleScore Score(GoldArticle gold, SystemOutput sys)
    {
        var locator = new Locator(sys);
        var problems = new List<string>();
        var quotes = ScoreQuotes(gold, sys, locator, problems);
        var times = ScoreTimes(gold, sys, locator, problems);
        var places = ScorePlaces(gold, sys);
        return new ArticleScore(gold.Name, sys.Published, quotes, times, places) { Problems = [.. problems] };
    }

    private static ImmutableArray<QuoteOutcome> ScoreQuotes(GoldArticle gold, SystemOutput sys, Locator locator, List<string> problems)
    {
        var used = new bool[sys.Quotes.Length];
        var outcomes = new List<QuoteOutcome>();
        // Optional items take their system quotes first, so a required item never steals a match from them wrongly,
        // and a system quote on an optional item is ignored rather than counted as a false positive.
        foreach (var pass in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (var g in gold.Quotes.Where(q => q.Optional == pass))
            {
                var span = locator.Find(g.Starts, g.Nth, g.Sentence);
                if (span is not { } s)
                {
                    problems.Add($"quote start «{g.Starts}» (nth {g.Nth}) not found in the body");
                    outcomes.Add(new QuoteOutcome(g, null, default));
                    continue;
                }
                var best = -1;
                for (var i = 0; i < sys.Quotes.Length; i++)
                {
                    var q = sys.Quotes[i];
                    if (used[i] || q.Start >= s.End || q.End <= s.Start || !MatchText.StartsAgree(g.Starts, q.Text))
                        continue;
                    if (best < 0 || Math.Abs(q.Start - s.Start) < Math.Abs(sys.Quotes[best].Start - s.Start))
                        best = i;
                }
                if (best < 0)
                {
                    outcomes.Add(new QuoteOutcome(g, null, default));
                    continue;
                }
                used[best] = true;
                var match = sys.Quotes[best];
                outcomes.Add(new QuoteOutcome(g, match, Judge(g, match, sys)));
            }
        }
        for (var i = 0; i < sys.Quotes.Length; i++)
        {
            if (!used[i])
                outcomes.Add(new QuoteOutcome(null, sys.Quotes[i], default));
        }
        return [.. outcomes];
    }

    /// <summary>Speaker, kind and channel of a matched quote.</summary>
    public static QuoteJudgement Judge(GoldQuote g, SystemQuote q, SystemOutput sys)
    {
        var names = SpeakerNames(q, sys);
        var targets = g.SpeakerNames().Where(t => t.Length > 0).ToList();
        var strict = names.Any(n => targets.Any(t => MatchText.ContainsWords(n, t)));
        if (!strict && g.IsUnnamed)
            strict = names.Any(n => targets.Any(t => SameHead(n, t)));
        var partial = strict || (q.SpeakerText is { } text && MatchText.Words(text) is { Length: > 0 } words
            && targets.Any(t => words.All(w => MatchText.Words(t).Contains(w))));
        return new QuoteJudgement(strict, partial, string.Equals(g.Kind, q.Kind, StringComparison.Ordinal), ViaAgrees(g.Via, q, sys));
    }

    private static List<string> SpeakerNames(SystemQuote q, SystemOutput sys)
    {
        var names = new List<string>();
        if (!string.IsNullOrWhiteSpace(q.SpeakerText))
            names.Add(q.SpeakerText);
        if (sys.Entity(q.SpeakerId) is { } e)
        {
            names.Add(e.Canonical);
            names.AddRange(e.Aliases);
        }
        return names;
    }

    /// <summary>Anonymous sources: «المصدر» names the same source as «مصدر أمني تشادي».</summary>
    private static bool SameHead(string system, string gold)
    {
        var s = MatchText.Words(system);
        var g = MatchText.Words(gold);
        return s.Length > 0 && g.Length > 0 && StripArticle(s[0]) == StripArticle(g[0]);

        static string StripArticle(string w) => w.Length > 3 && w.StartsWith("ال", StringComparison.Ordinal) ? w[2..] : w;
    }

    private static bool ViaAgrees(string? gold, SystemQuote q, SystemOutput sys)
    {
        var names = new List<string>();
        if (!string.IsNullOrWhiteSpace(q.ViaText))
            names.Add(q.ViaText);
        if (sys.Entity(q.ViaId) is { } e)
        {
            names.Add(e.Canonical);
            names.AddRange(e.Aliases);
        }
        if (gold is null)
            return names.Count == 0 && q.ViaId is null;
        return names.Any(n => MatchText.NamesAgree(n, gold));
    }

    private static ImmutableArray<TimeOutcome> ScoreTimes(GoldArticle gold, SystemOutput sys, Locator locator, List<string> problems)
    {
        var used = new bool[sys.Times.Length];
        var outcomes = new List<TimeOutcome>();
        foreach (var pass in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (var g in gold.Times.Where(t => t.Optional == pass))
            {
                var span = locator.Find(g.Text, g.Nth, g.Sentence);
                if (span is not { } s)
                {
                    problems.Add($"time «{g.Text}» (nth {g.Nth}) not found in the body");
                    outcomes.Add(new TimeOutcome(g, null, false));
                    continue;
                }
                var best = -1;
                var bestOverlap = 0;
                for (var i = 0; i < sys.Times.Length; i++)
                {
                    var t = sys.Times[i];
                    var overlap = Math.Min(t.End, s.End) - Math.Max(t.Start, s.Start);
                    if (!used[i] && overlap > bestOverlap)
                    {
                        best = i;
                        bestOverlap = overlap;
                    }
                }
                if (best < 0)
                {
                    outcomes.Add(new TimeOutcome(g, null, false));
                    continue;
                }
                used[best] = true;
                var match = sys.Times[best];
                outcomes.Add(new TimeOutcome(g, match, g.Value is not null && string.Equals(g.Value, match.Value, StringComparison.Ordinal)));
            }
        }
        for (var i = 0; i < sys.Times.Length; i++)
        {
            if (!used[i])
                outcomes.Add(new TimeOutcome(null, sys.Times[i], false));
        }
        return [.. outcomes];
    }

    private static ImmutableArray<PlaceOutcome> ScorePlaces(GoldArticle gold, SystemOutput sys)
    {
        var locs = sys.Entities.Where(e => e.Type == "LOC").ToList();
        var keysOf = locs.Select(e => new HashSet<string>(
            new[] { e.Canonical }.Concat(e.Aliases).Concat(e.Mentions.Select(m => m.Text)).SelectMany(MatchText.PlaceKeys),
            StringComparer.Ordinal)).ToList();
        var matched = new bool[locs.Count];
        var outcomes = new List<PlaceOutcome>();
        foreach (var g in gold.Places)
        {
            var goldKeys = new[] { g.Canonical }.Concat(g.Mentions).SelectMany(MatchText.PlaceKeys).ToHashSet(StringComparer.Ordinal);
            var best = -1;
            var bestShared = 0;
            for (var i = 0; i < locs.Count; i++)
            {
                var shared = keysOf[i].Count(goldKeys.Contains);
                if (shared > bestShared)
                {
                    best = i;
                    bestShared = shared;
                }
            }
            if (best < 0)
            {
                outcomes.Add(new PlaceOutcome(g, null, null, null) { HasGoldCoordinates = Target(g, gold).Centre is not null });
                continue;
            }
            matched[best] = true;
            var entity = locs[best];
            var (centre, tolerance) = Target(g, gold);
            double? distance = centre is { } c && entity.Place is { } p ? p.DistanceKm(c) : null;
            outcomes.Add(new PlaceOutcome(g, entity, distance, distance is { } d ? d <= tolerance : null) { HasGoldCoordinates = centre is not null });
        }
        for (var i = 0; i < locs.Count; i++)
        {
            if (!matched[i])
                outcomes.Add(new PlaceOutcome(null, locs[i], null, null));
        }
        return [.. outcomes];
    }

    /// <summary>Where a gold place should be and how far off still counts: its own point, or the enclosing place's.</summary>
    private static (GeoPoint? Centre, double ToleranceKm) Target(GoldPlace g, GoldArticle gold)
    {
        if (g.Lat is { } lat && g.Lon is { } lon)
            return (new GeoPoint(lat, lon), g.ToleranceKm ?? GoldPlace.DefaultToleranceKm);
        if (g.Within is { } within && gold.Places.FirstOrDefault(p => p != g && p.Lat is not null && p.Lon is not null
                && new[] { p.Canonical }.Concat(p.Mentions).SelectMany(MatchText.PlaceKeys).Intersect(MatchText.PlaceKeys(within), StringComparer.Ordinal).Any()) is { } parent)
            return (new GeoPoint(parent.Lat!.Value, parent.Lon!.Value), g.ToleranceKm ?? GoldPlace.DefaultToleranceKm);
        return (null, 0);
    }

    /// <summary>Finds gold strings in the body by normalised text.</summary>
    private sealed class Locator(SystemOutput sys)
    {
        private readonly NormalizedView _view = NormalizedView.Create(sys.Body, 0, sys.Body.Length);

        public (int Start, int End)? Find(string text, int nth, int? sentence)
        {
            var needle = ArabicNormalizer.Normalize(text);
            if (needle.Length == 0)
                return null;
            var haystack = _view.Text;
            var count = 0;
            for (var at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + 1, StringComparison.Ordinal))
            {
                var span = _view.ToOriginal(at, at + needle.Length);
                if (sentence is { } n)
                {
                    if (n >= 1 && n <= sys.Sentences.Length && span.Start >= sys.Sentences[n - 1].Start && span.Start < sys.Sentences[n - 1].End)
                        return span;
                    continue;
                }
                if (++count == nth)
                    return span;
            }
            return null;
        }
    }
}
