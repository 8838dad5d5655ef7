using Marsad.Entities.Ner;
using Marsad.Model;

namespace Marsad.Tests.Entities.Ner;

public sealed class ConllReaderTests
{
    private static ConllCorpus Read(string text, TagMapping? mapping = null) => ConllReader.Read(new StringReader(text), mapping);

    private static string Labels(ConllSentence s) => string.Join(' ', s.Labels.Select(l => NerLabels.Name(l)));

    [Fact]
    public void Final_newline_is_optional()
    {
        var withNewline = Read("زار O\nبغداد B-LOC\n");
        var without = Read("زار O\nبغداد B-LOC");
        Assert.Single(without.Sentences);
        Assert.Equal(withNewline.Sentences[0].Tokens, without.Sentences[0].Tokens);
        Assert.Equal("O B-LOC", Labels(without.Sentences[0]));
    }

    [Fact]
    public void Blank_lines_separate_sentences_and_runs_of_them_make_no_empty_sentence()
    {
        var c = Read("وصل O\nالوزير O\n\n\n\nإلى O\nعمان B-LOC\n\n");
        Assert.Equal(2, c.Sentences.Count);
        Assert.Equal(["إلى", "عمان"], c.Sentences[1].Tokens);
    }

    [Fact]
    public void I_without_B_is_kept_as_I()
    {
        var c = Read("في O\nالأمم I-ORG\nالمتحدة I-ORG");
        Assert.Equal("O I-PERS I-PERS".Replace("PERS", "ORG", StringComparison.Ordinal), Labels(c.Sentences[0]));
    }

    [Fact]
    public void PER_and_PERS_are_the_same_type_and_the_spelling_is_remembered()
    {
        var anercorp = Read("محمد B-PERS\nعلي I-PERS");
        var aqmar = Read("محمد B-PER\nعلي I-PER");
        Assert.Equal(anercorp.Sentences[0].Labels, aqmar.Sentences[0].Labels);
        Assert.Equal(NerLabels.Begin(EntityType.PER), aqmar.Sentences[0].Labels[0]);
        Assert.True(anercorp.UsesPers);
        Assert.False(aqmar.UsesPers);
    }

    [Theory]
    [InlineData("B-MIS1", "B-MISC")]
    [InlineData("I-MIS2", "I-MISC")]
    [InlineData("B-MIS-1", "B-MISC")]
    [InlineData("B-SPANISH", "B-MISC")]
    [InlineData("OO", "O")]
    [InlineData("IO", "O")]
    [InlineData("I--ORG", "I-ORG")]
    public void AQMAR_variants_map_to_the_four_types(string tag, string expected)
    {
        var c = Read($"دمشق B-LOC\nكلمة {tag}");
        Assert.Equal(expected, NerLabels.Name(c.Sentences[0].Labels[1]));
    }

    [Fact]
    public void Tab_separator_bidi_marks_and_extra_layers_are_handled()
    {
        var c = Read("\u200Eالأسد\tI-ORG B-PERS\nقال\tO\r\n");
        Assert.Equal(["الأسد", "قال"], c.Sentences[0].Tokens);
        Assert.Equal("I-ORG O", Labels(c.Sentences[0]));
    }

    [Fact]
    public void Unknown_types_become_O_and_are_counted()
    {
        var c = Read("أمس B-DATE\nقال O");
        Assert.Equal(1, c.UnknownTags);
        Assert.Equal("O O", Labels(c.Sentences[0]));
    }

    [Fact]
    public void Wojood_mapping_folds_GPE_into_LOC_and_drops_DATE()
    {
        var c = Read("العراق B-GPE\nأمس B-DATE", TagMapping.Wojood);
        Assert.Equal("B-LOC O", Labels(c.Sentences[0]));
        Assert.Equal(0, c.UnknownTags);
    }

    [Fact]
    public void SplitTail_takes_the_last_floor_fraction_of_sentences()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 25).Select(i => $"كلمة{i} O"));
        var (head, tail) = Read(text).SplitTail(0.1);
        Assert.Equal(23, head.Sentences.Count);
        Assert.Equal(2, tail.Sentences.Count);
        Assert.Equal("كلمة23", tail.Sentences[0].Tokens[0]);
    }

    [Fact]
    public void A_directory_is_read_file_by_file_in_name_order()
    {
        var dir = Directory.CreateTempSubdirectory("marsad-conll");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "b.txt"), "حلب B-LOC\n");
            File.WriteAllText(Path.Combine(dir.FullName, "a.txt"), "دمشق B-LOC");
            var c = ConllReader.ReadPath(dir.FullName);
            Assert.Equal(["دمشق", "حلب"], c.Sentences.Select(s => s.Tokens[0]));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
