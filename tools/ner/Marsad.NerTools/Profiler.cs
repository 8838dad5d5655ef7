using System.Diagnostics;
using System.Globalization;
using Marsad.Entities.Ner;

namespace Marsad.NerTools;

/// <summary>
/// A Stopwatch harness for NER tagging speed (no profiler needed): times each stage of tagging a
/// CoNLL file as one document — featurisation alone (every key built, as training does), featurisation
/// plus weight lookups, the old uncached two-pass tagging those add up to, and <see cref="NerTagger.TagDocument"/>
/// (word cache, one featurisation for both passes). Reports the fastest of several passes, in tokens/s.
/// </summary>
public static class Profiler
{
    public static int Run(string gold, string? modelPath, double tail, int passes)
    {
        var corpus = ConllReader.ReadPath(gold);
        if (tail > 0)
            corpus = corpus.SplitTail(tail).Tail;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var tagger = modelPath is null ? NerResources.DefaultTagger : NerResources.LoadTagger(modelPath);
        wall.Stop();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first load (clusters, gazetteer, model, tagger tables; JIT included): {wall.ElapsedMilliseconds} ms wall, {(process.TotalProcessorTime - cpu0).TotalMilliseconds:F0} ms CPU"));
        if (modelPath is not null)
        {
            process.Refresh();
            cpu0 = process.TotalProcessorTime;
            wall.Restart();
            _ = NerResources.LoadTagger(modelPath);
            wall.Stop();
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"second load of the model (resources already in memory): {wall.ElapsedMilliseconds} ms wall, {(process.TotalProcessorTime - cpu0).TotalMilliseconds:F0} ms CPU"));
        }
        var inputs = corpus.Sentences.Select(s =>
        {
            var (text, ranges) = s.Join();
            return new NerInput(text, ranges);
        }).ToArray();
        var tokens = inputs.Sum(i => i.Ranges.Length);
        var distinct = corpus.Sentences.SelectMany(s => s.Tokens).Distinct(StringComparer.Ordinal).Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{inputs.Length} sentences, {tokens:N0} tokens, {distinct:N0} distinct ({100.0 * distinct / tokens:F0}%), model {tagger.Model.FeatureCount:N0} features{(tagger.IsStacked ? " + first pass " + tagger.Model.FirstPass!.FeatureCount.ToString("N0", CultureInfo.InvariantCulture) : "")}"));

        Time("clitic segmenter alone", passes, tokens, () =>
        {
            foreach (var input in inputs)
            {
                foreach (var r in input.Ranges)
                    Marsad.Text.CliticSegmenter.Segment(input.Text.AsSpan(r.Start, r.End - r.Start));
            }
        });
        var plain = tagger.Featurizer.WithoutContext();
        var buffer = new FeatureBuffer();
        var scores = new float[4096 * NerLabels.Count];
        var labels = new byte[4096];
        long keys = 0;
        Time("extract (pass-1 keys, segmenter included)", passes, tokens, () =>
        {
            keys = 0;
            foreach (var input in inputs)
            {
                plain.Extract(input.Text, input.Ranges, [], buffer);
                keys += buffer.Length == 0 ? 0 : buffer.Features(buffer.Length - 1).Length;
            }
        });
        var first = tagger.Model.FirstPass ?? tagger.Model;
        Time("extract + weight lookups + Viterbi, one pass", passes, tokens, () =>
        {
            foreach (var input in inputs)
            {
                plain.Extract(input.Text, input.Ranges, [], buffer);
                first.Emissions(buffer, scores);
                Viterbi.Decode(scores, input.Ranges.Length, NerLabels.Count, first.Transitions, labels);
            }
        });
        Time("TagDocument (word cache, both passes)", passes, tokens, () => tagger.TagDocument(inputs, 10));
        return 0;
    }

    private static void Time(string name, int passes, int tokens, Action action)
    {
        action(); // warm-up
        var best = TimeSpan.MaxValue;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        for (var p = 0; p < passes; p++)
        {
            var clock = Stopwatch.StartNew();
            action();
            clock.Stop();
            if (clock.Elapsed < best)
                best = clock.Elapsed;
        }
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-50} {tokens / best.TotalSeconds,12:N0} tokens/s (fastest of {passes})  {passes * tokens / cpu.TotalSeconds,12:N0} tokens/CPU-s"));
    }
}
