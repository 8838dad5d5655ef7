using System.Diagnostics;

namespace Marsad.Entities.Ner;

/// <summary>Settings of <see cref="PerceptronTrainer"/>.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>Passes over the training data (6: best on the dev split; more over-fits the second pass).</summary>
    public int Epochs { get; init; } = 6;

    /// <summary>Seed of the sentence shuffle (the only randomness).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Features seen fewer times than this in training are dropped.</summary>
    public int MinFeatureCount { get; init; } = 2;

    /// <summary>
    /// Cost-augmented decoding while training: every wrong label of a token gets this bonus, and
    /// <c>O</c> on a gold entity token gets <see cref="RecallCost"/> (a recall-oriented perceptron, as in
    /// Mohit et al. 2012). 0 = the plain perceptron.
    /// </summary>
    public float Margin { get; init; }

    /// <summary>The cost of predicting O for a gold entity token when <see cref="Margin"/> is on.</summary>
    public float RecallCost { get; init; }

    /// <summary>Stacked training: folds of the jackknife that gives the second pass realistic first-pass labels.</summary>
    public int Folds { get; init; } = 4;

    /// <summary>Stacked training on CoNLL data: the second pass sees first-pass labels of the sentences within this many of each sentence (ANERcorp has no document marks).</summary>
    public int Window { get; init; } = 10;

    /// <summary>Written into the model (how it was made).</summary>
    public string Description { get; init; } = "";

    /// <summary>The data part of <see cref="Description"/>, as <c>marsad train ner</c> writes it.</summary>
    public static string Describe(string trainFileName, double devTail, IReadOnlyList<string> extraFileNames, int limit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"averaged perceptron; train={trainFileName}{(devTail > 0 ? $" minus last {devTail} as dev" : "")}{(limit > 0 ? $" first {limit} sentences" : "")}{string.Concat(extraFileNames.Select(x => " + " + x))}");
}

/// <summary>What one epoch did (<paramref name="Stage"/>: <c>pass 1</c>, <c>fold 2/4</c>, <c>pass 2</c> …).</summary>
public sealed record EpochReport(string Stage, int Epoch, int Mistakes, int Sentences, TimeSpan Elapsed, NerScore? Dev);

/// <summary>
/// The averaged structured perceptron (Collins 2002) for the linear-chain tagger: decode each
/// training sentence with the current weights (IOB2-constrained Viterbi); where the prediction
/// differs from the gold sequence, add the gold features and subtract the predicted ones; return
/// the weights averaged over every step (Daumé's trick: w − u/c). The sentence order is shuffled
/// each epoch with a seeded generator, and all arithmetic is sequential, so the same data, seed
/// and epochs give a bit-identical model.
/// </summary>
public static class PerceptronTrainer
{
    private const int L = NerLabels.Count;

    /// <summary>
    /// Trains a model. With a <see cref="NerFeatureSet.DocumentContext"/> featuriser this is stacked
    /// training: a first-pass model on all of <paramref name="train"/>; a jackknife (<see cref="NerTrainingOptions.Folds"/>
    /// contiguous folds, each tagged by a model trained on the others) for first-pass labels of the
    /// training data as a first pass would really see them; then the second pass on those.
    /// </summary>
    public static NerModel Train(
        IReadOnlyList<ConllSentence> train,
        IReadOnlyList<ConllSentence>? dev,
        NerFeaturizer featurizer,
        string resourceFingerprint,
        NerTrainingOptions options,
        Action<EpochReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (!featurizer.Set.HasFlag(NerFeatureSet.DocumentContext))
            return TrainPass(train, null, dev, null, featurizer, resourceFingerprint, options, "train", progress, cancellationToken);
        var plain = featurizer.WithoutContext();
        var first = TrainPass(train, null, dev, null, plain, resourceFingerprint, options, "pass 1", progress, cancellationToken);
        var firstLabels = new byte[train.Count][];
        var k = Math.Max(2, options.Folds);
        for (var f = 0; f < k; f++)
        {
            var lo = f * train.Count / k;
            var hi = (f + 1) * train.Count / k;
            var rest = train.Take(lo).Concat(train.Skip(hi)).ToArray();
            var foldModel = TrainPass(rest, null, null, null, plain, resourceFingerprint, options, $"fold {f + 1}/{k}", progress, cancellationToken);
            var tagger = new NerTagger(foldModel, plain);
            for (var s = lo; s < hi; s++)
                firstLabels[s] = tagger.Tag(train[s].Tokens);
        }
        var trainContexts = Contexts(train, firstLabels, plain, options.Window);
        SentenceContext[]? devContexts = null;
        if (dev is not null)
        {
            var tagger = new NerTagger(first, plain);
            devContexts = Contexts(dev, dev.Select(s => tagger.Tag(s.Tokens)).ToArray(), plain, options.Window);
        }
        var second = TrainPass(train, trainContexts, dev, devContexts, featurizer, resourceFingerprint, options, "pass 2", progress, cancellationToken);
        return second.WithFirstPass(first);
    }

