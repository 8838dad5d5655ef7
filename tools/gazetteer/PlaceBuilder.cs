using System.Globalization;
using System.Text;

namespace Marsad.Gazetteer;

/// <summary>One place of the compiled lexicon.</summary>
internal sealed class PlaceRecord(string id, string kind, string country)
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public string Id { get; } = id;
    public string Kind { get; set; } = kind;
    public string Country { get; } = country;
    /// <summary>A = matched anywhere; B = matched only after a place trigger (قرية، حي، بلدة …).</summary>
    public char Tier { get; set; } = 'B';
    public long Population { get; set; }
    public string Lat { get; set; } = "";
    public string Lon { get; set; } = "";
    /// <summary>Name of the first-level division (province, governorate, state) the place lies in; empty for countries and when unknown.</summary>
    public string Admin1 { get; private set; } = "";
    public List<string> Names { get; } = [];

    /// <summary>Sets the province name from the first source that gives one (WOF hierarchy, then GeoNames admin-1 codes, then the Iraqi units).</summary>
    public void SetAdmin1(string? name)
    {
        if (Admin1.Length == 0 && name is not null && NameText.CleanArabic(name) is { } clean)
            Admin1 = WithoutMarks(clean);
    }

    public static string WithoutMarks(string s) => string.Concat(s.Where(c => c is < '\u064B' or > '\u0652'));

    public void AddName(string? raw)
    {
        if (raw is null || NameText.CleanArabic(raw) is not { } name)
            return;
        var key = NameText.Key(name);
        if (NameText.TokenCount(key) == 1 && NameText.LetterCount(key) < 3)
            return;
        if (_keys.Add(key))
            Names.Add(name);
    }

    public bool HasKey(string key) => _keys.Contains(key);

    public void RemoveName(string key)
    {
        if (!_keys.Remove(key))
            return;
        Names.RemoveAll(n => NameText.Key(n) == key);
    }

    public void SetPoint(string lat, string lon)
    {
        if (Lat.Length == 0 && lat.Length > 0 && lon.Length > 0)
        {
            Lat = lat;
            Lon = lon;
        }
    }
}

/// <summary>
/// Builds the place lexicon from GeoNames countries, admin-1 divisions and cities, Who's On First and the
/// Iraqi administrative units, merged on their shared ids (WOF rows carry GeoNames ids; the Iraqi units carry WOF ids).
/// </summary>
internal sealed class PlaceBuilder(string gazetteer, string curated)
{
    private const long CityThreshold = 20_000;
    private readonly Dictionary<string, PlaceRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlaceRecord> _byCountry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlaceRecord> _byGeonames = new(StringComparer.Ordinal);
    /// <summary>GeoNames admin-1 key (<c>IQ.01</c>) → Arabic name of the division.</summary>
    private readonly Dictionary<string, string> _admin1Names = new(StringComparer.Ordinal);

    public int Count => _byId.Count;

    public IEnumerable<PlaceRecord> Records => _byId.Values.Where(r => r.Names.Count > 0).OrderBy(r => r.Id, StringComparer.Ordinal);

    public void Build()
    {
        ReadCountries();
        ReadAdmin1Names();
        ReadWof();
        ReadGeonamesCities("geonames_cities15000_ar.tsv");
        ReadGeonamesCities("geonames_mena_places.tsv");
        ReadAdmin1();
        ReadIraqUnits();
        ReadCurated();
        ReadNewPlaces();
        PlaceCountries();
        DropCapitalVariantsOfRegions();
    }

