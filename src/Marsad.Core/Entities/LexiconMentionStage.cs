using Marsad.Entities.Lexicons;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Entities;

/// <summary>
/// Adds the mentions the lexicons and trigger patterns find (<see cref="LexiconRecognizer"/>) to
/// <see cref="Document.Mentions"/>, beside whatever other recognisers put there (a statistical tagger adds
/// <c>ner:…</c> mentions); overlaps are resolved later by <see cref="Linking.EntityLinkingStage"/>.
/// Runs after the token stage. The lexicons load once, on first use.
/// </summary>
public sealed class LexiconMentionStage : IStage
{
    private readonly LexiconRecognizer _recognizer = new(EntityLexicon.Shared);

    public string Name => "lexicon-mentions";

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        var words = new DocumentWords(document.Article.Body, document.Tokens, EntityLexicon.Shared);
        var found = _recognizer.Recognize(words, cancellationToken);
        if (found.IsEmpty)
            return document;
        return document with { Mentions = document.Mentions.IsDefaultOrEmpty ? found : [.. document.Mentions, .. found] };
    }
}
