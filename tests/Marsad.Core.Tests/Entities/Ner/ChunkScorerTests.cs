using Marsad.Entities.Ner;
using Marsad.Model;

namespace Marsad.Tests.Entities.Ner;

public sealed class ChunkScorerTests
{
    private static byte[] L(string tags) => tags.Split(' ').Select(t =>
    {
        Assert.True(TagMapping.Default.TryMap(t, out var l));
        return l;
    }).ToArray();

    private static List<Chunk> Chunks(string tags)
    {
        var list = new List<Chunk>();
        ChunkScorer.Chunks(L(tags), list);
        return list;
    }

    [Fact]
    public void A_chunk_starts_at_B_and_runs_over_I_of_the_same_type()
    {
        Assert.Equal([new Chunk(1, 3, EntityType.PER), new Chunk(4, 5, EntityType.LOC)], Chunks("O B-PERS I-PERS O B-LOC"));
    }

    [Fact]
    public void I_after_O_starts_a_chunk()
    {
        Assert.Equal([new Chunk(1, 3, EntityType.ORG)], Chunks("O I-ORG I-ORG O"));
    }

    [Fact]
    public void I_after_another_type_starts_a_chunk()
    {
        Assert.Equal([new Chunk(0, 1, EntityType.PER), new Chunk(1, 2, EntityType.LOC)], Chunks("B-PERS I-LOC"));
    }

    [Fact]
    public void B_after_B_of_the_same_type_starts_a_new_chunk()
    {
        Assert.Equal([new Chunk(0, 1, EntityType.LOC), new Chunk(1, 3, EntityType.LOC)], Chunks("B-LOC B-LOC I-LOC"));
    }

    [Fact]
    public void Scores_match_a_hand_computed_example()
    {
        // gold: PER[0,2) LOC[3,4) ORG[5,7)        = 3 chunks
        // pred: PER[0,2) LOC[3,5) ORG[6,7) MISC[7,8) = 4 chunks; only PER is exact.
        var s = new ChunkScorer();
        s.Add(L("B-PERS I-PERS O B-LOC O B-ORG I-ORG O"), L("B-PERS I-PERS O B-LOC I-LOC O I-ORG B-MISC"));
        // second sentence: gold LOC[0,1), pred LOC[0,1) → correct.
        s.Add(L("B-LOC O"), L("B-LOC O"));
        var score = s.Score();
        Assert.Equal(new PrfCounts(4, 5, 2), score.Overall);
        Assert.Equal(0.4, score.Overall.Precision, 10);
        Assert.Equal(0.5, score.Overall.Recall, 10);
        Assert.Equal(2 * 0.4 * 0.5 / 0.9, score.Overall.F1, 10);
        Assert.Equal(new PrfCounts(2, 2, 1), score.PerType[EntityType.LOC]);
        Assert.Equal(new PrfCounts(1, 1, 0), score.PerType[EntityType.ORG]);
        Assert.Equal(new PrfCounts(0, 1, 0), score.PerType[EntityType.MISC]);
        Assert.Equal(10, score.Tokens);
    }

    [Fact]
    public void An_I_after_O_chunk_in_gold_matches_a_B_chunk_in_the_prediction()
    {
        var s = new ChunkScorer();
        s.Add(L("O I-ORG I-ORG"), L("O B-ORG I-ORG"));
        Assert.Equal(1.0, s.Score().Overall.F1);
    }

    [Fact]
    public void No_chunks_at_all_scores_zero_without_dividing_by_zero()
    {
        var s = new ChunkScorer();
        s.Add(L("O O"), L("O O"));
        Assert.Equal(0.0, s.Score().Overall.F1);
    }
}
