"""Seed inputs: the bundled `Examples/` and `Output/` files, plus inputs written here in the project's own
words (reports, minimal event CSV, overrides, an area polygon). Nothing is read from ../shared."""

import csv
import io
import json
import os
import random

# Places of the gazetteer around Saraqeb, in spellings the gazetteer knows.
PLACES = ["Saraqeb", "Nairab", "Taftanaz", "Binnish", "Sarmin", "Maaret Misrin", "Ariha", "Idlib", "Afis",
          "Islamin", "Al-Eis", "Kafr Nabl", "Maarat al-Numan", "Khan Shaykhun", "Atarib", "Sarmada"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Sentence templates written for these tests (no sentence of any outlet).
TEMPLATES = [
    "Government artillery shelled {place} on {weekday}, killing {num} civilians, rescue workers said.",
    "Opposition fighters attacked army positions near {place} overnight and {num} soldiers died.",
    "Jets struck a market in {place} on {weekday}; a monitoring group counted {num} dead.",
    "About {num} people left {place} for camps near the Turkish border this week.",
    "Turkish troops drove a convoy of {num} vehicles to {place} on {weekday}.",
    "Troops took {place} on {weekday} after two days of fighting.",
    "Rebels said they retook {place} and {place2} on {weekday} with {num} fighters.",
    "A drone hit a car on the road between {place} and {place2}, and {num} people were wounded.",
    "Residents of {place} said the bombardment went on through the night.",
    "The foreign minister said in Ankara that the talks on {place} would go on.",
]
CITIES = ["BEIRUT", "GAZIANTEP", "ISTANBUL", "AMMAN"]


def sentence(rng: random.Random, num: str | None = None) -> str:
    """One sentence from the templates, with places, a weekday and a count."""
    place, place2 = rng.sample(PLACES, 2)
    return rng.choice(TEMPLATES).format(place=place, place2=place2, weekday=rng.choice(WEEKDAYS),
                                        num=num if num is not None else str(rng.randint(1, 60)))


def report(rng: random.Random, sentences: int, date: str = "2020-02-06", dateline: bool = True) -> str:
    """A report of `sentences` sentences in paragraphs of up to four, with a dateline when asked."""
    out, paragraph = [], []
    for _ in range(sentences):
        paragraph.append(sentence(rng))
        if len(paragraph) == 4:
            out.append(" ".join(paragraph)); paragraph = []
    if paragraph:
        out.append(" ".join(paragraph))
    head = f" date {date} {rng.choice(CITIES)} -- " if dateline else ""
    return head + "\n\n".join(out) + "\n"


def minimal_csv(rng: random.Random, rows: int) -> str:
    """A minimal events CSV (`id,date,lon,lat,type,place,fatalities,source`) around Saraqeb, 3–7 February
    2020, with RFC 4180 quoting where a field holds a comma."""
    lines = ["id,date,lon,lat,type,place,fatalities,source"]
    types = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Strategic developments"]
    for i in range(rows):
        lines.append(f"ev{i:04d},2020-02-0{rng.randint(3, 7)},{36.55 + rng.random() * 0.45:.6f},"
                     f"{35.65 + rng.random() * 0.45:.6f},{rng.choice(types)},{rng.choice(PLACES)},"
                     f"{rng.randint(0, 12)},\"Monitor, wire\"")
    return "\n".join(lines) + "\n"


def area_polygon() -> str:
    """A GeoJSON polygon around Saraqeb (an area of interest for `frontline --area`)."""
    ring = [[36.55, 35.70], [37.05, 35.70], [37.05, 36.10], [36.55, 36.10], [36.55, 35.70]]
    return json.dumps({"type": "Feature", "properties": {"name": "around Saraqeb"},
                       "geometry": {"type": "Polygon", "coordinates": [ring]}})


def overrides(ids: list, rng: random.Random, as_json: bool) -> str:
    """Analyst corrections for some of `ids`: drop, move, set_date, set_type."""
    actions = [("drop", ""), ("move", "Taftanaz"), ("move", "36.8,35.9"), ("set_date", "2020-02-05"),
               ("set_date", "2020-02-03..2020-02-05"), ("set_type", "Armed clash")]
    picked = [(i, *rng.choice(actions)) for i in rng.sample(ids, min(4, len(ids)))]
    if as_json:
        return "".join(json.dumps({"id": i, "action": a, "value": v}) + "\n" for i, a, v in picked)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["id", "action", "value"])
    writer.writerows(picked)
    return text.getvalue()


class Corpus:
    """The seed files by format, read once from the repository (Examples/, Output/, Gazetteer/control)
    plus the ones written above."""

    def __init__(self, repo: str):
        self.repo = repo
        rng = random.Random("seeds")
        ex = os.path.join(repo, "Examples")
        self.examples = {n: _read(os.path.join(ex, n)) for n in sorted(os.listdir(ex))
                         if n.endswith((".txt", ".meta.json"))}
        # (report, its sidecar or None)
        self.reports = [(v, self.examples.get(n[:-4] + ".meta.json")) for n, v in self.examples.items()
                        if n.endswith(".txt")]
        self.reports += [(report(rng, n).encode(), None) for n in (3, 8, 20)]
        self.sidecars = [v for n, v in self.examples.items() if n.endswith(".meta.json")]
        self.sidecars.append(json.dumps({"date": "2020-02-06", "source": "PlaceMap test",
                                         "url": "https://example.org/a"}).encode())
        self.undated_reports = [report(rng, 6, dateline=False).encode(), report(rng, 2, dateline=False).encode()]
        out = os.path.join(repo, "Output")
        self.acled_csv = [_read(os.path.join(out, "events.csv"))]
        self.minimal_csv = [minimal_csv(rng, 30).encode(), minimal_csv(rng, 5).encode()]
        self.geojson = [_read(os.path.join(out, "events.geojson")),
                        _geojson_from_csv(self.minimal_csv[1].decode())]
        self.jsonl = [_read(os.path.join(out, "statements.jsonl")), _jsonl_from_geojson(self.geojson[0])]
        self.area = [area_polygon().encode()]
        self.control = [_read(os.path.join(repo, "Gazetteer", "control", "control.csv"))]
        ids = [json.loads(l)["id"] for l in self.jsonl[1].decode().splitlines() if l.strip()]
        self.overrides = [overrides(ids, rng, False).encode(), overrides(ids, rng, True).encode()]


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def _geojson_from_csv(text: str) -> bytes:
    """A small FeatureCollection of the minimal CSV's rows, with PlaceMap's event keys."""
    features = []
    for line in text.splitlines()[1:]:
        cells = line.split(",")
        features.append({"type": "Feature", "id": cells[0],
                         "geometry": {"type": "Point", "coordinates": [float(cells[2]), float(cells[3])]},
                         "properties": {"id": cells[0], "start": cells[1], "end": cells[1], "kind": "event",
                                        "type": cells[4], "place": cells[5], "fatalities": int(cells[6]),
                                        "geo_precision": 1, "date_precision": "day"}})
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def _jsonl_from_geojson(data: bytes) -> bytes:
    """The events of a GeoJSON file as JSON Lines (properties plus lon and lat)."""
    lines = []
    for f in json.loads(data)["features"]:
        o = dict(f["properties"])
        if f.get("geometry"):
            o["lon"], o["lat"] = f["geometry"]["coordinates"][:2]
        lines.append(json.dumps(o, sort_keys=True, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode()