    public string Write()
    {
        var sb = new StringBuilder();
        sb.Append("# places: id\tkind\tcountry\ttier\tpopulation\tlat\tlon\tnames (first = display)\tadmin1 (province name). Sources: GeoNames (CC BY 4.0), Who's On First (CC0 + CC BY sources), m7amad-t/iraq_geo_data (MIT), Marsad curated (CC0).\n");
        foreach (var r in Records)
        {
            sb.Append(r.Id).Append('\t').Append(r.Kind).Append('\t').Append(r.Country).Append('\t').Append(r.Tier).Append('\t')
              .Append(r.Population.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(r.Lat).Append('\t').Append(r.Lon).Append('\t')
              .AppendJoin('|', r.Names).Append('\t')
              .Append(r.Kind == "province" ? PlaceRecord.WithoutMarks(r.Names[0]) : r.Admin1).Append('\n');
        }
        return sb.ToString();
    }

    private PlaceRecord Add(string id, string kind, string country)
    {
        if (!_byId.TryGetValue(id, out var r))
        {
            r = new PlaceRecord(id, kind, country);
            _byId[id] = r;
        }
        return r;
    }

    private void ReadCountries()
    {
        var t = Tsv.Read(Path.Combine(gazetteer, "countries_ar.tsv"));
        foreach (var row in t.Rows)
        {
            var iso = t.Get(row, "iso2");
            var r = Add("gn:" + t.Get(row, "geonameid"), "country", iso);
            r.Tier = 'A';
            r.Population = ParseLong(t.Get(row, "population"));
            r.AddName(t.Get(row, "name_ar_common"));
            r.AddName(t.Get(row, "name_ar_wof"));
            foreach (var v in t.GetList(row, "name_ar_wof_variants"))
                r.AddName(v);
            r.AddName(t.Get(row, "name_ar_geonames"));
            _byCountry[iso] = r;
            _byGeonames[t.Get(row, "geonameid")] = r;
        }
    }

    private void ReadAdmin1Names()
    {
        var t = Tsv.Read(Path.Combine(gazetteer, "geonames_admin1_ar.tsv"));
        foreach (var row in t.Rows)
        {
            var name = t.Get(row, "name_ar_wof");
            if (name.Length == 0)
                name = t.Get(row, "name_ar_geonames_first_hamza_stripped");
            if (name.Length > 0)
                _admin1Names.TryAdd(t.Get(row, "admin1_code"), name);
        }
    }

    private void ReadWof()
    {
        var tables = Directory.GetFiles(Path.Combine(gazetteer, "wof"), "wof_*.tsv").Order(StringComparer.Ordinal).Select(Tsv.Read).ToList();
        // The WOF hierarchy names each place's region: its Arabic name is the place's admin1.
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in tables)
        {
            foreach (var row in t.Rows)
            {
                if (t.Get(row, "placetype") == "region" && t.Get(row, "ar_preferred") is { Length: > 0 } name)
                    regions.TryAdd(t.Get(row, "wof_id"), name);
                parents.TryAdd(t.Get(row, "wof_id"), t.Get(row, "parent_id"));
            }
        }
        // A place without region_id: the first ancestor that is a region (a subdistrict's county's region).
        string? RegionOf(string[] row, Tsv t)
        {
            if (regions.TryGetValue(t.Get(row, "region_id"), out var name))
                return name;
            var id = t.Get(row, "parent_id");
            for (var depth = 0; depth < 6 && id.Length > 0; depth++)
            {
                if (regions.TryGetValue(id, out name))
                    return name;
                id = parents.GetValueOrDefault(id, "");
            }
            return null;
        }
        foreach (var t in tables)
        {
            foreach (var row in t.Rows)
            {
                var placetype = t.Get(row, "placetype");
                var country = t.Get(row, "country");
                var population = ParseLong(t.Get(row, "population"));
                PlaceRecord r;
                if (placetype == "country")
                {
                    if (!_byCountry.TryGetValue(country, out r!))
                        continue;
                }
                else
                {
                    var name = t.Get(row, "ar_preferred");
                    var kind = WofKind(placetype, population, name);
                    if (kind is null)
                        continue;
                    r = Add("wof:" + t.Get(row, "wof_id"), kind, country);
                    r.Population = population;
                    r.Tier = placetype switch
                    {
                        "region" or "county" or "campus" => 'A',
                        "localadmin" or "locality" when population >= CityThreshold => 'A',
                        _ => 'B',
                    };
                    var gn = t.Get(row, "geonames_id");
                    if (gn.Length > 0 && gn != "0")
                        _byGeonames.TryAdd(gn, r);
                }
                r.SetPoint(t.Get(row, "latitude"), t.Get(row, "longitude"));
                if (placetype != "country")
                    r.SetAdmin1(RegionOf(row, t));
                r.AddName(t.Get(row, "ar_preferred"));
                foreach (var v in t.GetList(row, "ar_variant"))
                    r.AddName(v);
                if (placetype == "campus")
                    AddCampusForms(r);
            }
        }
    }

    private static string? WofKind(string placetype, long population, string name) => placetype switch
    {
        "region" => "province",
        "county" => "district",
        "localadmin" => "subdistrict",
        "locality" => population >= 50_000 ? "city" : population >= 5_000 ? "town" : "village",
        "neighbourhood" or "microhood" => "neighbourhood",
        "campus" => name.Contains("قاعدة", StringComparison.Ordinal) || name.Contains("الجوية", StringComparison.Ordinal) ? "air base" : "airport",
        _ => null,
    };

