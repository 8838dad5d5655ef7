namespace Marsad.Model;

/// <summary>
/// Where a place entity is on the map, as the geocoder resolved it (<see cref="Geo.GeocodingStage"/>).
/// </summary>
/// <param name="Lat">WGS84 latitude of the point the gazetteer gives (a label point or centroid).</param>
/// <param name="Lon">WGS84 longitude.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code (<c>IQ</c>), as <see cref="Entity.Country"/>; null for places in no country.</param>
/// <param name="Admin1">Arabic name of the first-level division (province, governorate, state) the place lies in («الأنبار»); null when unknown or for a country.</param>
/// <param name="Kind"><c>country</c>, <c>admin1</c>, <c>district</c>, <c>city</c>, <c>town</c>, <c>village</c>, <c>neighbourhood</c>, <c>base</c>, <c>airport</c>, or the gazetteer's kind for others (<c>region</c>, <c>sea</c> …).</param>
/// <param name="Precision">What the point stands for: <c>exact</c> (the place itself), <c>city</c> (the city a place not in the gazetteer lies in), <c>admin1</c> (a province's centre), <c>country</c> (a country's centre).</param>
/// <param name="GazetteerId">Id of the gazetteer record the point comes from (<c>wof:…</c>, <c>gn:…</c>, <c>iq:…</c>, <c>mx:…</c>); for a <c>city</c> fallback, the city's.</param>
/// <param name="By">The rule that chose the record (<c>geo:name</c>, <c>geo:context-admin1</c>, <c>geo:feature</c>, <c>geo:fallback-city</c> …).</param>
public sealed record Place(double Lat, double Lon, string? Country, string? Admin1, string Kind, string Precision, string? GazetteerId, string By);
