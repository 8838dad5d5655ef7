using System.Collections.Immutable;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Time;

/// <summary>Finds and resolves time expressions sentence by sentence (<see cref="TimeRecognizer"/>).</summary>
public sealed class TimeStage : IStage
{
    public string Name => "times";

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        var article = document.Article;
        DateOnly? anchor = article.Published is { } p ? p.Date : null;
        var times = ImmutableArray.CreateBuilder<TimeExpression>();
        foreach (var s in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            times.AddRange(TimeRecognizer.Recognize(article.Body, s.Start, s.End, anchor));
        }
        return document with { Times = times.ToImmutable() };
    }
}