    // «قاعدة عين الأسد الجوية» is also written «قاعدة عين الأسد»; «مطار الموصل الدولي» «مطار الموصل».
    private static void AddCampusForms(PlaceRecord r)
    {
        string[] descriptors = ["الجوية", "العسكرية", "الدولي", "الدولية", "المحلي", "الإقليمي", "العسكري"];
        foreach (var name in r.Names.ToList())
        {
            var words = name.Split(' ');
            if (words.Length >= 3 && descriptors.Contains(words[^1]))
                r.AddName(string.Join(' ', words[..^1]));
        }
    }

    private void ReadGeonamesCities(string file)
    {
        var t = Tsv.Read(Path.Combine(gazetteer, file));
        foreach (var row in t.Rows)
        {
            var names = t.GetList(row, "ar_names").ToList();
            if (names.Count == 0)
                continue;
            var id = t.Get(row, "geonameid");
            var population = ParseLong(t.Get(row, "population"));
            if (!_byGeonames.TryGetValue(id, out var r))
            {
                r = Add("gn:" + id, t.Get(row, "feature_code") == "PPLC" ? "capital" : population >= 50_000 ? "city" : "town", t.Get(row, "country_code"));
                r.Population = population;
                r.SetPoint(t.Get(row, "latitude"), t.Get(row, "longitude"));
                _byGeonames[id] = r;
            }
            r.SetAdmin1(_admin1Names.GetValueOrDefault(t.Get(row, "country_code") + "." + t.Get(row, "admin1_code")));
            if (r.Kind is "village" or "town" && population >= 50_000)
                r.Kind = "city";
            if (population >= 15_000 || r.Population >= CityThreshold)
                r.Tier = 'A';
            r.Population = Math.Max(r.Population, population);
            foreach (var n in names)
                r.AddName(n);
        }
    }

    private void ReadAdmin1()
    {
        var t = Tsv.Read(Path.Combine(gazetteer, "geonames_admin1_ar.tsv"));
        foreach (var row in t.Rows)
        {
            var wof = t.Get(row, "wof_id");
            var gn = t.Get(row, "geonameid");
            PlaceRecord r;
            if (wof.Length > 0 && _byId.TryGetValue("wof:" + wof, out var w))
                r = w;
            else if (_byGeonames.TryGetValue(gn, out var g) && g.Kind == "province")
                r = g;
            else
            {
                if (t.Get(row, "name_ar_wof").Length == 0 && t.Get(row, "name_ar_geonames_first_hamza_stripped").Length == 0)
                    continue;
                r = Add("gn:" + gn, "province", t.Get(row, "country_code"));
                r.SetPoint(t.Get(row, "latitude"), t.Get(row, "longitude"));
            }
            r.Tier = 'A';
            r.AddName(t.Get(row, "name_ar_wof"));
            foreach (var v in t.GetList(row, "name_ar_wof_variants"))
                r.AddName(v);
            r.AddName(t.Get(row, "name_ar_geonames_first_hamza_stripped"));
        }
    }

