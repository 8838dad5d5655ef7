#!/usr/bin/env python3
"""Compile the actor dictionary of the event stage (src/Marsad.Core/Events/Data/actors.tsv).

Sources (all shipped data is attributable; nothing from SaudiNewsNet):
  * countries: ../shared/data/gazetteer/countries_ar.tsv (GeoNames CC BY 4.0, ArWikiCats MIT, WOF CC0) → ISO3;
  * nationalities: ../shared/data/gazetteer/nationalities_ar.tsv (ArWikiCats, MIT) → ISO3 of the country;
  * organisations: ../shared/data/gazetteer/curated/organisations_aliases_seed.tsv (aliases) with the codes
    of curated/organisations.tsv (hand-written);
  * agents (sector words): curated/agents.tsv (hand-written);
  * capitals used as actors (metonymy, «واشنطن», «طهران»): the hand-picked list below.

Output rows (key = normalised words without the article, space-separated):
    key <TAB> kind <TAB> code <TAB> country <TAB> sector <TAB> head <TAB> flags <TAB> canonical
kind: country | capital | nationality | org | agent. Also writes countries.tsv (ISO2, ISO3, Arabic name,
capital coordinates). Usage: python3 tools/events/compile_actors.py
"""
import argparse
import csv
import os
import sys

from arabic_norm import bare, normalize

# Country names that are also common words or ambiguous in running text: need a longer form.
COUNTRY_SKIP = {"مالي", "عمان", "بنين", "توغو", "تشاد", "الشام", "جورجيا", "الكونغو", "غينيا", "ساموا", "نيوي", "كوبا", "الرأس الأخضر",
                "جيرزي", "غيرنزي", "آيل أوف مان", "الأراضي الفلسطينية", "الجبل الأسود", "هيرد وجزر مكدونالد"}
# Extra spellings news uses (hand-written).
COUNTRY_EXTRA = {
    "USA": ["أمريكا", "أميركا", "الولايات المتحدة الأميركية", "الولايات المتحدة الأمريكية", "الولايات المتحدة"],
    "GBR": ["بريطانيا", "المملكة المتحدة"],
    "SYR": ["سوريا", "سورية"],
    "OMN": ["سلطنة عمان"],
    "ARE": ["الإمارات"],
    "PSE": ["فلسطين"],
    "RUS": ["روسيا", "روسيا الاتحادية"],
    "KOR": ["كوريا الجنوبية"],
    "PRK": ["كوريا الشمالية"],
    "DEU": ["ألمانيا"],
    "NLD": ["هولندا"],
    "CHN": ["الصين"],
    "IRN": ["إيران"],
    "TUR": ["تركيا"],
    "MLI": ["جمهورية مالي", "دولة مالي"],
}
CAPITALS = {
    "واشنطن": "USA", "موسكو": "RUS", "طهران": "IRN", "بغداد": "IRQ", "دمشق": "SYR", "بيروت": "LBN", "الرياض": "SAU",
    "القاهرة": "EGY", "أنقرة": "TUR", "لندن": "GBR", "باريس": "FRA", "برلين": "DEU", "بكين": "CHN", "أبوظبي": "ARE",
    "أبو ظبي": "ARE", "الدوحة": "QAT", "المنامة": "BHR", "مسقط": "OMN", "صنعاء": "YEM", "الخرطوم": "SDN", "الرباط": "MAR",
    "تل أبيب": "ISR", "كابول": "AFG", "إسلام آباد": "PAK", "نيودلهي": "IND", "طوكيو": "JPN", "روما": "ITA", "مدريد": "ESP",
    "نواكشوط": "MRT", "مقديشو": "SOM", "جيبوتي": "DJI", "كييف": "UKR", "بيونغ يانغ": "PRK", "سيول": "KOR",
}
# Nationality adjectives with a second spelling in news (أمريكي / أميركي).
SPELLING = [("أمريكي", "أميركي")]


