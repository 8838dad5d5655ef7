using System.Collections.Immutable;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Pipeline;

/// <summary>Splits the body into sentences (<see cref="SentenceSplitter"/>).</summary>
public sealed class SentenceStage : IStage
{
    public string Name => "sentences";

    public Document Process(Document document, CancellationToken cancellationToken) =>
        document with { Sentences = [.. SentenceSplitter.Split(document.Article.Body)] };
}

/// <summary>
/// Tokenises each sentence and segments proclitics (<see cref="Tokenizer"/>, <see cref="CliticSegmenter"/>).
/// Runs after <see cref="SentenceStage"/>: tokens never cross a sentence boundary.
/// </summary>
public sealed class TokenStage : IStage
{
    public string Name => "tokens";

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        var body = document.Article.Body;
        var tokens = ImmutableArray.CreateBuilder<Token>(body.Length / 5);
        var sentences = document.Sentences.IsDefaultOrEmpty ? [new Sentence(0, body.Length, "whole-body")] : document.Sentences;
        foreach (var s in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tokens.AddRange(Tokenizer.Tokenize(body, s.Start, s.End));
        }
        return document with { Tokens = tokens.ToImmutable() };
    }
}
