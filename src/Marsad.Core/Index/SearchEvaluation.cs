using System.Globalization;
using Marsad.Store;

namespace Marsad.Index;

/// <summary>
/// A benchmark query with, optionally, a relevance judgement written by hand: groups of normalised
/// substrings, every group of which must occur (any alternative) in the article's title or opening
/// (<see cref="JudgedText"/>) for the article to count as relevant. Substrings on normalised text
/// match inflected forms without using either analyser's stemmer, so the judge favours neither.
/// File line: <c>query &lt;TAB&gt; alt1|alt2 &amp; alt3</c> (the judgement may be empty); <c>#</c> starts a comment.
/// </summary>
public sealed record JudgedQuery(string Query, IReadOnlyList<IReadOnlyList<string>> Groups)
{
    /// <summary>Characters of the body, after the title, that the judge reads.</summary>
    public const int OpeningChars = 300;

    public bool HasJudgement => Groups.Count > 0;

    public static IReadOnlyList<JudgedQuery> Load(string path)
    {
        var list = new List<JudgedQuery>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var query = (tab < 0 ? line : line[..tab]).Trim();
            var groups = tab < 0 ? [] : Parse(line[(tab + 1)..]);
            list.Add(new JudgedQuery(query, groups));
        }
        return list;
    }

    public static IReadOnlyList<IReadOnlyList<string>> Parse(string judgement) =>
        [.. judgement.Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(g => (IReadOnlyList<string>)[.. g.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => DocumentRows.Norm(a) ?? a)])
            .Where(g => g.Count > 0)];

    /// <summary>The text the judge reads: normalised title and the opening of the body.</summary>
    public static string JudgedText(string? title, string body) =>
        DocumentRows.Norm((title ?? "") + " " + body[..Math.Min(body.Length, OpeningChars)]) ?? "";

    public bool IsRelevant(string judgedText) =>
        Groups.All(g => g.Any(alt => judgedText.Contains(alt, StringComparison.Ordinal)));
}

/// <summary>
/// Scores of one query: precision at 10 and at 100, reciprocal rank of the first relevant hit, and
/// recall at 100 against every article of the index the judge calls relevant (capped at 100).
/// </summary>
public sealed record QueryScore(string Query, int Hits, int Relevant, int RelevantInTop10, double PrecisionAt10, double PrecisionAt100, double ReciprocalRank, double RecallAt100);

/// <summary>Scores an index on judged queries.</summary>
public static class SearchEvaluation
{
    public static IReadOnlyList<QueryScore> Run(SearchIndex index, IEnumerable<JudgedQuery> queries)
    {
        var judged = queries.Where(q => q.HasJudgement).ToList();
        // The judge reads every article once: how many relevant articles each query has.
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, title, body) in index.AllStored())
            texts[id] = JudgedQuery.JudgedText(title, body);
        var scores = new List<QueryScore>();
        foreach (var q in judged)
        {
            var total = texts.Values.Count(q.IsRelevant);
            var results = index.Search(new SearchQuery { Text = q.Query, Limit = 100, Snippets = false });
            int in10 = 0, in100 = 0;
            var rr = 0.0;
            for (var i = 0; i < results.Hits.Count; i++)
            {
                if (!texts.TryGetValue(results.Hits[i].ArticleId, out var text) || !q.IsRelevant(text))
                    continue;
                in100++;
                if (i < 10)
                    in10++;
                if (rr == 0)
                    rr = 1.0 / (i + 1);
            }
            scores.Add(new QueryScore(q.Query, (int)Math.Min(results.Total, int.MaxValue), total, in10, in10 / 10.0, in100 / 100.0, rr,
                total == 0 ? 0 : (double)in100 / Math.Min(total, 100)));
        }
        return scores;
    }

    public static string Summary(IReadOnlyList<QueryScore> scores) => scores.Count == 0
        ? "no judged queries"
        : string.Create(CultureInfo.InvariantCulture,
            $"{scores.Count} judged queries: P@10 {scores.Average(s => s.PrecisionAt10):F3}, P@100 {scores.Average(s => s.PrecisionAt100):F3}, MRR {scores.Average(s => s.ReciprocalRank):F3}, R@100 {scores.Average(s => s.RecallAt100):F3}; queries with no relevant hit in the top 10: {scores.Count(s => s.RelevantInTop10 == 0)}");
}
