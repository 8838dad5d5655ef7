using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Events;

/// <summary>Codes events (<see cref="EventCoder"/>). Runs last: it reads sentences, tokens, entities, times and quotes.</summary>
public sealed class EventStage : IStage
{
    private readonly EventCoder _coder;

    public EventStage(EventCoder? coder = null) => _coder = coder ?? EventCoder.Default;

    public string Name => "events";

    public Document Process(Document document, CancellationToken cancellationToken) =>
        document with { Events = _coder.Code(document, cancellationToken) };
}
