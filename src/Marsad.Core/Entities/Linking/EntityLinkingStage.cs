using Marsad.Entities.Lexicons;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Entities.Linking;

/// <summary>
/// Merges the mentions of every recogniser in <see cref="Document.Mentions"/> and groups them into
/// <see cref="Document.Entities"/> (<see cref="EntityLinker"/>). Runs last among the entity stages, after the
/// lexicon stage and any tagger.
/// </summary>
public sealed class EntityLinkingStage : IStage
{
    private readonly EntityLinker _linker = new(EntityLexicon.Shared);

    public string Name => "entity-linking";

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        if (document.Mentions.IsDefaultOrEmpty)
            return document;
        var words = new DocumentWords(document.Article.Body, document.Tokens, EntityLexicon.Shared);
        return document with { Entities = _linker.Link(words, document.Mentions, cancellationToken) };
    }
}
