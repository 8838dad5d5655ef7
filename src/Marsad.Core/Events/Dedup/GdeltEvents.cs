using System.Globalization;
using Marsad.Events.Lexicon;

namespace Marsad.Events.Dedup;

/// <summary>
/// Rows of the GDELT 2.0 event table (61 columns, in GDELT's order; see README.md in the Events folder for what
/// Marsad writes in each and where it departs from GDELT).
/// </summary>
public static class GdeltEvents
{
    /// <summary>The 61 column names of the GDELT 2.0 event table, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = Build();

    /// <summary>The fields of one merged event, in <see cref="Columns"/> order.</summary>
    /// <param name="m">The merged event; its representative report gives the codes, the place and the source URL.</param>
    /// <param name="dateAdded">GDELT's DATEADDED (when the row was produced), written as <c>yyyyMMddHHmmss</c> UTC.</param>
    public static string[] Row(MergedEvent m, DateTime dateAdded)
    {
        var e = m.Event;
        var article = m.Representative.Article;
        var row = new List<string>(61);
        var day = EventDeduplicator.Day(e.Date) ?? Month(e.Date) ?? article.Published;
        row.Add(m.GlobalId.ToString(CultureInfo.InvariantCulture));
        if (day is { } d)
        {
            row.Add(d.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            row.Add(d.ToString("yyyyMM", CultureInfo.InvariantCulture));
            row.Add(d.Year.ToString(CultureInfo.InvariantCulture));
            var days = DateTime.IsLeapYear(d.Year) ? 366.0 : 365.0;
            row.Add((d.Year + (d.DayOfYear - 1) / days).ToString("0.0000", CultureInfo.InvariantCulture));
        }
        else
        {
            row.AddRange(["", "", "", ""]);
        }
        Actor(row, e.Actor1);
        Actor(row, e.Actor2);
        row.Add(m.Occurrences.Any(o => o.Event.Sentence == 0) ? "1" : "0");
        row.Add(e.Cameo);
        row.Add(e.Cameo.Length >= 3 ? e.Cameo[..3] : e.Cameo);
        row.Add(e.Root);
        row.Add(e.QuadClass.ToString(CultureInfo.InvariantCulture));
        row.Add(e.Goldstein.ToString("0.0", CultureInfo.InvariantCulture));
        row.Add(m.NumMentions.ToString(CultureInfo.InvariantCulture));
        row.Add(m.NumSources.ToString(CultureInfo.InvariantCulture));
        row.Add(m.NumArticles.ToString(CultureInfo.InvariantCulture));
        row.Add(""); // AvgTone: Marsad does not score tone
        Geo(row, null); // Actor1Geo: actors are not geolocated
        Geo(row, null); // Actor2Geo
        Geo(row, e.Place);
        row.Add(dateAdded.ToUniversalTime().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        row.Add(article.Url ?? article.Source);
        return [.. row];
    }

    private static DateOnly? Month(string? iso) =>
        iso is { Length: 7 } && DateOnly.TryParseExact(iso + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static void Actor(List<string> row, EventActor? a)
    {
        if (a is null)
        {
            row.AddRange(["", "", "", "", "", "", "", "", "", ""]);
            return;
        }
        row.Add(a.Code);
        row.Add(a.Name ?? a.Text);
        row.Add(a.Country ?? "");
        var group = a.Sector is "IGO" or "IMG" or "NGO" || a.Code.StartsWith("IMG", StringComparison.Ordinal) || a.Code.StartsWith("IGO", StringComparison.Ordinal)
            ? a.Code : "";
        row.Add(group); // KnownGroupCode
        row.Add(""); // EthnicCode
        row.Add(""); // Religion1Code
        row.Add(""); // Religion2Code
        row.Add(a.Sector ?? ""); // Type1Code
        row.Add(""); // Type2Code
        row.Add(""); // Type3Code
    }

    private static void Geo(List<string> row, EventPlace? p)
    {
        if (p is null)
        {
            row.AddRange(["", "", "", "", "", "", "", ""]);
            return;
        }
        var name = p.Name ?? p.Text;
        var isCountry = p.Country is not null && Countries.Name(p.Country) is { } countryName && countryName == name;
        row.Add(isCountry ? "1" : "4"); // 1 country, 4 world city or other place
        row.Add(name);
        row.Add(p.Country ?? "");
        row.Add(""); // ADM1Code
        row.Add(""); // ADM2Code
        row.Add(p.Lat?.ToString("0.####", CultureInfo.InvariantCulture) ?? "");
        row.Add(p.Lon?.ToString("0.####", CultureInfo.InvariantCulture) ?? "");
        row.Add(""); // FeatureID
    }

    private static List<string> Build()
    {
        var c = new List<string> { "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate" };
        foreach (var a in new[] { "Actor1", "Actor2" })
        {
            foreach (var f in new[] { "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code" })
                c.Add(a + f);
        }
        c.AddRange(["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]);
        foreach (var g in new[] { "Actor1Geo", "Actor2Geo", "ActionGeo" })
        {
            foreach (var f in new[] { "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID" })
                c.Add(g + "_" + f);
        }
        c.AddRange(["DATEADDED", "SOURCEURL"]);
        return c;
    }
}
