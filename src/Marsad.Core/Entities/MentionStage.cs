using System.Collections.Immutable;
using Marsad.Entities.Ner;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Entities;

/// <summary>
/// Finds named-entity mentions: runs the NER tagger (<see cref="NerTagger"/>) over the tokens of
/// each sentence and turns every IOB2 chunk into a <see cref="Mention"/> whose offsets are the body
/// offsets of its first and last token. Runs after <see cref="TokenStage"/> (it reads
/// <see cref="Document.Tokens"/> and their stems); grouping mentions into entities is a later stage.
/// Confidence is the mean posterior of the chunk's labels under the model's chain scores.
/// </summary>
public sealed class MentionStage : IStage
{
    private readonly Lazy<NerTagger> _tagger;
    private readonly string _by;

    /// <summary>The stage with the shipped model (loaded on first use).</summary>
    public MentionStage()
    {
        _tagger = new Lazy<NerTagger>(() => NerResources.DefaultTagger);
        _by = NerResources.ModelName;
    }

    /// <summary>The stage with another tagger; <paramref name="by"/> names it in <see cref="Mention.By"/>.</summary>
    public MentionStage(NerTagger tagger, string by)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        _tagger = new Lazy<NerTagger>(tagger);
        _by = by;
    }

    public string Name => "mentions";

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        var tokens = document.Tokens;
        if (tokens.IsDefaultOrEmpty)
            return document;
        var body = document.Article.Body;
        var tagger = _tagger.Value;
        var sentences = document.Sentences.IsDefaultOrEmpty ? [new Sentence(0, body.Length, "whole-body")] : document.Sentences;
        // One input per sentence with tokens, offsets absolute into the body; the tagger sees the
        // whole article as one document (a stacked model's second pass reads all of it).
        var inputs = new List<NerInput>(sentences.Length);
        var firstTokens = new List<int>(sentences.Length);
        var t = 0;
        foreach (var sentence in sentences)
        {
            while (t < tokens.Length && tokens[t].Start < sentence.Start)
                t++;
            var first = t;
            while (t < tokens.Length && tokens[t].End <= sentence.End)
                t++;
            var n = t - first;
            if (n == 0)
                continue;
            var ranges = new TokenRange[n];
            var stems = new int[n];
            for (var i = 0; i < n; i++)
            {
                var token = tokens[first + i];
                ranges[i] = new TokenRange(token.Start, token.End);
                stems[i] = token.StemStart;
            }
            inputs.Add(new NerInput(body, ranges, stems));
            firstTokens.Add(first);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var confidence = new float[inputs.Count][];
        var labels = tagger.TagDocument(inputs, window: 0, confidence);
        var mentions = ImmutableArray.CreateBuilder<Mention>();
        var chunks = new List<Chunk>();
        for (var s = 0; s < inputs.Count; s++)
        {
            var ranges = inputs[s].Ranges;
            ChunkScorer.Chunks(labels[s], chunks);
            foreach (var c in chunks)
            {
                var sum = 0f;
                for (var i = c.Start; i < c.End; i++)
                    sum += confidence[s][i];
                var p = Math.Round(sum / (c.End - c.Start), 3);
                var start = NameStart(tokens[firstTokens[s] + c.Start]);
                mentions.Add(new Mention(start, ranges[c.End - 1].End, c.Type, _by, p));
            }
        }
        return document with { Mentions = mentions.ToImmutable() };
    }

    /// <summary>
    /// Where a name begins in its first token: after the conjunction and preposition proclitics
    /// («وبغداد» → «بغداد», «لواشنطن» → «واشنطن»), but the article stays («والبصرة» → «البصرة»). The tagger labels
    /// whole tokens, as its training data does.
    /// </summary>
    private static int NameStart(Token token)
    {
        var start = token.Start;
        foreach (var clitic in token.Proclitics)
        {
            if (string.Equals(clitic.Form, "ال", StringComparison.Ordinal) || clitic.End >= token.End)
                break;
            start = clitic.End;
        }
        return start;
    }
}
