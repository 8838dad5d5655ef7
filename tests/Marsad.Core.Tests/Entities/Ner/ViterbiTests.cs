using Marsad.Entities.Ner;

namespace Marsad.Tests.Entities.Ner;

public sealed class ViterbiTests
{
    [Fact]
    public void Decodes_the_best_path_of_a_two_label_hand_model()
    {
        // Labels A=0, B=1. Token by token the emissions favour A, A, B, but B→B is rewarded (+1),
        // A→B costs 0.5 and B→A costs 5. Path scores: A,A,B = 2+2+2−0.5 = 5.5; A,B,B = 2+1.5+2−0.5+1 = 6;
        // B,B,B = 0+1.5+2+1+1 = 5.5; A,A,A = 4. The best is A,B,B with 6.
        float[] emissions = [2, 0, 2, 1.5f, 0, 2];
        float[] transitions =
        [
            0, -0.5f, // from A
            -5, 1,    // from B
            0, 0,     // start
        ];
        var labels = new byte[3];
        var score = Viterbi.Decode(emissions, 3, 2, transitions, labels);
        Assert.Equal([0, 1, 1], labels);
        Assert.Equal(6f, score);
    }

    [Fact]
    public void Forbidden_transitions_are_never_taken()
    {
        // A,B would score 5 + 3 = 8 but A→B is forbidden; of the allowed paths A,A = 5 is best.
        float[] emissions = [5, 0, 0, 3];
        float[] transitions = [0, float.NegativeInfinity, 0, 0, 0, 0];
        var labels = new byte[2];
        var score = Viterbi.Decode(emissions, 2, 2, transitions, labels);
        Assert.Equal([0, 0], labels);
        Assert.Equal(5f, score);
    }

    [Fact]
    public void Marginals_of_a_certain_path_are_close_to_one()
    {
        float[] emissions = [20, 0, 0, 20];
        float[] transitions = [0, 0, 0, 0, 0, 0];
        var labels = new byte[2];
        Viterbi.Decode(emissions, 2, 2, transitions, labels);
        var m = new float[2];
        Viterbi.Marginals(emissions, 2, 2, transitions, labels, m);
        Assert.Equal([0, 1], labels);
        Assert.All(m, p => Assert.True(p > 0.999f));
    }

    [Fact]
    public void An_empty_sentence_decodes_to_nothing()
    {
        Assert.Equal(0f, Viterbi.Decode([], 0, 2, new float[6], []));
    }
}
