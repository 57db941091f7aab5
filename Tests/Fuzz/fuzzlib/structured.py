"""Structure-aware mutations: a CSV cell, a JSON value, a report's sentences. Each returns
(data, name, invalid) where `invalid` names why the result must not be accepted without a word (the
oracle of the "silent" finding), or None when the result may well be valid."""

import csv
import io
import json
import random

from . import mutations as m
from . import seeds

NASTY_TEXT = ["", " ", "   ", "a\nb", "line one\r\nline two", "quote \" inside", "<b>bold</b>", "</script><svg>",
              "]]>", "&amp; & &#0;", "\u202eevil", "\U0001F4A3", "x" * 5000, "\\", "%s%n%x", "null"]


def _nasty_string(rng: random.Random) -> str:
    pool = rng.choice([NASTY_TEXT, m.FORMULAS, m.CONTROLS, m.ANSI, m.NONCHARACTERS])
    piece = rng.choice(pool)
    return piece + rng.choice(["", " Saraqeb", "Nairab", "\ntext after a newline"]) if rng.random() < 0.4 else piece


# ---------------------------------------------------------------- CSV

def _read_csv(data: bytes) -> list | None:
    try:
        return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    except (UnicodeDecodeError, csv.Error):
        return None


def _write_csv(rows: list) -> bytes:
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    return text.getvalue().encode("utf-8", "surrogatepass")


# Per column name: values that make an events row invalid, with the reason.
EVENT_INVALID = {
    "id": [("", "empty event id"), (" ", "blank event id"), ("\t", "blank event id")],
    "event_id_cnty": [("", "empty event id"), ("  ", "blank event id")],
    "fatalities": [("-1", "negative fatalities"), ("-250", "negative fatalities")],
    "lon": [("east", "longitude not a number"), ("200", "longitude out of range")],
    "longitude": [("east", "longitude not a number"), ("-181", "longitude out of range")],
    "lat": [("95", "latitude out of range")],
    "latitude": [("-91", "latitude out of range")],
    "geo_precision": [("7", "geo_precision not 1, 2 or 3"), ("0", "geo_precision not 1, 2 or 3")],
    "event_date": [("2020-02-30", "impossible date")],
    "date": [("2020-02-30", "impossible date")],
}
# Per column name of a control table.
CONTROL_INVALID = {
    "place_id": [("geonames:0", "unknown place id"), ("", "empty place id")],
    "side": [("Mar tians!", "a side that is not a word"), ("", "empty side")],
    "from": [("2020-02-30", "impossible date"), ("yesterday", "malformed date"), ("", "empty date")],
}


def csv_cell(rng: random.Random, data: bytes, invalid_values: dict) -> tuple:
    """Replaces one cell (or a column of several rows) with a nasty value, an extreme number or date, or
    (from `invalid_values`) a value the reader must refuse; or removes or adds a column in one row."""
    rows = _read_csv(data)
    if not rows or len(rows) < 2:
        return data, "csv-cell-skip", None
    header = [h.strip().lower() for h in rows[0]]
    r = rng.randrange(1, len(rows))
    if not rows[r]:
        return data, "csv-cell-skip", None
    c = rng.randrange(len(rows[r]))
    name = header[c] if c < len(header) else ""
    choice = rng.random()
    invalid = None
    if choice < 0.3 and name in invalid_values:
        value, invalid = rng.choice(invalid_values[name])
        label = f"csv-invalid-{name}"
    elif choice < 0.55:
        value, label = _nasty_string(rng), f"csv-text-{name or c}"
    elif choice < 0.7:
        value, label = rng.choice(m.NASTY_NUMBERS), f"csv-number-{name or c}"
    elif choice < 0.85:
        value, label = rng.choice(m.EXTREME_DATES), f"csv-date-{name or c}"
    elif choice < 0.93:
        rows[r] = rows[r][:-1] if rng.random() < 0.5 else rows[r] + ["extra"]
        return _write_csv(rows), "csv-field-count", None
    else:
        return _write_csv([rows[0]]), "csv-header-only", ("header only" if invalid_values is CONTROL_INVALID else None)
    rows[r][c] = value
    if rng.random() < 0.2:  # the same value down the whole column
        for row in rows[1:]:
            if c < len(row):
                row[c] = value
        label += "-column"
    return _write_csv(rows), label, invalid