def plural_variants(word):
    out = {word}
    if word.endswith("ون"):
        out.add(word[:-2] + "ين")
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.normpath(os.path.join(here, "..", ".."))
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(repo, "..", "shared"))
    ap.add_argument("--out", default=os.path.join(repo, "src", "Marsad.Core", "Events", "Data", "actors.tsv"))
    a = ap.parse_args()
    gaz = os.path.join(a.shared, "data", "gazetteer")
    rows = {}  # key -> row; first writer wins within a kind priority

    def add(form, kind, code, country, sector, head, flags, canonical):
        key = bare(form)
        if not key or len(key.replace(" ", "")) < 2:
            return
        prio = {"org": 0, "agent": 1, "country": 2, "capital": 3, "nationality": 4}[kind]
        old = rows.get(key)
        if old is not None and old[0] <= prio:
            return
        rows[key] = (prio, [key, kind, code, country, sector, str(head), flags, canonical])

    iso2to3 = {}
    country_rows = []
    with open(os.path.join(gaz, "countries_ar.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            iso2to3[r["iso2"]] = r["iso3"]
            country_rows.append((r["iso2"], r["iso3"], r["name_ar_common"] or r["name_ar_geonames"], r["capital_lat"], r["capital_lon"]))
            names = {r["name_ar_common"], r["name_ar_geonames"], r["name_ar_wof"], *r["name_ar_wof_variants"].split("|")}
            canonical = r["name_ar_common"] or r["name_ar_geonames"]
            for n in names:
                n = n.strip()
                if not n or n in COUNTRY_SKIP or any(ch.isascii() and ch.isalpha() for ch in n) or "‘" in n:
                    continue
                add(n, "country", r["iso3"], r["iso3"], "", 0, "", canonical)
    for iso3, names in COUNTRY_EXTRA.items():
        for n in names:
            add(n, "country", iso3, iso3, "", 0, "", names[0])
    for n, iso3 in CAPITALS.items():
        add(n, "capital", iso3, iso3, "", 0, "", n)

    with open(os.path.join(gaz, "nationalities_ar.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            iso3 = iso2to3.get(r["iso2"])
            if not iso3:
                continue
            for col in ("ar_m_sg", "ar_f_sg", "ar_m_pl", "ar_f_pl"):
                for w in plural_variants(r[col].strip()):
                    if not w or " " in w:
                        continue
                    forms = {w}
                    for x, y in SPELLING:
                        if x in w:
                            forms.add(w.replace(x, y))
                    for form in forms:
                        add(form, "nationality", iso3, iso3, "", 0, "", r["ar_m_sg"])

    seed = {}
    with open(os.path.join(gaz, "curated", "organisations_aliases_seed.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            seed[r["canonical_ar"]] = r
    with open(os.path.join(here, "curated", "organisations.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            canonical, code, extra, flags = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
            flag_list = [x for x in flags.split("|") if x]
            drops = {normalize(x[5:]) for x in flag_list if x.startswith("drop:")}
            keep_flags = ",".join(x for x in flag_list if not x.startswith("drop:"))
            aliases = [canonical] + [x for x in extra.split("|") if x]
            if canonical in seed:
                aliases += [x for x in seed[canonical]["aliases_ar"].split("|") if x]
            country = code[:3] if code[:3] not in ("IGO", "IMG", "NGO") else ""
            sector = code[3:6] if country else code[:3]
            for alias in aliases:
                if normalize(alias) in drops:
                    continue
                add(alias, "org", code, country, sector, 0, keep_flags, canonical)

    with open(os.path.join(here, "curated", "agents.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            forms, sector, head, _note = line.rstrip("\n").split("\t")
            for form in forms.split("|"):
                for w in plural_variants(form):
                    add(w, "agent", sector, "", sector, int(head), "", forms.split("|")[0])

    with open(a.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# Generated by tools/events/compile_actors.py (sources and licences in its header and in Events/README.md). Do not edit.\n")
        out.write("# key\tkind\tcode\tcountry\tsector\thead\tflags\tcanonical\n")
        for key in sorted(rows):
            out.write("\t".join(rows[key][1]) + "\n")
    with open(os.path.join(os.path.dirname(a.out), "countries.tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# Generated by tools/events/compile_actors.py from ../shared/data/gazetteer/countries_ar.tsv (GeoNames, CC BY 4.0). Do not edit.\n")
        out.write("# iso2\tiso3\tname_ar\tcapital_lat\tcapital_lon\n")
        for row in country_rows:
            out.write("\t".join(row) + "\n")
    kinds = {}
    for _, r in rows.values():
        kinds[r[1]] = kinds.get(r[1], 0) + 1
    print(f"wrote {len(rows)} actor keys to {a.out}: {kinds}")


if __name__ == "__main__":
    main()
