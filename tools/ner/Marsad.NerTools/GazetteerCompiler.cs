using System.Globalization;
using System.Text;
using Marsad.Entities.Ner;
using Marsad.Text;

namespace Marsad.NerTools;

/// <summary>
/// Compiles the NER feature gazetteer from ../shared/data/gazetteer (only openly licensed files:
/// GeoNames CC BY 4.0, Who's On First CC0, ArWikiCats MIT, AKhateeb/arabic-names MIT,
/// google/transliteration Apache-2.0, Wikidata name tokens CC0, stop-word lists MIT, the curated
/// CC0 seeds) plus the trigger-word lists written here. Every name is normalised
/// (<see cref="ArabicNormalizer"/>), cut at a comma or bracket, and kept when it has 1–6 words of
/// Arabic letters; each phrase gets the OR of the classes of every source that lists it.
/// </summary>
internal static class GazetteerCompiler
{
    // Trigger words (written for Marsad): nouns that head organisation and place names, and cues
    // that a person's name follows. Normalised forms are matched on the clitic-stripped stem.
    private static readonly string[] OrgTriggers =
    [
        "تنظيم", "وكالة", "وكالات", "وزارة", "شركة", "شركات", "حزب", "جامعة", "منظمة", "جمعية", "هيئة", "مجلس", "اتحاد",
        "جبهة", "حركة", "جيش", "بنك", "مصرف", "صحيفة", "جريدة", "مجلة", "قناة", "اذاعة", "إذاعة", "مؤسسة", "لجنة", "نادي", "فريق",
        "محكمة", "برلمان", "كتائب", "كتيبة", "لواء", "فيلق", "ميليشيا", "ميليشيات", "مليشيا", "جماعة", "تحالف", "ائتلاف", "قوات", "شرطة",
        "مديرية", "دائرة", "مكتب", "مركز", "معهد", "أكاديمية", "مجموعة", "صندوق", "بورصة", "سوق", "منتدى", "رابطة", "نقابة", "بلدية",
        "الأمم", "المفوضية", "مفوضية", "السلطة", "الحكومة", "حكومة", "البنك", "الجامعة",
    ];

    private static readonly string[] LocTriggers =
    [
        "قاعدة", "حي", "مدينة", "محافظة", "قرية", "بلدة", "منطقة", "ولاية", "إقليم", "جزيرة", "جزر", "نهر", "بحر", "جبل", "جبال",
        "مطار", "ميناء", "شارع", "ساحة", "قضاء", "ناحية", "مخيم", "معبر", "سهل", "وادي", "صحراء", "خليج", "مضيق", "بحيرة", "عاصمة",
        "العاصمة", "دولة", "بلاد", "جمهورية", "مملكة", "إمارة", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
        "ضواحي", "أطراف", "مقاطعة", "قلعة", "سد", "جسر", "حقل", "مستشفى", "مسجد", "كنيسة", "فندق", "ملعب",
    ];

    private static readonly string[] PersonCues =
    [
        "قال", "وقال", "أكد", "أعلن", "أوضح", "أضاف", "صرح", "أشار", "ذكر", "تابع", "لفت", "اعتبر", "رأى", "طالب", "دعا",
        "السيد", "السيدة", "الشيخ", "الدكتور", "المهندس", "الأستاذ", "الحاج", "الرئيس", "الملك", "الأمير", "الوزير", "النائب",
        "الزعيم", "المرشح", "اللاعب", "المدرب", "الفنان", "الفنانة", "الكاتب", "المخرج", "الممثل", "المطرب", "الإمام", "البابا",
        "ابن", "بن", "بنت", "أبو", "أبي", "أم", "عبد", "آل",
        "نظيره", "نظيرته", "المتحدث", "الناطق", "مستشار", "المستشار", "السفير", "القائد", "العقيد", "اللواء", "العميد", "الجنرال",
    ];

