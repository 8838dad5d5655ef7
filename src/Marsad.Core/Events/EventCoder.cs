using System.Collections.Immutable;
using Marsad.Events.Lexicon;
using Marsad.Model;

namespace Marsad.Events;

/// <summary>
/// Codes who did what to whom, where and when in an analysed document (sentences, tokens, times, quotes and,
/// when present, entities): CAMEO event codes with Goldstein scores and quad classes, GDELT/Phoenix actor
/// codes, modality, date, place and source. Built once from the embedded dictionaries; thread-safe.
/// </summary>
public sealed class EventCoder
{
    public EventCoder(TriggerLexicon triggers, ActorLexicon actors)
    {
        Triggers = triggers;
        Actors = actors;
        Known = new KnownWords(triggers.AllWords().Concat(actors.AllWords()).Concat(Words.Function).Concat(Words.ClauseOpeners)
            .Concat(Words.Support).Concat(Words.Occurrence).Concat(Words.Negation).Concat(Words.Future).Concat(Words.Appeal)
            .Concat(Words.Background).Concat(Words.Casualty).Concat(Words.ProtestCue).Concat(Words.CrowdHeads).Concat(Words.Locative)
            .Concat(Words.AgentMarkers).Concat(Words.Territory).Concat(Words.DenialVerbs).Concat(Words.Alleged).Concat(Words.Hypothetical)
            .Select(TriggerLexicon.BareWord));
    }

    /// <summary>The coder with the embedded dictionaries.</summary>
    public static EventCoder Default { get; } = new(TriggerLexicon.Default, ActorLexicon.Default);

    public TriggerLexicon Triggers { get; }
    public ActorLexicon Actors { get; }
    internal KnownWords Known { get; }

    public ImmutableArray<Event> Code(Document document, CancellationToken cancellationToken = default) =>
        new DocumentCoder(this, document).Code(cancellationToken);
}
