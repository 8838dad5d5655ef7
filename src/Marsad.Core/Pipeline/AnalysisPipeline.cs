using System.Diagnostics;
using Marsad.Entities;
using Marsad.Entities.Linking;
using Marsad.Model;

namespace Marsad.Pipeline;

/// <summary>
/// A frozen, thread-safe sequence of stages; build it once with <see cref="PipelineBuilder"/> and reuse it.
/// </summary>
public sealed class AnalysisPipeline
{
    internal AnalysisPipeline(IReadOnlyList<IStage> stages) => Stages = stages;

    public IReadOnlyList<IStage> Stages { get; }

    /// <summary>The default pipeline: every stage Marsad has, in order.</summary>
    public static AnalysisPipeline Default { get; } = new PipelineBuilder().UseDefaults().Build();

    public Document Analyze(Article article, CancellationToken cancellationToken = default)
    {
        var doc = new Document(article);
        foreach (var stage in Stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            doc = stage.Process(doc, cancellationToken);
        }
        return doc;
    }

    /// <summary>Analyses and adds each stage's elapsed ticks to <paramref name="ticksPerStage"/> (index = stage order).</summary>
    public Document Analyze(Article article, long[] ticksPerStage, CancellationToken cancellationToken = default)
    {
        var doc = new Document(article);
        for (var i = 0; i < Stages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            doc = Stages[i].Process(doc, cancellationToken);
            ticksPerStage[i] += Stopwatch.GetTimestamp() - start;
        }
        return doc;
    }
}

/// <summary>Collects stages, then <see cref="Build"/> freezes them into an <see cref="AnalysisPipeline"/>.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = [];

    public PipelineBuilder Use(IStage stage)
    {
        _stages.Add(stage);
        return this;
    }

    public AnalysisPipeline Build() => new([.. _stages]);
}

/// <summary>The <c>Use…</c> registrations, one per stage.</summary>
public static class PipelineBuilderExtensions
{
    public static PipelineBuilder UseSentences(this PipelineBuilder builder) => builder.Use(new SentenceStage());

    public static PipelineBuilder UseTokens(this PipelineBuilder builder) => builder.Use(new TokenStage());

    /// <summary>Named-entity mentions from the shipped NER model (needs tokens).</summary>
    public static PipelineBuilder UseMentions(this PipelineBuilder builder) => builder.Use(new Entities.MentionStage());

    public static PipelineBuilder UseTimes(this PipelineBuilder builder) => builder.Use(new Time.TimeStage());

    public static PipelineBuilder UseQuotes(this PipelineBuilder builder) => builder.Use(new Quotes.QuoteStage());

    /// <summary>Lexicon and trigger-pattern entity mentions (<see cref="LexiconMentionStage"/>); needs tokens.</summary>
    public static PipelineBuilder UseLexiconMentions(this PipelineBuilder builder) => builder.Use(new LexiconMentionStage());

    /// <summary>Merges all mentions into canonical entities (<see cref="EntityLinkingStage"/>); runs after every mention stage.</summary>
    public static PipelineBuilder UseEntityLinking(this PipelineBuilder builder) => builder.Use(new EntityLinkingStage());

    /// <summary>Coordinates, country and province for place entities (<see cref="Geo.GeocodingStage"/>); runs right after entity linking.</summary>
    public static PipelineBuilder UseGeocoding(this PipelineBuilder builder) => builder.Use(new Geo.GeocodingStage());

    public static PipelineBuilder UseEvents(this PipelineBuilder builder) => builder.Use(new Events.EventStage());

    /// <summary>
    /// Every stage, in the order they depend on each other: sentences, tokens, entity mentions (model, then lexicon),
    /// entity linking, times, then quotes (quotes skip time parentheticals and link speakers to entities, so entity
    /// stages go before them), then events (they read all of these).
    /// </summary>
    public static PipelineBuilder UseDefaults(this PipelineBuilder builder) =>
        builder.UseSentences().UseTokens().UseMentions().UseLexiconMentions().UseEntityLinking().UseGeocoding().UseTimes().UseQuotes().UseEvents();
}
