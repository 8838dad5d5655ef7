namespace Marsad.Events.Dedup;

/// <summary>An article as story detection sees it: its id, its body and its publication day (when known).</summary>
public sealed record StoryInput(string Id, string Body, DateOnly? Published);

/// <summary>A pair of articles judged to tell the same story, with the figures that decided it.</summary>
public sealed record StoryPair(string A, string B, double Jaccard, double Containment);

/// <summary>The stories of a batch: for each article the id of its story (the id of the story's first article in input order).</summary>
public sealed record StoryResult(IReadOnlyDictionary<string, string> StoryOf, IReadOnlyList<StoryPair> Pairs, int Candidates)
{
    /// <summary>Stories told by two or more articles: story id → article ids in input order.</summary>
    public IReadOnlyDictionary<string, List<string>> Groups()
    {
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (article, story) in StoryOf)
        {
            if (!groups.TryGetValue(story, out var list))
                groups[story] = list = [];
            list.Add(article);
        }
        foreach (var key in groups.Where(g => g.Value.Count < 2).Select(g => g.Key).ToList())
            groups.Remove(key);
        return groups;
    }
}

/// <summary>
/// Near-duplicate story detection across articles (the same wire story re-published or lightly rewritten by
/// several outlets). MinHash signatures of 3-word shingles (<see cref="MinHash"/>) are banded for locality-sensitive
/// hashing (<see cref="Bands"/> bands of <see cref="Rows"/> rows: a pair with Jaccard 0.3 becomes a candidate with
/// probability ≈ 0.95, one with 0.05 with ≈ 0.08); each candidate pair is then checked on the exact shingle sets:
/// Jaccard ≥ <see cref="MinJaccard"/> or containment ≥ <see cref="MinContainment"/> (a short version inside a
/// longer one), both texts with at least <see cref="MinShingles"/> shingles unless they are identical, and publication days at most
/// <see cref="MaxDaysApart"/> apart when both are known. Accepted pairs are joined transitively (union-find).
/// </summary>
public sealed class StoryClusterer
{
    public const int Rows = 2;
    public const int Bands = MinHash.Size / Rows;

    public double MinJaccard { get; init; } = 0.3;
    public double MinContainment { get; init; } = 0.6;
    public int MinShingles { get; init; } = 8;
    public int MaxDaysApart { get; init; } = 3;

    public StoryResult Cluster(IReadOnlyList<StoryInput> articles, CancellationToken ct = default)
    {
        var n = articles.Count;
        var sets = new HashSet<ulong>[n];
        var sigs = new ulong[n][];
        for (var i = 0; i < n; i++)
        {
            ct.ThrowIfCancellationRequested();
            sets[i] = MinHash.Shingles(articles[i].Body);
            sigs[i] = MinHash.Signature(sets[i]);
        }
        var parent = new int[n];
        for (var i = 0; i < n; i++)
            parent[i] = i;
        var seen = new HashSet<long>();
        var pairs = new List<StoryPair>();
        var buckets = new Dictionary<ulong, List<int>>();
        for (var band = 0; band < Bands; band++)
        {
            ct.ThrowIfCancellationRequested();
            buckets.Clear();
            for (var i = 0; i < n; i++)
            {
                if (sets[i].Count == 0)
                    continue;
                var key = 14695981039346656037UL ^ (ulong)band;
                for (var r = band * Rows; r < (band + 1) * Rows; r++)
                    key = (key ^ sigs[i][r]) * 1099511628211UL;
                if (!buckets.TryGetValue(key, out var list))
                    buckets[key] = list = [];
                list.Add(i);
            }
            foreach (var list in buckets.Values)
            {
                for (var x = 0; x < list.Count; x++)
                {
                    for (var y = x + 1; y < list.Count; y++)
                    {
                        int a = list[x], b = list[y];
                        if (!seen.Add(((long)a << 32) | (uint)b))
                            continue;
                        if (Same(articles[a], articles[b], sets[a], sets[b]) is { } pair)
                        {
                            pairs.Add(pair);
                            Union(parent, a, b);
                        }
                    }
                }
            }
        }
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
            storyOf[articles[i].Id] = articles[Find(parent, i)].Id;
        return new StoryResult(storyOf, pairs, seen.Count);
    }

    private StoryPair? Same(StoryInput a, StoryInput b, HashSet<ulong> sa, HashSet<ulong> sb)
    {
        if (a.Published is { } da && b.Published is { } db && Math.Abs(da.DayNumber - db.DayNumber) > MaxDaysApart)
            return null;
        var jaccard = MinHash.Jaccard(sa, sb);
        var containment = MinHash.Containment(sa, sb);
        // Tiny texts (a headline, a one-line brief) share a shingle by chance: only identical ones count.
        if (Math.Min(sa.Count, sb.Count) < MinShingles && jaccard < 1)
            return null;
        if (jaccard >= MinJaccard || containment >= MinContainment)
            return new StoryPair(a.Id, b.Id, Math.Round(jaccard, 3), Math.Round(containment, 3));
        return null;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    // The smaller index is the root, so a story's id is its first article in input order.
    private static void Union(int[] parent, int a, int b)
    {
        int ra = Find(parent, a), rb = Find(parent, b);
        if (ra == rb)
            return;
        if (ra < rb)
            parent[rb] = ra;
        else
            parent[ra] = rb;
    }
}
