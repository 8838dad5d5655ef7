using System.Collections.Immutable;

namespace Marsad.Model;

/// <summary>
/// An analysed article. Each stage returns <c>doc with { Xxx = … }</c>; lists a stage has not
/// filled are empty, never null. Events join as their stage lands; the JSON contract
/// already carries them as empty lists.
/// </summary>
public sealed record Document(Article Article)
{
    public ImmutableArray<Sentence> Sentences { get; init; } = [];
    public ImmutableArray<Token> Tokens { get; init; } = [];

    /// <summary>Named-entity mentions as recognisers found them (input to entity linking).</summary>
    public ImmutableArray<Mention> Mentions { get; init; } = [];

    /// <summary>Canonical entities with their grouped mentions.</summary>
    public ImmutableArray<Entity> Entities { get; init; } = [];

    /// <summary>Time expressions with values resolved against the publication date.</summary>
    public ImmutableArray<Time.TimeExpression> Times { get; init; } = [];

    /// <summary>Quotes with their speakers and channels.</summary>
    public ImmutableArray<Quotes.Quote> Quotes { get; init; } = [];

    /// <summary>Events: who did what to whom, where and when, CAMEO-coded.</summary>
    public ImmutableArray<Events.Event> Events { get; init; } = [];

    /// <summary>The body text a range covers.</summary>
    public ReadOnlySpan<char> Slice(IAnnotation a) => Article.Body.AsSpan(a.Start, a.End - a.Start);
}