# ---------------------------------------------------------------- JSON

class RawTokens:
    """Tokens json.dumps cannot write (1e400, NaN, deep nesting): a value stands in as a marker string
    and is swapped for the token after dumping."""

    def __init__(self):
        self.tokens = []

    def marker(self, token: str) -> str:
        self.tokens.append(token)
        return f"__fuzz_raw_{len(self.tokens) - 1}__"

    def dump(self, value) -> str:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        for i, token in enumerate(self.tokens):
            text = text.replace(f'"__fuzz_raw_{i}__"', token)
        return text


def _paths(value, prefix=()):
    """Every (path, key) below `value` (dicts and lists)."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield prefix + (k,)
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield prefix + (i,)
            yield from _paths(v, prefix + (i,))


def _get(value, path):
    for k in path:
        value = value[k]
    return value


def _set(value, path, new):
    _get(value, path[:-1])[path[-1]] = new


def json_value(rng: random.Random, doc, raw: RawTokens) -> tuple:
    """Mutates one value of a parsed JSON document in place: a nasty string, a huge or odd number, an
    extreme date, another type, a deleted key, deep nesting, or a value that makes an event invalid.
    Returns (name, invalid)."""
    paths = list(_paths(doc))
    if not paths:
        return "json-skip", None
    # Event keys are where the readers decide; pick them more often.
    keyed = [p for p in paths if isinstance(p[-1], str) and p[-1] in
             ("id", "lon", "lat", "fatalities", "start", "end", "coordinates", "geo_precision", "place", "type",
              "kind", "date_precision", "sources", "actors", "displaced", "date", "source", "url", "action", "value")]
    path = rng.choice(keyed) if keyed and rng.random() < 0.7 else rng.choice(paths)
    key = path[-1]
    parent = _get(doc, path[:-1])
    choice = rng.random()
    if choice < 0.2 and key in ("id", "lon", "lat", "fatalities", "coordinates", "geo_precision", "kind", "displaced"):
        return _invalid_event_value(rng, doc, path, parent, key)
    if choice < 0.4:
        _set(doc, path, _nasty_string(rng))
        return f"json-text-{key}", None
    if choice < 0.55:
        _set(doc, path, raw.marker(rng.choice(["1e400", "-1e400", "NaN", "Infinity", "99999999999999999999",
                                         "9223372036854775808", "-0", "1E+2", "0.0000001", "-5"])))
        return f"json-number-{key}", None
    if choice < 0.65:
        _set(doc, path, rng.choice(m.EXTREME_DATES))
        return f"json-date-{key}", None
    if choice < 0.78:
        _set(doc, path, rng.choice([None, True, [], {}, 0, "", [1, 2], {"a": 1}]))
        return f"json-type-{key}", None
    if choice < 0.88 and isinstance(parent, dict):
        del parent[key]
        return f"json-delete-{key}", None
    depth = rng.choice([100, 1000, 10_000, 100_000])
    _set(doc, path, raw.marker("[" * depth + "]" * depth))
    return f"json-nesting-{depth}", None


def _invalid_event_value(rng, doc, path, parent, key):
    if key == "id":
        _set(doc, path, rng.choice(["", " ", "\t"]))
        return "json-invalid-id", "empty or blank event id"
    if key in ("lon", "lat") and isinstance(parent, dict):
        if rng.random() < 0.5:
            _set(doc, path, str(parent[key]))
            return f"json-invalid-{key}-string", f"{key} given as a string"
        other = "lat" if key == "lon" else "lon"
        parent.pop(other, None)
        return f"json-invalid-only-{key}", f"an event with {key} but no {other}"
    if key == "coordinates" and isinstance(parent.get(key), list) and parent.get(key) and \
            not isinstance(parent[key][0], list):
        if rng.random() < 0.5:
            _set(doc, path, [str(x) for x in parent[key]])
            return "json-invalid-coordinates-strings", "coordinates given as strings"
        _set(doc, path, parent[key][:1])
        return "json-invalid-coordinates-one", "a Point with one coordinate"
    if key in ("fatalities", "displaced"):
        _set(doc, path, -rng.randint(1, 500))
        return f"json-invalid-{key}", f"negative {key}"
    if key == "geo_precision":
        _set(doc, path, rng.choice([0, 4, 99, -1]))
        return "json-invalid-geo_precision", "geo_precision not 1, 2 or 3"
    if key == "kind":
        _set(doc, path, "meteor")
        return "json-invalid-kind", "unknown event kind"
    _set(doc, path, _nasty_string(rng))
    return f"json-text-{key}", None


def json_document(rng: random.Random, data: bytes) -> tuple:
    """One JSON document (GeoJSON, a sidecar, an area) mutated by json_value."""
    try:
        doc = json.loads(data)
    except ValueError:
        return data, "json-skip", None
    raw = RawTokens()
    name, invalid = json_value(rng, doc, raw)
    return raw.dump(doc).encode("utf-8", "surrogatepass"), name, invalid


def json_lines(rng: random.Random, data: bytes) -> tuple:
    """One line of a JSON Lines file mutated by json_value (or a line added: blank, not JSON, a list)."""
    lines = data.decode("utf-8", "replace").split("\n")
    filled = [i for i, l in enumerate(lines) if l.strip()]
    if not filled:
        return data, "jsonl-skip", None
    i = rng.choice(filled)
    if rng.random() < 0.1:
        lines.insert(i, rng.choice(["[1,2]", "\"text\"", "{", "   ", "{}", "null", "{\"id\": \"x\"} trailing"]))
        return "\n".join(lines).encode("utf-8", "surrogatepass"), "jsonl-odd-line", None
    try:
        doc = json.loads(lines[i])
    except ValueError:
        return data, "jsonl-skip", None
    raw = RawTokens()
    name, invalid = json_value(rng, doc, raw)
    lines[i] = raw.dump(doc)
    return "\n".join(lines).encode("utf-8", "surrogatepass"), name, invalid


# ---------------------------------------------------------------- reports

BIG_COUNTS = ["99999999999999999999", "9223372036854775808", "1e309", "1.5e19", "4294967296",
              "a billion billion", "twelve thousand million million", "9" * 60, "-40", "0.5", "3 million million"]


def report_text(rng: random.Random, data: bytes) -> tuple:
    """Sentences with huge counts, extreme datelines, a sentence repeated many times, or sentences
    inserted at random; a report of NUL bytes or UTF-16 without a byte-order mark is invalid."""
    text = data.decode("utf-8", "replace")
    choice = rng.random()
    if choice < 0.3:
        num = rng.choice(BIG_COUNTS)
        s = seeds.sentence(rng, num=num)
        return _insert_sentence(rng, text, s).encode(), "report-big-count", None
    if choice < 0.45:
        date = rng.choice(m.EXTREME_DATES)
        body = text.split(" -- ", 1)[-1]
        return f" date {date} BEIRUT -- {body}".encode(), f"report-dateline-{date}", None
    if choice < 0.55:
        n = rng.choice([50, 200, 400])
        s = seeds.sentence(rng)
        return (text + " " + " ".join([s] * n)).encode(), f"report-repeat-{n}", None
    if choice < 0.65:
        n = rng.choice([100, 300])
        return (text + seeds.report(rng, n, dateline=False)).encode(), f"report-append-{n}", None
    if choice < 0.72:
        return b"\x00" * rng.randint(1, 2000), "report-all-nul", "a report of NUL bytes"
    if choice < 0.8:
        le = rng.random() < 0.5
        return text.encode("utf-16-le" if le else "utf-16-be"), "report-utf16-nobom", "UTF-16 text without a BOM"
    if choice < 0.9:
        s = seeds.sentence(rng)
        s = s.replace(" ", rng.choice(m.CONTROLS + m.ANSI + m.NONCHARACTERS), 1)
        return _insert_sentence(rng, text, s).encode("utf-8", "surrogatepass"), "report-odd-chars", None
    s = seeds.sentence(rng).replace("near ", "near " + rng.choice(m.FORMULAS + ["<b>", "]]>", "\ufffe"]))
    return _insert_sentence(rng, text, s).encode("utf-8", "surrogatepass"), "report-odd-place", None


def _insert_sentence(rng, text, sentence):
    stops = [i + 2 for i in range(len(text) - 1) if text[i] == "." and text[i + 1] == " "] or [len(text)]
    p = rng.choice(stops)
    return text[:p] + sentence + " " + text[p:]
