using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Marsad.Entities.Ner;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.NerTools;

/// <summary>
/// Learns word clusters from unlabelled news text, deterministically:
/// <list type="number">
/// <item>tokenise every article (title + text) with Marsad's tokeniser; each token's key is
/// <see cref="NerFeaturizer.NormalizeKey"/> of the word, and Arabic words also count once under
/// their clitic-stripped stem (so «والعراق» and «العراق» both inform «عراق»);</item>
/// <item>count left/right neighbours at distance 1 and 2 among the most frequent words;</item>
/// <item>weigh the counts by positive PMI (context distribution smoothed, α = 0.75) and project them
/// to a dense vector with a fixed ±1 random projection (hash-seeded), then L2-normalise;</item>
/// <item>spherical k-means (k-means++ seeding with a fixed seed) into the fine clusters, then
/// k-means over the fine centroids into middle clusters, and over those into coarse ones, so the
/// three levels nest like Brown-cluster prefixes.</item>
/// </list>
/// </summary>
internal static class ClusterLearner
{
    public static int Run(string corpusDir, string output, int minCount, int maxVocab, int contexts, int dim, int fine, int middle, int coarse, int seed)
    {
        var clock = Stopwatch.StartNew();
        var files = Directory.EnumerateFiles(corpusDir, "*.jsonl.gz").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"error: no *.jsonl.gz under {corpusDir}");
            return 2;
        }
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var names = new List<string>();
        var words = new List<int>(8_000_000);
        var stems = new List<int>(8_000_000);
        var definite = new List<bool>(8_000_000);
        Span<char> key = stackalloc char[NerFeaturizer.MaxTokenChars];
        var articles = 0;
        foreach (var file in files)
        {
            using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var reader = new StreamReader(gz);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                    continue;
                using var json = JsonDocument.Parse(line);
                foreach (var field in (ReadOnlySpan<string>)["title", "text"])
                {
                    if (!json.RootElement.TryGetProperty(field, out var v) || v.ValueKind != JsonValueKind.String)
                        continue;
                    var text = v.GetString() ?? "";
                    foreach (var t in Tokenizer.Enumerate(text))
                    {
                        var token = text.AsSpan(t.Start, t.Length);
                        var w = Id(token, key);
                        var s = -1;
                        var article = false;
                        if (t.Kind == TokenKind.Arabic)
                        {
                            var seg = CliticSegmenter.Segment(token);
                            if (seg.StemStart > 0 && seg.StemStart < token.Length)
                                s = Id(token[seg.StemStart..], key);
                            for (var c = 0; c < seg.Count; c++)
                                article |= seg[c].Form == "ال";
                        }
                        words.Add(w);
                        stems.Add(s == w ? -1 : s);
                        definite.Add(article);
                    }
                    words.Add(-1); // boundary between fields and articles
                    stems.Add(-1);
                    definite.Add(false);
                }
                articles++;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {files.Count} files, {articles:N0} articles, {words.Count:N0} tokens, {names.Count:N0} types in {clock.Elapsed.TotalSeconds:F1} s"));

        // Counts: surface occurrences (contexts) and surface + stem occurrences (rows).
        var wordCount = new long[names.Count];
        var rowCount = new long[names.Count];
        var bareCount = new long[names.Count]; // occurrences as a word or stem…
        var articleCount = new long[names.Count]; // …of which after the article
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] < 0)
                continue;
            wordCount[words[i]]++;
            rowCount[words[i]]++;
            if (stems[i] >= 0)
                rowCount[stems[i]]++;
            var stem = stems[i] >= 0 ? stems[i] : words[i];
            bareCount[stem]++;
            if (definite[i])
                articleCount[stem]++;
        }
        var byRow = Enumerable.Range(0, names.Count).Where(i => rowCount[i] >= minCount)
            .OrderByDescending(i => rowCount[i]).ThenBy(i => names[i], StringComparer.Ordinal).Take(maxVocab).ToArray();
        var rowOf = new int[names.Count];
        Array.Fill(rowOf, -1);
        for (var r = 0; r < byRow.Length; r++)
            rowOf[byRow[r]] = r;
        var byContext = Enumerable.Range(0, names.Count).OrderByDescending(i => wordCount[i]).ThenBy(i => names[i], StringComparer.Ordinal).Take(contexts).ToArray();
        var ctxOf = new int[names.Count];
        Array.Fill(ctxOf, contexts); // rare-word bucket
        for (var c = 0; c < byContext.Length; c++)
            ctxOf[byContext[c]] = c;
        var block = contexts + 2; // + rare + boundary
        var dims = 4 * block;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vocabulary {byRow.Length:N0} (count ≥ {minCount}), {contexts} context words, {dims} context dimensions"));

        // Co-occurrence pairs (row·dims + dim), sorted and run-length counted.
        var pairs = new List<long>(words.Count * 6);
        var ws = CollectionsMarshal.AsSpan(words);
        var ss = CollectionsMarshal.AsSpan(stems);
        for (var i = 0; i < ws.Length; i++)
        {
            if (ws[i] < 0)
                continue;
            var r1 = rowOf[ws[i]];
            var r2 = ss[i] >= 0 ? rowOf[ss[i]] : -1;
            if (r1 < 0 && r2 < 0)
                continue;
            for (var o = 0; o < 4; o++)
            {
                var offset = o switch { 0 => -1, 1 => 1, 2 => -2, _ => 2 };
                var j = i + offset;
                var ctx = contexts + 1;
                if (j >= 0 && j < ws.Length && ws[j] >= 0 && !Crosses(ws, i, j))
                    ctx = ctxOf[ws[j]];
                var column = (o * block) + ctx;
                if (r1 >= 0)
                    pairs.Add(((long)r1 * dims) + column);
                if (r2 >= 0)
                    pairs.Add(((long)r2 * dims) + column);
            }
        }
        var pairArray = pairs.ToArray();
        pairs = null;
        Array.Sort(pairArray);
        var cells = new List<(int Row, int Dim, int Count)>();
        for (var i = 0; i < pairArray.Length;)
        {
            var j = i;
            while (j < pairArray.Length && pairArray[j] == pairArray[i])
                j++;
            cells.Add(((int)(pairArray[i] / dims), (int)(pairArray[i] % dims), j - i));
            i = j;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pairArray.LongLength:N0} pairs, {cells.Count:N0} distinct cells ({clock.Elapsed.TotalSeconds:F1} s)"));
        pairArray = null;

        // PPMI with smoothed context distribution, projected to dim dimensions.
        var rowSum = new double[byRow.Length];
        var colSum = new double[dims];
        double total = 0;
        foreach (var (r, d, c) in cells)
        {
            rowSum[r] += c;
            colSum[d] += c;
            total += c;
        }
        var colAlpha = new double[dims];
        double alphaTotal = 0;
        for (var d = 0; d < dims; d++)
        {
            colAlpha[d] = Math.Pow(colSum[d], 0.75);
            alphaTotal += colAlpha[d];
        }
        var projection = new float[dims * dim];
        for (var d = 0; d < dims; d++)
        {
            for (var k = 0; k < dim; k++)
                projection[(d * dim) + k] = (FeatureHash.Mix((ulong)seed, (ulong)d, (ulong)k) & 1) == 0 ? 1f : -1f;
        }
        var vectors = new float[byRow.Length * dim];
        foreach (var (r, d, c) in cells)
        {
            var pmi = Math.Log(c * alphaTotal / (rowSum[r] * colAlpha[d]));
            if (pmi <= 0)
                continue;
            var v = vectors.AsSpan(r * dim, dim);
            var p = projection.AsSpan(d * dim, dim);
            var weight = (float)pmi;
            for (var k = 0; k < dim; k++)
                v[k] += weight * p[k];
        }
        for (var r = 0; r < byRow.Length; r++)
            Normalize(vectors.AsSpan(r * dim, dim));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vectors ready ({clock.Elapsed.TotalSeconds:F1} s)"));

        var weights = new float[byRow.Length];
        Array.Fill(weights, 1f);
        var fineOf = KMeans(vectors, weights, byRow.Length, dim, fine, seed, 20, out var fineCentroids, "fine");
        var fineSizes = new float[fine];
        foreach (var f in fineOf)
            fineSizes[f]++;
        var middleOfFine = KMeans(fineCentroids, fineSizes, fine, dim, middle, seed + 1, 30, out var middleCentroids, "middle");
        var middleSizes = new float[middle];
        for (var f = 0; f < fine; f++)
            middleSizes[middleOfFine[f]] += fineSizes[f];
        var coarseOfMiddle = KMeans(middleCentroids, middleSizes, middle, dim, coarse, seed + 2, 30, out _, "coarse");

        var header = string.Create(CultureInfo.InvariantCulture,
            $"marsad word clusters v1: {Path.GetFileName(Path.GetFullPath(corpusDir))} ({articles} articles, {words.Count} tokens); vocabulary {byRow.Length} (count>={minCount}); contexts {contexts} x (-2,-1,+1,+2); PPMI a=0.75; random projection {dim}; spherical k-means {coarse}/{middle}/{fine}; seed {seed}; columns word coarse middle fine definite(0-10,11=rare) log2-frequency");
        using (var f = File.Create(output))
        {
            WordClusters.Write(f, header, byRow.Select((id, r) =>
            {
                var fi = fineOf[r];
                var mi = middleOfFine[fi];
                var def = bareCount[id] >= 5 ? (int)Math.Round(10.0 * articleCount[id] / bareCount[id]) : 11;
                var freq = Math.Min(15, (int)Math.Log2(Math.Max(1, rowCount[id])));
                return (names[id], coarseOfMiddle[mi], mi, fi, def, freq);
            }));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {output} ({new FileInfo(output).Length / 1e6:F2} MB) in {clock.Elapsed.TotalSeconds:F1} s"));
        return 0;

        int Id(ReadOnlySpan<char> token, Span<char> buffer)
        {
            var n = NerFeaturizer.NormalizeKey(token, buffer);
            var k = buffer[..n];
            if (lookup.TryGetValue(k, out var id))
                return id;
            id = names.Count;
            var s = new string(k);
            ids.Add(s, id);
            names.Add(s);
            return id;
        }
    }

    private static bool Crosses(Span<int> words, int i, int j)
    {
        var (a, b) = i < j ? (i, j) : (j, i);
        for (var k = a + 1; k < b; k++)
        {
            if (words[k] < 0)
                return true;
        }
        return false;
    }

    private static void Normalize(Span<float> v)
    {
        var norm = MathF.Sqrt(Dot(v, v));
        if (norm > 0)
        {
            for (var k = 0; k < v.Length; k++)
                v[k] /= norm;
        }
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        var s = Vector.Sum(sum);
        for (; i < a.Length; i++)
            s += a[i] * b[i];
        return s;
    }

    /// <summary>Weighted spherical k-means; deterministic (k-means++ seeding from a fixed seed, ties to the lower id).</summary>
    private static int[] KMeans(float[] points, float[] weights, int n, int dim, int k, int seed, int iterations, out float[] centroids, string label)
    {
        k = Math.Min(k, n);
        var random = new Random(seed);
        centroids = new float[k * dim];
        // k-means++ seeding on cosine distance.
        var first = random.Next(n);
        points.AsSpan(first * dim, dim).CopyTo(centroids.AsSpan(0, dim));
        var best = new double[n];
        Array.Fill(best, double.MaxValue);
        for (var c = 1; c < k; c++)
        {
            var prev = centroids.AsSpan((c - 1) * dim, dim).ToArray();
            double sum = 0;
            for (var i = 0; i < n; i++)
            {
                var d = Math.Max(0, 1 - Dot(points.AsSpan(i * dim, dim), prev));
                if (d < best[i])
                    best[i] = d;
                sum += best[i] * best[i] * weights[i];
            }
            var target = random.NextDouble() * sum;
            var pick = n - 1;
            for (var i = 0; i < n; i++)
            {
                target -= best[i] * best[i] * weights[i];
                if (target <= 0)
                {
                    pick = i;
                    break;
                }
            }
            points.AsSpan(pick * dim, dim).CopyTo(centroids.AsSpan(c * dim, dim));
        }
        var assign = new int[n];
        var cents = centroids;
        for (var iter = 0; iter < iterations; iter++)
        {
            var changed = 0;
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = 2 }, () => 0, (i, _, local) =>
            {
                var p = points.AsSpan(i * dim, dim);
                var arg = 0;
                var top = float.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    var s = Dot(p, cents.AsSpan(c * dim, dim));
                    if (s > top)
                    {
                        top = s;
                        arg = c;
                    }
                }
                if (assign[i] != arg || iter == 0)
                    local++;
                assign[i] = arg;
                return local;
            }, local => Interlocked.Add(ref changed, local));
            Array.Clear(cents);
            for (var i = 0; i < n; i++)
            {
                var c = cents.AsSpan(assign[i] * dim, dim);
                var p = points.AsSpan(i * dim, dim);
                for (var d = 0; d < dim; d++)
                    c[d] += weights[i] * p[d];
            }
            for (var c = 0; c < k; c++)
                Normalize(cents.AsSpan(c * dim, dim));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  k-means {label} k={k} iteration {iter + 1}: {changed:N0} moved"));
            if (changed == 0)
                break;
        }
        return assign;
    }
}
