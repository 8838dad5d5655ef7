using Marsad.Entities.Ner;
using Marsad.Testing;

namespace Marsad.Tests.Entities.Ner;

/// <summary>
/// The shipped model is reproducible: retraining with the README's command gives the same bytes,
/// and retraining on the dev split gives the dev F1 the README reports. If a change to the
/// featuriser, the tokeniser's clitic segmenter or the resources breaks these, retrain and commit
/// (README "Named entities": the commands are there).
/// </summary>
public sealed class RetrainTests
{
    /// <summary>Dev F1 (ANERcorp train, last 10% of sentences) the README reports for the shipped configuration.</summary>
    private const double ReadmeDevF1 = 0.7367;

    private static readonly NerFeatureSet Shipped = NerFeatureSet.All | NerFeatureSet.DocumentContext;

    private static ConllCorpus Train() => ConllReader.ReadPath(SharedData.Path("data/ner/anercorp-camel/ANERCorp_CamelLab_train.txt"));

    /// <summary>Epochs of the README command (`--epochs 6`, chosen on dev).</summary>
    private const int Epochs = 6;

    private static NerTrainingOptions Options(double devTail) => new()
    {
        Epochs = Epochs,
        Description = NerTrainingOptions.Describe("ANERCorp_CamelLab_train.txt", devTail, [], 0),
    };

    [Fact]
    public void Retraining_with_the_README_command_reproduces_the_shipped_model_bit_for_bit()
    {
        var model = PerceptronTrainer.Train(Train().Sentences, null, NerResources.Featurizer(Shipped), NerResources.Fingerprint(Shipped), Options(0));
        using var retrained = new MemoryStream();
        model.Save(retrained);
        var shipped = NerResources.Read(NerResources.ModelFile);
        Assert.True(shipped.AsSpan().SequenceEqual(retrained.ToArray()),
            $"retrained model ({retrained.Length} bytes) differs from src/Marsad.Core/Entities/Resources/{NerResources.ModelFile} ({shipped.Length} bytes); run the README's `marsad train ner` command and commit the model");
    }

    [Fact]
    public void Retraining_on_the_dev_split_reproduces_the_README_dev_F1()
    {
        var (train, dev) = Train().SplitTail(0.1);
        var featurizer = NerResources.Featurizer(Shipped);
        var model = PerceptronTrainer.Train(train.Sentences, null, featurizer, NerResources.Fingerprint(Shipped), Options(0.1));
        var score = PerceptronTrainer.Evaluate(new NerTagger(model, featurizer), dev.Sentences, new NerTrainingOptions().Window);
        Assert.Equal(ReadmeDevF1, Math.Round(score.Overall.F1, 4));
    }

    [Fact]
    public void The_same_data_and_seed_give_the_same_model_and_another_seed_does_not()
    {
        var subset = Train().Sentences.Take(300).ToArray();
        var featurizer = NerResources.Featurizer(NerFeatureSet.All);
        byte[] Bytes(int seed)
        {
            var m = PerceptronTrainer.Train(subset, null, featurizer, NerResources.Fingerprint(NerFeatureSet.All), new NerTrainingOptions { Epochs = 3, Seed = seed });
            using var ms = new MemoryStream();
            m.Save(ms);
            return ms.ToArray();
        }
        var a = Bytes(7);
        Assert.Equal(a, Bytes(7));
        Assert.NotEqual(a, Bytes(8));
    }
}
