"""Checks of what a run wrote: CSV cells a spreadsheet would run as formulas, SVG and HTML that are not
well-formed, JSON outputs that do not parse, and control characters in diagnostics.

Each check returns a list of (sub-kind, key, detail) triples, empty when the output is clean; the key
names where the problem sits (file and column) without the row, so that one cause counts once."""

import csv
import io
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

# A cell may be as long as the input made it (a 1 MB line): no field limit.
csv.field_size_limit(sys.maxsize)

# OWASP's list: a spreadsheet treats a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A plain number ("-12.5", "+3", "1e-5") is data, not a formula, whatever its first character.
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
# Characters XML 1.0 forbids in a document (besides lone surrogates, which UTF-8 cannot carry).
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Control characters that must not reach a terminal raw: C0 but newline, DEL, C1 (ESC starts ANSI).
STDERR_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f\x80-\x9f]")
DATA_SCRIPT = re.compile(r'<script type="application/json" id="placemap-data">(.*?)</script>', re.S)


def _short(text: str, limit: int = 60) -> str:
    """`text` cut to `limit` characters with control characters made visible (for finding details)."""
    shown = text.encode("unicode_escape").decode("ascii")
    return shown if len(shown) <= limit else shown[:limit] + "…"


def csv_formulas(data: bytes, where: str) -> list:
    """Cells of a CSV text that start like a formula and are not plain numbers."""
    found = []
    text = data.decode("utf-8", "replace")
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        return [("csv-syntax", where, f"{where}: the CSV does not parse ({error})")]
    for r, row in enumerate(rows[1:], start=2):
        for c, cell in enumerate(row):
            if cell.startswith(FORMULA_STARTS) and not NUMBER.match(cell):
                column = rows[0][c] if c < len(rows[0]) else str(c)
                found.append(("csv-formula", f"{where} column {column}", f"{where} row {r} column {column}: {_short(cell)}"))
    return found


def xml_wellformed(data: bytes, where: str, sub: str) -> list:
    """The XML parser's complaint about `data`, if any."""
    try:
        ET.fromstring(data)
    except ET.ParseError as error:
        return [(sub, where, f"{where}: not well-formed XML ({error})")]
    return []


def html_page(data: bytes, where: str) -> list:
    """index.html: its inline SVG must be well-formed XML, its data script must be JSON, and the page
    must hold no character XML forbids."""
    found = []
    text = data.decode("utf-8", "replace")
    start, end = text.find("<svg"), text.find("</svg>")
    if start >= 0 and end > start:
        found += xml_wellformed(text[start:end + 6].encode("utf-8"), f"{where} (inline svg)", "html-xml")
    script = DATA_SCRIPT.search(text)
    if script:
        try:
            json.loads(script.group(1), parse_constant=_reject_constant)
        except ValueError as error:
            found.append(("html-data", where, f"{where}: the data script is not JSON ({_short(str(error), 80)})"))
    bad = XML_FORBIDDEN.search(text)
    if bad and not any(sub == "html-xml" for sub, _, _ in found):
        found.append(("html-xml", where, f"{where}: holds the forbidden character {_short(bad.group(0))}"))
    return found


def _reject_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def json_text(data: bytes, where: str) -> list:
    """A GeoJSON or JSON file that must parse (no NaN or Infinity)."""
    try:
        json.loads(data.decode("utf-8"), parse_constant=_reject_constant)
    except (ValueError, UnicodeDecodeError) as error:
        return [("json-output", where.split(" record ")[0], f"{where}: not JSON ({_short(str(error), 80)})")]
    return []


def json_records(data: bytes, where: str, separator: bytes) -> list:
    """JSON Lines (separator newline) or GeoJSON text sequences (RFC 8142, record separator 0x1E)."""
    for n, record in enumerate(data.split(separator), start=1):
        record = record.strip(b"\x1e\n ")
        if record:
            problem = json_text(record, f"{where} record {n}")
            if problem:
                return problem
    return []


def map_folder(out: str) -> list:
    """Every check that applies to a folder written by `placemap map`."""
    found = []
    if not os.path.isdir(out):
        return found
    for root, dirs, files in os.walk(out):
        dirs[:] = [d for d in dirs if "placemap-staging" not in d]
        for name in sorted(files):
            path = os.path.join(root, name)
            rel = os.path.relpath(path, out)
            with open(path, "rb") as f:
                data = f.read()
            if name.endswith(".csv"):
                found += csv_formulas(data, rel)
            elif name.endswith(".svg"):
                found += xml_wellformed(data, rel, "svg-xml")
            elif name.endswith(".html"):
                found += html_page(data, rel)
            elif name.endswith(".geojson"):
                found += json_text(data, rel)
            elif name.endswith(".jsonl"):
                found += json_records(data, rel, b"\n")
            elif name.endswith(".geojsonseq"):
                found += json_records(data, rel, b"\x1e")
    return found


def stderr_controls(stderr: bytes) -> list:
    """Raw control characters or ANSI escapes in the diagnostics."""
    text = stderr.decode("utf-8", "replace")
    bad = STDERR_CONTROL.search(text)
    if not bad:
        return []
    line = text[text.rfind("\n", 0, bad.start()) + 1:]
    line = line.split("\n", 1)[0]
    return [("stderr-control", "stderr", f"{_short(bad.group(0))} in: {_short(line, 90)}")]