    private void ReadIraqUnits()
    {
        var t = Tsv.Read(Path.Combine(gazetteer, "iraq_admin_units_ar.tsv"));
        var seen = new Dictionary<string, PlaceRecord>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var level = t.Get(row, "level");
            var name = t.Get(row, "name_ar");
            var wof = t.Get(row, "wof_id");
            PlaceRecord r;
            if (wof.Length > 0 && _byId.TryGetValue("wof:" + wof, out var w))
                r = w;
            else
            {
                // Both upstream sources list every unit; merge them on level, province and name (without «محافظة»/«قضاء»).
                var bare = StripAdminWord(name);
                var key = level + "|" + NameText.Key(StripAdminWord(t.Get(row, "province_ar"))) + "|" + NameText.Key(bare);
                if (!seen.TryGetValue(key, out r!))
                {
                    var slug = NameText.Slug(t.Get(row, "name_en"));
                    var id = "iq:" + level + ":" + slug;
                    for (var i = 2; _byId.ContainsKey(id); i++)
                        id = "iq:" + level + ":" + slug + "-" + i.ToString(CultureInfo.InvariantCulture);
                    r = Add(id, level == "province" ? "province" : level, "IQ");
                    r.SetPoint(t.Get(row, "latitude"), t.Get(row, "longitude"));
                    seen[key] = r;
                }
            }
            r.Tier = 'A';
            if (level != "province")
                r.SetAdmin1(StripAdminWord(t.Get(row, "province_ar")));
            r.AddName(StripAdminWord(name));
            r.AddName(name);
        }
    }

    private static string StripAdminWord(string name)
    {
        foreach (var w in (ReadOnlySpan<string>)["محافظة ", "قضاء ", "ناحية "])
        {
            if (name.StartsWith(w, StringComparison.Ordinal))
                return name[w.Length..];
        }
        return name;
    }

    private void ReadCurated()
    {
        var points = Tsv.Read(Path.Combine(curated, "places_points.tsv"));
        var pointOf = points.Rows.ToDictionary(row => points.Get(row, "slug"),
            row => (Lat: points.Get(row, "lat"), Lon: points.Get(row, "lon"), Country: points.Get(row, "country")), StringComparer.Ordinal);
        var t = Tsv.Read(Path.Combine(curated, "places_extra.tsv"));
        foreach (var row in t.Rows)
        {
            var target = t.Get(row, "target");
            PlaceRecord r;
            if (target.StartsWith("new:", StringComparison.Ordinal))
            {
                var found = pointOf.TryGetValue(target[4..], out var point);
                r = Add("mx:" + target[4..], t.Get(row, "kind"), found ? point.Country : "");
                r.Tier = 'A';
                if (found)
                    r.SetPoint(point.Lat, point.Lon);
            }
            else if (!_byCountry.TryGetValue(target, out r!))
            {
                throw new InvalidDataException($"places_extra.tsv: unknown country {target}");
            }
            foreach (var n in t.GetList(row, "names"))
                r.AddName(n);
        }
    }

    /// <summary>
    /// Bases and airports news names often that the sources lack (or lack in Arabic), from
    /// <c>curated/places_new.tsv</c>: the team's own list with approximate points (public knowledge, CC0).
    /// </summary>
    private void ReadNewPlaces()
    {
        var t = Tsv.Read(Path.Combine(curated, "places_new.tsv"));
        foreach (var row in t.Rows)
        {
            var r = Add("mx:" + t.Get(row, "slug"), t.Get(row, "kind"), t.Get(row, "country"));
            r.Tier = 'A';
            r.SetPoint(t.Get(row, "lat"), t.Get(row, "lon"));
            r.SetAdmin1(t.Get(row, "admin1"));
            foreach (var n in t.GetList(row, "names"))
                r.AddName(n);
        }
    }

    /// <summary>
    /// Countries outside WOF's 26 have no point in the sources: take the median of their admin-1 points
    /// (robust to overseas divisions), else the capital's point.
    /// </summary>
    private void PlaceCountries()
    {
        var t = Tsv.Read(Path.Combine(gazetteer, "geonames_admin1_ar.tsv"));
        var points = new Dictionary<string, List<(double Lat, double Lon)>>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            if (double.TryParse(t.Get(row, "latitude"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                && double.TryParse(t.Get(row, "longitude"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                if (!points.TryGetValue(t.Get(row, "country_code"), out var list))
                    points[t.Get(row, "country_code")] = list = [];
                list.Add((lat, lon));
            }
        }
        var countries = Tsv.Read(Path.Combine(gazetteer, "countries_ar.tsv"));
        foreach (var row in countries.Rows)
        {
            var iso = countries.Get(row, "iso2");
            if (!_byCountry.TryGetValue(iso, out var r) || r.Lat.Length > 0)
                continue;
            if (points.TryGetValue(iso, out var list) && list.Count > 0)
                r.SetPoint(Median(list.Select(p => p.Lat)), Median(list.Select(p => p.Lon)));
            else
                r.SetPoint(countries.Get(row, "capital_lat"), countries.Get(row, "capital_lon"));
        }

        static string Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            var m = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
            return Math.Round(m, 5).ToString(CultureInfo.InvariantCulture);
        }
    }

    // WOF lists a region's capital among the region's variants (الأنبار has الرمادي); keep the city for the city.
    private void DropCapitalVariantsOfRegions()
    {
        var localityNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in _byId.Values)
        {
            if (r.Kind is "city" or "town" or "capital" && r.Names.Count > 0)
                localityNames.Add(r.Country + "|" + NameText.Key(r.Names[0]));
        }
        foreach (var r in _byId.Values)
        {
            if (r.Kind != "province" || r.Names.Count < 2)
                continue;
            foreach (var v in r.Names.Skip(1).ToList())
            {
                var key = NameText.Key(v);
                if (key != NameText.Key(r.Names[0]) && localityNames.Contains(r.Country + "|" + key))
                    r.RemoveName(key);
            }
        }
    }

    private static long ParseLong(string s) => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