    public static int Run(string dir, string output)
    {
        var entries = new SortedDictionary<string, GazetteerClass>(StringComparer.Ordinal);
        var sources = new List<string>();

        void Add(string? raw, GazetteerClass cls)
        {
            if (string.IsNullOrWhiteSpace(raw))
                return;
            foreach (var part in raw.Split('|'))
            {
                var p = Clean(part);
                if (p is null)
                    continue;
                entries[p] = entries.TryGetValue(p, out var f) ? f | cls : cls;
            }
        }

        void Tsv(string relative, Action<Func<string, string>> row)
        {
            var path = Path.Combine(dir, relative);
            var lines = File.ReadAllLines(path, Encoding.UTF8);
            var header = lines[0].Split('\t');
            var index = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
            foreach (var line in lines.Skip(1))
            {
                var cells = line.Split('\t');
                row(col => index.TryGetValue(col, out var i) && i < cells.Length ? cells[i] : throw new KeyNotFoundException($"{relative}: no column {col}"));
            }
            sources.Add($"{relative} ({lines.Length - 1} rows)");
        }

        void Lines(string relative, GazetteerClass cls)
        {
            var lines = File.ReadAllLines(Path.Combine(dir, relative), Encoding.UTF8);
            foreach (var l in lines)
                Add(l, cls);
            sources.Add($"{relative} ({lines.Length} lines)");
        }

        // Places.
        Tsv("countries_ar.tsv", r =>
        {
            foreach (var c in (ReadOnlySpan<string>)["name_ar_geonames", "name_ar_common", "name_ar_geonames_first_hamza_stripped", "name_ar_wof", "name_ar_wof_variants"])
                Add(r(c), GazetteerClass.Country);
            Add(r("capital_ar"), GazetteerClass.City);
        });
        Tsv("geonames_cities15000_ar.tsv", r => Add(r("ar_names").Replace(',', '|'), GazetteerClass.City));
        Tsv("geonames_mena_places.tsv", r => Add(r("ar_names").Replace(',', '|'), GazetteerClass.City));
        Tsv("geonames_admin1_ar.tsv", r =>
        {
            Add(r("name_ar_geonames_first_hamza_stripped"), GazetteerClass.Region);
            Add(r("name_ar_wof"), GazetteerClass.Region);
            Add(r("name_ar_wof_variants"), GazetteerClass.Region);
        });
        Tsv("iraq_admin_units_ar.tsv", r => Add(r("name_ar"), GazetteerClass.Region));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dir, "wof"), "wof_*.tsv").Order(StringComparer.Ordinal))
        {
            Tsv(Path.GetRelativePath(dir, file), r =>
            {
                var cls = r("placetype") switch
                {
                    "country" => GazetteerClass.Country,
                    "region" or "county" or "localadmin" => GazetteerClass.Region,
                    "locality" => long.TryParse(r("population"), CultureInfo.InvariantCulture, out var pop) && pop >= 5000 ? GazetteerClass.City : GazetteerClass.Place,
                    _ => GazetteerClass.Place,
                };
                Add(r("ar_preferred"), cls);
                Add(r("ar_variant"), cls == GazetteerClass.City ? GazetteerClass.Place : cls);
            });
        }
        Tsv("arwikicats_places_en_ar.tsv", r => Add(r("ar"), GazetteerClass.Place));

        // People.
        Lines("names/arabic_male_first_names.txt", GazetteerClass.FirstName);
        Lines("names/arabic_female_first_names.txt", GazetteerClass.FirstName);
        Lines("names/arabic_family_names.txt", GazetteerClass.FamilyName);
        Tsv("names/ar_en_transliteration_pairs_google.tsv", r => Add(r("ar"), GazetteerClass.NameToken));
        Tsv("names/wikidata_name_tokens_en_ar.tsv", r => Add(r("ar"), GazetteerClass.NameToken));
        Tsv("arwikicats_people_en_ar.tsv", r => Add(r("ar"), GazetteerClass.Person));

        // Organisations, other names, nationalities, titles.
        Tsv("curated/organisations_aliases_seed.tsv", r =>
        {
            Add(r("canonical_ar"), GazetteerClass.Organisation);
            Add(r("aliases_ar"), GazetteerClass.Organisation);
        });
        Tsv("arwikicats_misc_en_ar.tsv", r => Add(r("ar"), GazetteerClass.Misc));
        Tsv("nationalities_ar.tsv", r =>
        {
            foreach (var c in (ReadOnlySpan<string>)["ar_m_sg", "ar_f_sg", "ar_m_pl", "ar_f_pl", "ar_m_sg_definite", "ar_f_sg_definite"])
                Add(r(c), GazetteerClass.Nationality);
            Add(r("country_ar"), GazetteerClass.Country);
        });
        Tsv("curated/arabic_titles_honorifics_seed.tsv", r =>
        {
            Add(r("form"), GazetteerClass.Title);
            Add(r("definite_form"), GazetteerClass.Title);
        });
        Lines("stopwords/arabic_stopwords_mohataher.txt", GazetteerClass.StopWord);
        Lines("stopwords/arabic_stopwords_iso.txt", GazetteerClass.StopWord);

        // Trigger words (this file).
        foreach (var t in OrgTriggers)
            Add(t, GazetteerClass.OrgTrigger);
        foreach (var t in LocTriggers)
            Add(t, GazetteerClass.LocTrigger);
        foreach (var t in PersonCues)
            Add(t, GazetteerClass.PersonCue);
        sources.Add("trigger words: tools/ner/Marsad.NerTools/GazetteerCompiler.cs");

        var header = new List<string>
        {
            "marsad NER feature gazetteer v1 (tools/ner/Marsad.NerTools gazetteer); phrase<TAB>GazetteerClass flags (hex)",
            "Contains data from GeoNames (geonames.org, CC BY 4.0); Who's On First (whosonfirst.org, CC0, with CC BY sources: GeoNames, GeoPlanet, Quattroshapes); ArWikiCats (MIT); m7amad-t/iraq_geo_data (MIT); AKhateeb/arabic-names (MIT); mohataher/arabic-stop-words (MIT); stopwords-iso (MIT); google/transliteration (Apache-2.0); NETransliteration-COLING2018 Wikidata name pairs (CC0); curated seeds (CC0).",
        };
        header.AddRange(sources.Select(s => "source: " + s));
        using (var f = File.Create(output))
            NerGazetteer.Write(f, header, entries.Select(kv => (kv.Key, kv.Value)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {output}: {entries.Count:N0} phrases ({new FileInfo(output).Length / 1e6:F2} MB)"));
        foreach (var cls in Enum.GetValues<GazetteerClass>().Where(c => c != GazetteerClass.None))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {cls,-14} {entries.Count(kv => kv.Value.HasFlag(cls)),8:N0}"));
        return 0;
    }

    /// <summary>Normalised phrase of Arabic-letter words, or null.</summary>
    private static string? Clean(string raw)
    {
        var s = raw;
        var cut = s.IndexOfAny(['،', ',', '(', '[', '/']);
        if (cut >= 0)
            s = s[..cut];
        s = ArabicNormalizer.Normalize(s.Trim());
        var words = s.Split([' ', '-', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > NerGazetteer.MaxPhraseWords)
            return null;
        foreach (var w in words)
        {
            foreach (var c in w)
            {
                if (!ArabicChars.IsArabicLetter(c))
                    return null;
            }
        }
        var phrase = string.Join(' ', words);
        return phrase.Length < 2 ? null : phrase;
    }
}
