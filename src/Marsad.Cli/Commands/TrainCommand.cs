using System.CommandLine;
using System.Globalization;
using Marsad.Entities.Ner;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad train ner</c>: train the averaged-perceptron NER tagger from CoNLL files.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var train = new Command("train", "Train a model. Subcommands: ner.");
        train.Subcommands.Add(CreateNer());
        return train;
    }

    private static Command CreateNer()
    {
        var trainFile = new Option<string>("--train") { Description = "Training CoNLL file or directory (`token tag` per line).", Required = true };
        var devFile = new Option<string?>("--dev") { Description = "Dev CoNLL file or directory: F1 is printed after every epoch." };
        var devTail = new Option<double>("--dev-tail") { Description = "Hold out the last fraction of --train's sentences as dev (e.g. 0.1); they are not trained on.", DefaultValueFactory = _ => 0 };
        var extra = new Option<string[]>("--extra") { Description = "More training files, each as PATH or PATH:MAPPING (mapping: default, fane, wojood).", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the model.", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => new NerTrainingOptions().Epochs };
        var seed = new Option<int>("--seed") { Description = "Seed of the sentence shuffle; same data + seed + epochs = same model, bit for bit.", DefaultValueFactory = _ => 1 };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times in training.", DefaultValueFactory = _ => new NerTrainingOptions().MinFeatureCount };
        var features = new Option<string>("--features") { Description = "Feature groups: all (clusters + gazetteer + a second, document-context pass), local (clusters + gazetteer, one pass), lexical, clusters (lexical + clusters), gazetteer (lexical + gazetteer).", DefaultValueFactory = _ => "all" };
        features.AcceptOnlyFromAmong("all", "local", "lexical", "clusters", "gazetteer");
        var folds = new Option<int>("--folds") { Description = "Jackknife folds for the second pass's training labels.", DefaultValueFactory = _ => new NerTrainingOptions().Folds };
        var window = new Option<int>("--window") { Description = "Second pass: sentences on each side whose first-pass labels count as the same document (CoNLL has no document marks).", DefaultValueFactory = _ => new NerTrainingOptions().Window };
        var penalty = new Option<float>("--o-penalty") { Description = "Subtract this from every token's O score when tagging (chosen on dev; stored in the model).", DefaultValueFactory = _ => 0 };
        var margin = new Option<float>("--margin") { Description = "Cost-augmented training: bonus to every wrong label while decoding training sentences (0 = plain perceptron).", DefaultValueFactory = _ => new NerTrainingOptions().Margin };
        var recallCost = new Option<float>("--recall-cost") { Description = "With --margin: the cost of O on a gold entity token (recall-oriented).", DefaultValueFactory = _ => new NerTrainingOptions().RecallCost };
        var limit = new Option<int>("--limit") { Description = "Train on the first N training sentences only (0 = all).", DefaultValueFactory = _ => 0 };
        var command = new Command("ner", """
            Train the NER sequence tagger (averaged structured perceptron, first-order Viterbi, IOB2 over
            PERS/ORG/LOC/MISC) on CoNLL data, print progress and dev F1 per epoch, and write the model.
            Deterministic: the only randomness is the seeded sentence shuffle.

            Examples:
              marsad train ner --train ../shared/data/ner/anercorp-camel/ANERCorp_CamelLab_train.txt --dev-tail 0.1 --out out/ner-dev.bin
              marsad train ner --train ../shared/data/ner/anercorp-camel/ANERCorp_CamelLab_train.txt --out src/Marsad.Core/Entities/Resources/ner-model.bin
              marsad train ner --train train.conll --dev ../shared/data/ner/aqmar/dev --features lexical --out out/lexical.bin
            """)
        {
            trainFile, devFile, devTail, extra, output, epochs, seed, minCount, features, limit, folds, window, penalty, margin, recallCost,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(
            parse.GetValue(trainFile)!, parse.GetValue(devFile), parse.GetValue(devTail), parse.GetValue(extra) ?? [],
            parse.GetValue(output)!, parse.GetValue(epochs), parse.GetValue(seed), parse.GetValue(minCount), parse.GetValue(features)!, parse.GetValue(limit),
            parse.GetValue(folds), parse.GetValue(window), parse.GetValue(penalty), parse.GetValue(margin), parse.GetValue(recallCost), ct)));
        return command;
    }

    private static int Run(string trainPath, string? devPath, double devTail, string[] extra, string output, int epochs, int seed, int minCount, string features, int limit, int folds, int window, float penalty, float margin, float recallCost, CancellationToken ct)
    {
        var inv = CultureInfo.InvariantCulture;
        var set = features switch
        {
            "lexical" => NerFeatureSet.Lexical,
            "clusters" => NerFeatureSet.Clusters,
            "gazetteer" => NerFeatureSet.Gazetteer,
            "local" => NerFeatureSet.All,
            _ => NerFeatureSet.All | NerFeatureSet.DocumentContext,
        };
        var corpus = ConllReader.ReadPath(trainPath);
        IReadOnlyList<ConllSentence> train = corpus.Sentences;
        IReadOnlyList<ConllSentence>? dev = null;
        if (devTail > 0)
        {
            var (head, tail) = corpus.SplitTail(devTail);
            train = head.Sentences;
            dev = tail.Sentences;
        }
        if (devPath is not null)
            dev = ConllReader.ReadPath(devPath).Sentences;
        if (limit > 0)
            train = train.Take(limit).ToArray();
        var all = new List<ConllSentence>(train);
        foreach (var e in extra)
        {
            var colon = e.LastIndexOf(':');
            var (path, map) = colon > 1 ? (e[..colon], e[(colon + 1)..]) : (e, "default");
            var more = ConllReader.ReadPath(path, TagMapping.ByName(map));
            Console.WriteLine(string.Create(inv, $"extra: {path} ({map}): {more.Sentences.Count:N0} sentences, {more.TokenCount:N0} tokens"));
            all.AddRange(more.Sentences);
        }
        Console.WriteLine(string.Create(inv, $"train: {all.Count:N0} sentences, {all.Sum(s => s.Tokens.Length):N0} tokens; dev: {(dev is null ? "none" : $"{dev.Count:N0} sentences, {dev.Sum(s => s.Tokens.Length):N0} tokens")}; features: {set}; epochs {epochs}, seed {seed}"));
        var options = new NerTrainingOptions
        {
            Epochs = epochs,
            Seed = seed,
            MinFeatureCount = minCount,
            Folds = folds,
            Margin = margin,
            RecallCost = recallCost,
            Window = window,
            Description = NerTrainingOptions.Describe(Path.GetFileName(trainPath), devTail, extra.Select(Path.GetFileName).ToArray()!, limit),
        };
        var featurizer = NerResources.Featurizer(set);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var model = PerceptronTrainer.Train(all, dev, featurizer, NerResources.Fingerprint(set), options, r =>
        {
            var devText = r.Dev is { } d
                ? string.Create(inv, $"dev P {d.Overall.Precision * 100:F2} R {d.Overall.Recall * 100:F2} F1 {d.Overall.F1 * 100:F2} ({EvalCommand.TypeList(d)})")
                : "";
            Console.WriteLine(string.Create(inv, $"{r.Stage}, epoch {r.Epoch,2}: {r.Mistakes:N0}/{r.Sentences:N0} sentences wrong, {r.Elapsed.TotalSeconds:F1} s  {devText}"));
        }, ct);
        if (penalty != 0)
        {
            model = model.WithOutsidePenalty(penalty);
            if (dev is not null)
            {
                var d = PerceptronTrainer.Evaluate(new NerTagger(model, featurizer), dev, window);
                Console.WriteLine(string.Create(inv, $"with O penalty {penalty}: dev P {d.Overall.Precision * 100:F2} R {d.Overall.Recall * 100:F2} F1 {d.Overall.F1 * 100:F2} ({EvalCommand.TypeList(d)})"));
            }
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(output));
        if (dir is not null)
            Directory.CreateDirectory(dir);
        using (var f = File.Create(output))
            model.Save(f);
        Console.WriteLine(string.Create(inv, $"model: {output} ({new FileInfo(output).Length / 1e6:F2} MB, {model.FeatureCount + (model.FirstPass?.FeatureCount ?? 0):N0} features; trained in {clock.Elapsed.TotalSeconds:F0} s)"));
        return 0;
    }
}
