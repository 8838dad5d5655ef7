using Marsad.Model;

namespace Marsad.Pipeline;

/// <summary>
/// One step of analysis: takes a document, returns it with one more layer filled
/// (<c>doc with { Sentences = … }</c>). Stages are sealed, stateless after construction and
/// thread-safe, so one pipeline serves many threads.
/// </summary>
public interface IStage
{
    /// <summary>Short name, used in benchmarks and provenance (<c>sentences</c>, <c>tokens</c>…).</summary>
    string Name { get; }

    Document Process(Document document, CancellationToken cancellationToken);
}
