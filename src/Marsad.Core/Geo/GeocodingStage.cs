using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Geo;

/// <summary>
/// Puts the document's place entities on the map (<see cref="Entity.Place"/>) with <see cref="Geocoder"/>. Runs right
/// after entity linking: it reads the linked entities (their names, kinds and link ids) and the sentences, and later
/// stages (events) read the places it gives.
/// </summary>
public sealed class GeocodingStage : IStage
{
    private readonly Geocoder _geocoder = new(GeoGazetteer.Shared);

    public string Name => "geocoding";

    public Document Process(Document document, CancellationToken cancellationToken) =>
        document.Entities.IsDefaultOrEmpty
            ? document
            : document with { Entities = _geocoder.Geocode(document.Entities, document.Article.Body, document.Sentences, cancellationToken) };
}