    private static SentenceContext[] Contexts(IReadOnlyList<ConllSentence> sentences, byte[][] firstPass, NerFeaturizer plain, int window)
    {
        var buffer = new FeatureBuffer();
        var stems = new ulong[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            var (text, ranges) = sentences[s].Join();
            plain.Extract(text, ranges, [], buffer);
            stems[s] = buffer.Stems.ToArray();
        }
        return DocumentEvidence.Contexts(stems, firstPass, window);
    }

    private static NerModel TrainPass(
        IReadOnlyList<ConllSentence> train,
        IReadOnlyList<SentenceContext>? trainContexts,
        IReadOnlyList<ConllSentence>? dev,
        IReadOnlyList<SentenceContext>? devContexts,
        NerFeaturizer featurizer,
        string resourceFingerprint,
        NerTrainingOptions options,
        string stage,
        Action<EpochReport>? progress,
        CancellationToken cancellationToken)
    {
        // 1. Features of every training token, as dense ids (in order of first appearance).
        var ids = new Dictionary<ulong, int>();
        var counts = new List<int>();
        var keys = new List<ulong>();
        var sentences = new (int[] Offsets, int[] Features, byte[] Gold)[train.Count];
        var buffer = new FeatureBuffer();
        var tmp = new List<int>();
        for (var s = 0; s < train.Count; s++)
        {
            var (text, ranges) = train[s].Join();
            featurizer.Extract(text, ranges, [], buffer, trainContexts is null ? default : trainContexts[s]);
            var n = ranges.Length;
            var offsets = new int[n + 1];
            tmp.Clear();
            for (var i = 0; i < n; i++)
            {
                offsets[i] = tmp.Count;
                foreach (var key in buffer.Features(i))
                {
                    if (!ids.TryGetValue(key, out var id))
                    {
                        id = ids.Count;
                        ids.Add(key, id);
                        counts.Add(0);
                        keys.Add(key);
                    }
                    counts[id]++;
                    tmp.Add(id);
                }
            }
            offsets[n] = tmp.Count;
            sentences[s] = (offsets, tmp.ToArray(), train[s].Labels);
        }
        if (options.MinFeatureCount > 1)
        {
            var remap = new int[ids.Count];
            var kept = new List<ulong>();
            for (var i = 0; i < remap.Length; i++)
            {
                remap[i] = counts[i] >= options.MinFeatureCount ? kept.Count : -1;
                if (remap[i] >= 0)
                    kept.Add(keys[i]);
            }
            for (var s = 0; s < sentences.Length; s++)
            {
                var (offsets, features, gold) = sentences[s];
                var newOffsets = new int[offsets.Length];
                tmp.Clear();
                for (var i = 0; i + 1 < offsets.Length; i++)
                {
                    newOffsets[i] = tmp.Count;
                    for (var j = offsets[i]; j < offsets[i + 1]; j++)
                    {
                        if (remap[features[j]] >= 0)
                            tmp.Add(remap[features[j]]);
                    }
                }
                newOffsets[^1] = tmp.Count;
                sentences[s] = (newOffsets, tmp.ToArray(), gold);
            }
            keys = kept;
        }

        // 2. Perceptron passes.
        var featureCount = keys.Count;
        var w = new float[featureCount * L];
        var u = new double[featureCount * L];
        var tw = new float[(L + 1) * L];
        var tu = new double[(L + 1) * L];
        var constrained = new float[(L + 1) * L];
        var order = Enumerable.Range(0, sentences.Length).ToArray();
        var random = new Random(options.Seed);
        long c = 1;
        var scores = new float[1024 * L];
        var predicted = new byte[1024];
        NerModel? model = null;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            random.Shuffle(order);
            var mistakes = 0;
            foreach (var s in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (offsets, features, gold) = sentences[s];
                var n = gold.Length;
                if (scores.Length < n * L)
                {
                    scores = new float[n * L * 2];
                    predicted = new byte[n * 2];
                }
                Constrain(tw, constrained);
                for (var i = 0; i < n; i++)
                {
                    var row = scores.AsSpan(i * L, L);
                    row.Clear();
                    for (var j = offsets[i]; j < offsets[i + 1]; j++)
                    {
                        var ws = w.AsSpan(features[j] * L, L);
                        for (var y = 0; y < L; y++)
                            row[y] += ws[y];
                    }
                    if (options.Margin > 0)
                    {
                        var g = gold[i];
                        for (var y = 0; y < L; y++)
                        {
                            if (y != g)
                                row[y] += y == 0 && g != 0 ? options.RecallCost : options.Margin;
                        }
                    }
                }
                Viterbi.Decode(scores, n, L, constrained, predicted);
                var wrong = false;
                for (var i = 0; i < n; i++)
                {
                    var g = gold[i];
                    var p = predicted[i];
                    var gp = i == 0 ? L : gold[i - 1];
                    var pp = i == 0 ? L : predicted[i - 1];
                    if (g != p)
                    {
                        wrong = true;
                        for (var j = offsets[i]; j < offsets[i + 1]; j++)
                        {
                            var f = features[j] * L;
                            w[f + g] += 1;
                            u[f + g] += c;
                            w[f + p] -= 1;
                            u[f + p] -= c;
                        }
                    }
                    if (g != p || gp != pp)
                    {
                        tw[(gp * L) + g] += 1;
                        tu[(gp * L) + g] += c;
                        tw[(pp * L) + p] -= 1;
                        tu[(pp * L) + p] -= c;
                    }
                }
                if (wrong)
                    mistakes++;
                c++;
            }
            var last = epoch == options.Epochs;
            if (last || dev is not null)
            {
                model = Average(featurizer.Set, resourceFingerprint, options, epoch, keys, w, u, tw, tu, c);
                NerScore? devScore = null;
                if (dev is not null)
                    devScore = Evaluate(model, featurizer, dev, devContexts);
                progress?.Invoke(new EpochReport(stage, epoch, mistakes, sentences.Length, clock.Elapsed, devScore));
            }
            else
            {
                progress?.Invoke(new EpochReport(stage, epoch, mistakes, sentences.Length, clock.Elapsed, null));
            }
        }
        return model ?? Average(featurizer.Set, resourceFingerprint, options, 0, keys, w, u, tw, tu, c);
    }

    /// <summary>Tags the sentences as one sequence (window as in training) and scores the chunks against the gold labels.</summary>
    public static NerScore Evaluate(NerTagger tagger, IReadOnlyList<ConllSentence> gold, int window)
    {
        var inputs = gold.Select(s =>
        {
            var (text, ranges) = s.Join();
            return new NerInput(text, ranges);
        }).ToArray();
        var predicted = tagger.TagDocument(inputs, window);
        var scorer = new ChunkScorer();
        for (var i = 0; i < gold.Count; i++)
            scorer.Add(gold[i].Labels, predicted[i]);
        return scorer.Score();
    }

    private static NerScore Evaluate(NerModel model, NerFeaturizer featurizer, IReadOnlyList<ConllSentence> gold, IReadOnlyList<SentenceContext>? contexts)
    {
        var scorer = new ChunkScorer();
        var buffer = new FeatureBuffer();
        var scores = new float[1024 * L];
        var labels = new byte[1024];
        for (var i = 0; i < gold.Count; i++)
        {
            var (text, ranges) = gold[i].Join();
            var n = ranges.Length;
            if (scores.Length < n * L)
            {
                scores = new float[n * L * 2];
                labels = new byte[n * 2];
            }
            featurizer.Extract(text, ranges, [], buffer, contexts is null ? default : contexts[i]);
            model.Emissions(buffer, scores);
            Viterbi.Decode(scores, n, L, model.Transitions, labels);
            scorer.Add(gold[i].Labels, labels.AsSpan(0, n));
        }
        return scorer.Score();
    }

    private static void Constrain(float[] transitions, float[] into)
    {
        for (var p = 0; p <= L; p++)
        {
            for (var y = 0; y < L; y++)
            {
                var previous = p == L ? NerLabels.Outside : (byte)p;
                into[(p * L) + y] = NerLabels.IsValidTransition(previous, (byte)y) ? transitions[(p * L) + y] : float.NegativeInfinity;
            }
        }
    }

    private static NerModel Average(NerFeatureSet set, string fingerprint, NerTrainingOptions options, int epochs, List<ulong> keys, float[] w, double[] u, float[] tw, double[] tu, long c)
    {
        var rows = new List<(ulong, float[])>(keys.Count);
        for (var f = 0; f < keys.Count; f++)
        {
            float[]? row = null;
            for (var y = 0; y < L; y++)
            {
                var v = (float)(w[(f * L) + y] - (u[(f * L) + y] / c));
                if (Math.Abs(v) < 1e-3f)
                    continue;
                row ??= new float[L];
                row[y] = v;
            }
            if (row is not null)
                rows.Add((keys[f], row));
        }
        var transitions = new float[(L + 1) * L];
        for (var i = 0; i < transitions.Length; i++)
            transitions[i] = (float)(tw[i] - (tu[i] / c));
        var description = options.Description.Length > 0 ? options.Description : "averaged perceptron";
        description += string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; features={set}; epochs={epochs}; seed={options.Seed}; min-count={options.MinFeatureCount}");
        if (options.Margin > 0)
            description += string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; margin={options.Margin}; recall-cost={options.RecallCost}");
        if (set.HasFlag(NerFeatureSet.DocumentContext))
            description += string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; folds={options.Folds}; window={options.Window}");
        return NerModel.Create(set, fingerprint, description, rows, transitions);
    }
}
