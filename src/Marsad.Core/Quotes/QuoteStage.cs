using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Quotes;

/// <summary>Attributes quotes to speakers and channels (<see cref="QuoteExtractor"/>). Runs after entities and times.</summary>
public sealed class QuoteStage : IStage
{
    public string Name => "quotes";

    public Document Process(Document document, CancellationToken cancellationToken) =>
        document with { Quotes = [.. QuoteExtractor.Extract(document)] };
}
