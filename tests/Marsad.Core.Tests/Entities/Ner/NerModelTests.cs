using Marsad.Entities.Ner;

namespace Marsad.Tests.Entities.Ner;

public sealed class NerModelTests
{
    private static NerModel Tiny()
    {
        var l = NerLabels.Count;
        var transitions = new float[(l + 1) * l];
        for (var i = 0; i < transitions.Length; i++)
            transitions[i] = (i % 7) * 0.25f - 0.5f;
        var w1 = new float[l];
        w1[NerLabels.Begin(Marsad.Model.EntityType.LOC)] = 2.5f;
        var w2 = new float[l];
        w2[0] = -1.25f;
        w2[3] = 0.125f;
        return NerModel.Create(NerFeatureSet.Lexical, "", "tiny test model", [(42UL, w1), (ulong.MaxValue - 3, w2), (7UL, new float[l])], transitions);
    }

    [Fact]
    public void Save_then_load_gives_the_same_model_and_the_same_bytes()
    {
        var model = Tiny();
        using var first = new MemoryStream();
        model.Save(first);
        var loaded = NerModel.Load(new MemoryStream(first.ToArray()));
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        Assert.Equal(2, loaded.FeatureCount); // the all-zero row is dropped
        Assert.Equal(model.Description, loaded.Description);
        Assert.Equal(model.Features, loaded.Features);
        Assert.Equal(model.Transitions.ToArray(), loaded.Transitions.ToArray());
        using var second = new MemoryStream();
        loaded.Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Iob2_forbidden_transitions_are_minus_infinity_after_loading()
    {
        var model = Tiny();
        var l = NerLabels.Count;
        var iLoc = NerLabels.Inside(Marsad.Model.EntityType.LOC);
        var bPer = NerLabels.Begin(Marsad.Model.EntityType.PER);
        var bLoc = NerLabels.Begin(Marsad.Model.EntityType.LOC);
        Assert.True(float.IsNegativeInfinity(model.Transitions[(NerLabels.Outside * l) + iLoc]));
        Assert.True(float.IsNegativeInfinity(model.Transitions[(bPer * l) + iLoc]));
        Assert.True(float.IsNegativeInfinity(model.Transitions[(l * l) + iLoc])); // sentence start
        Assert.False(float.IsNegativeInfinity(model.Transitions[(bLoc * l) + iLoc]));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        using var ms = new MemoryStream();
        using (var b = new System.IO.Compression.BrotliStream(ms, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            b.Write("hello"u8);
        ms.Position = 0;
        Assert.Throws<InvalidDataException>(() => NerModel.Load(ms));
    }
}
