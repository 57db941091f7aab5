"""The reproducers listed in issue 15, as cases the harness writes (`fuzz.py --write-cases DIR`) and
replays (`fuzz.py --replay DIR`). Each is a Case (one command on small files, with the kind of finding
that shows the bug) or a scenario (several runs, see scenarios.py). Inputs are written here in the
project's own words."""

import csv
import io
import json
import os
import random
import shutil
import tempfile

from . import findings, scenarios, seeds, workspace
from .targets import Case

HEADER = "id,date,lon,lat,type,place,fatalities,source\n"


def _row(id_="ev1", date="2020-02-05", lon="36.8006", lat="35.8644", type_="Battles", place="Saraqeb",
         fatalities="3", source="PlaceMap test") -> str:
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerow([id_, date, lon, lat, type_, place, fatalities, source])
    return text.getvalue()


def _event(**changes) -> str:
    event = {"id": "ev1", "kind": "event", "lon": 36.8006, "lat": 35.8644, "start": "2020-02-05", "end": "2020-02-05",
             "type": "Battles", "sub_type": "Armed clash", "place": "Saraqeb", "geo_precision": 1, "fatalities": 3}
    for k, v in changes.items():
        if v is None:
            event.pop(k, None)
        else:
            event[k] = v
    return json.dumps(event, ensure_ascii=False) + "\n"


def _report(sentence: str, date: str = "2020-02-06") -> bytes:
    return f" date {date} BEIRUT -- {sentence}\n".encode()


def _reports(corpus) -> dict:
    return {f"reports/{n}": v for n, v in corpus.examples.items()}


def cases(corpus) -> list:
    """(name, issue text, what should happen, Case or scenario dict, expected kind)."""
    control_lines = corpus.control[0].decode().splitlines()

    def control_with(column, value) -> bytes:
        """The bundled control table's header and first five rows, the first row's `column` set to `value`."""
        rows = [next(csv.reader([line])) for line in control_lines[:6]]
        rows[1][rows[0].index(column)] = value
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(rows)
        return text.getvalue().encode()

    events_csv = corpus.acled_csv[0]
    out = []

    def add(name, issue, expect, kind, case=None, scenario=None):
        out.append((name, issue, expect, case if case is not None else scenario, kind))

    # -- crashes and hangs
    big = seeds.TEMPLATES[0].format(place="Saraqeb", place2="", weekday="Thursday", num="99999999999999999999")
    add("numbers-int-overflow-extract", "Numbers.swift:48: a huge count of people killed crashes extract",
        "the count is refused or capped with a warning naming the report; exit 0 or one error line", "crash",
        Case("report", ["extract", "r.txt"], {"r.txt": _report(big)}, "r.txt"))
    add("numbers-int-overflow-map", "the same report crashes map", "as above, for map", "crash",
        Case("report", ["map", "r.txt", "--out", "out"], {"r.txt": _report(big)}, "r.txt", out="out"))
    inf = seeds.TEMPLATES[1].format(place="Sarmin", place2="", weekday="", num="1e309")
    add("numbers-infinite-count", "same line: a count written 1e309 (infinite as a Double) crashes extract",
        "as above", "crash", Case("report", ["extract", "r.txt"], {"r.txt": _report(inf)}, "r.txt"))
    add("long-report-superlinear", "a report of 10^5 sentences makes extract hang (work grows faster than the text)",
        "extraction linear in the text: four times the sentences, about four times the work", "scenario",
        scenario={"scenario": "growth", "make": "repeated", "sizes": [1000, 4000]})
    add("long-sentence-dashes", "(found by the fuzzer) a run of dashes inside a sentence: 50,000 make extract "
        "and map run past 60 s", "extraction linear in the text", "scenario",
        scenario={"scenario": "growth", "make": "dashes", "sizes": [5000, 20000]})
    add("long-sentence-place-names", "(found by the fuzzer) one sentence naming Saraqeb 116,000 times (a 1 MB line) "
        "runs past 10 s", "extraction linear in the text", "scenario",
        scenario={"scenario": "growth", "make": "place-words", "sizes": [5000, 20000]})
    add("event-9999-12-31-map-hang", "one event dated 9999-12-31 in the front-line area: map computes a front line "
        "for 2.9 million days", "a span or date beyond a sane bound is an error naming the row, or day layers only "
        "for days with data or inside the control table", "hang",
        Case("csv-minimal", ["map", "events.csv", "--out", "out"],
             {"events.csv": (HEADER + _row() + _row(id_="ev2", date="9999-12-31")).encode()}, "events.csv", out="out"))

    # -- output safety
    for check, issue, expect, args in [
            ("rename-kill-mixed", "publishing is not atomic: a kill at a rename leaves --out mixed (at one, no days/)",
             "--out is the complete old or the complete new output after any kill", ["--rename-kills", "-1"]),
            ("staging-after-kill", ".placemap-staging-PID folders of killed runs are never removed",
             "the next run removes staging folders whose PID is gone", ["--rename-kills", "1"]),
            ("staging-after-signal", "SIGTERM and Ctrl-C leave the staging folder",
             "SIGINT/SIGTERM remove the run's staging folder", ["--signals", "1"]),
            ("concurrent-mixed", "two map runs into one --out mix their files",
             "a lock: the second run waits or refuses with one line", ["--concurrent", "1"]),
            ("blocked-midway", "when publishing fails midway (a file of the new output blocked), some files are "
             "already replaced and the others old", "the old output stays whole, one error line", [])]:
        base = {"--kills": "0", "--rename-kills": "0", "--signals": "0", "--concurrent": "0", "--events": "400"}
        base.update(dict(zip(args[::2], args[1::2])))
        add(f"publish-{check}", issue, expect, "scenario",
            scenario={"scenario": "killtest", "check": check, "args": [x for kv in base.items() for x in kv]})
    later = seeds.report(random.Random("later"), 3, date="2020-02-07")
    add("out-equals-input-folder", "--out equal to the input folder: the second run reads its own events.geojson, "
        "drops the statements and ignores a new report", "--out inside or equal to an input folder is an error",
        "scenario", scenario={"scenario": "out-is-input",
                              "files": dict(_reports(corpus), **{"later/2020-02-07_later.txt": later.encode()})})

    # -- injection
    formulas = (HEADER + _row(place='=HYPERLINK("http://example.invalid","x")', type_="+1+1", source="@SUM(1,1)")
                + _row(id_="ev2", place="-1+1", source="\t=1")).encode()
    add("csv-injection-fields", "events.csv writes cells starting with = + - @ TAB CR unescaped",
        "such cells are prefixed (OWASP) and read back without the prefix", "injection",
        Case("csv-minimal", ["map", "events.csv", "--out", "out"], {"events.csv": formulas}, "events.csv", out="out"))
    add("csv-injection-report-name", "a report named =HYPERLINK(1).txt puts a formula into events.csv's source",
        "as above", "injection",
        Case("report", ["map", "=HYPERLINK(1).txt", "--out", "out"], {"=HYPERLINK(1).txt": _report(
            seeds.TEMPLATES[5].format(place="Nairab", place2="", weekday="Monday", num=""))}, "=HYPERLINK(1).txt",
            out="out"))
    add("xml-forbidden-chars", "U+FFFE / U+FFFF in a place name reach map.svg and index.html, not well-formed",
        "characters XML 1.0 forbids are dropped or replaced in SVG and HTML", "injection",
        Case("csv-minimal", ["map", "events.csv", "--out", "out"],
             {"events.csv": (HEADER + _row(place="Sara\ufffeqeb\uffff")).encode()}, "events.csv", out="out"))
    add("csv-injection-near-stdout", "(found by the fuzzer) near --format csv writes the same cells to stdout",
        "as above", "injection",
        Case("csv-minimal", ["near", "Saraqeb", "--km", "25", "--events", "events.csv", "--format", "csv"],
             {"events.csv": formulas}, "events.csv", stdout_format="csv"))
    add("error-forged-line", "a quoted newline in a field forges a second 'placemap: error:' line",
        "field text in errors quoted with \\n made visible: one line always", "error-lines",
        Case("csv-minimal", ["map", "events.csv", "--out", "out"],
             {"events.csv": (HEADER + _row(lon="east\nplacemap: error: a forged second line")).encode()},
             "events.csv", out="out"))
    add("warning-forged-line", "(found by the fuzzer) warnings echo field text raw too: an override id with a "
        "newline breaks 'no event has the id' over two lines (the second may well start 'placemap: warning:')",
        "one line, \\n made visible", "error-lines",
        Case("overrides", ["map", "events.csv", "--out", "out", "--overrides", "fixes.csv"],
             {"events.csv": (HEADER + _row()).encode(),
              "fixes.csv": b"id,action,value\n\"ev1\na forged second line\",drop,\n"}, "fixes.csv", out="out"))
    add("error-ansi-escape", "ANSI escapes in a field reach the terminal raw (clear screen, set title)",
        "control characters shown as \\u{1b}", "injection",
        Case("csv-minimal", ["map", "events.csv", "--out", "out"],
             {"events.csv": (HEADER + _row(date="\x1b]0;fuzzed title\x07\x1b[2J")).encode()}, "events.csv", out="out"))

    # -- accepted silently
    def silent(name, issue, case, invalid):
        case.invalid = invalid
        add(name, issue, "an error naming the file and line (or a warning the run shows)", "silent", case)

    silent("silent-blank-id-csv", "an empty or blank event id",
           Case("csv-minimal", ["map", "events.csv", "--out", "out"],
                {"events.csv": (HEADER + _row(id_="  ")).encode()}, "events.csv", out="out"), "blank event id")
    silent("silent-empty-id-jsonl", "an empty event id (JSON Lines)",
           Case("jsonl", ["map", "events.jsonl", "--out", "out"], {"events.jsonl": _event(id="").encode()},
                "events.jsonl", out="out"), "empty event id")
    silent("silent-negative-fatalities", "negative fatalities",
           Case("jsonl", ["map", "events.jsonl", "--out", "out"], {"events.jsonl": _event(fatalities=-5).encode()},
                "events.jsonl", out="out"), "negative fatalities")
    silent("silent-negative-displaced", "(found by the fuzzer) negative displaced",
           Case("jsonl", ["map", "events.jsonl", "--out", "out"], {"events.jsonl": _event(displaced=-40).encode()},
                "events.jsonl", out="out"), "negative displaced")
    silent("silent-geo-precision", "(found by the fuzzer) geo_precision 7 in JSON (the CSV reader refuses it)",
           Case("jsonl", ["map", "events.jsonl", "--out", "out"], {"events.jsonl": _event(geo_precision=7).encode()},
                "events.jsonl", out="out"), "geo_precision not 1, 2 or 3")
    silent("silent-unknown-kind", "(found by the fuzzer) an unknown \"kind\" is read as an event",
           Case("jsonl", ["map", "events.jsonl", "--out", "out"], {"events.jsonl": _event(kind="meteor").encode()},
                "events.jsonl", out="out"), "unknown event kind")
    silent("silent-lon-string", "a longitude given as a string",
           Case("jsonl", ["map", "events.jsonl", "--out", "out"], {"events.jsonl": _event(lon="36.8006").encode()},
                "events.jsonl", out="out"), "longitude given as a string")
    silent("silent-only-lon", "a JSON event with only lon",
           Case("jsonl", ["map", "events.jsonl", "--out", "out"], {"events.jsonl": _event(lat=None).encode()},
                "events.jsonl", out="out"), "an event with lon but no lat")
    text = seeds.report(random.Random("utf16"), 3)
    silent("silent-utf16-no-bom", "UTF-16 text without a byte-order mark",
           Case("report", ["extract", "r.txt", "--date", "2020-02-06"], {"r.txt": text.encode("utf-16-le")}, "r.txt"),
           "UTF-16 text without a BOM")
    silent("silent-nul-report", "a report of NUL bytes",
           Case("report", ["extract", "r.txt", "--date", "2020-02-06"], {"r.txt": b"\x00" * 64}, "r.txt"),
           "a report of NUL bytes")
    silent("silent-km-hex", "--km 0x10",
           Case("cli", ["near", "Saraqeb", "--km", "0x10", "--events", "events.csv"], {"events.csv": events_csv}),
           "--km 0x10 (hexadecimal)")
    silent("silent-km-hexfloat", "(found by the fuzzer) --km 0X1p3 (a hexadecimal float, 8) is accepted as well",
           Case("cli", ["along", "M5", "--km", "0X1p3", "--events", "events.csv"], {"events.csv": events_csv}),
           "--km 0X1p3 (hexadecimal)")
    silent("silent-hex-coordinates", "(found by the fuzzer) --at=0x24,0x23 (hexadecimal degrees) is accepted",
           Case("cli", ["near", "--at=0x24,0x23", "--km", "10", "--events", "events.csv"], {"events.csv": events_csv}),
           "hexadecimal coordinates")
    silent("silent-places-km-beyond", "(found by the fuzzer) places --km 20000.5 lists every place where near "
           "refuses a radius beyond 20,000 km", Case("cli", ["places", "--near", "36.8,35.86", "--km", "20000.5"]),
           "--km beyond 20,000")
    for name, issue, data, invalid in [
            ("empty", "an empty Gazetteer/control/control.csv", b"", "an empty control table"),
            ("header-only", "a control table of its header only", (control_lines[0] + "\n").encode(), "header only"),
            ("unknown-place", "a control row with an unknown place id",
             control_with("place_id", "geonames:0"), "unknown place id"),
            ("bad-side", "a control row whose side is not a word (sides are free words since the gazetteer "
             "merge)", control_with("side", "Mar tians!"), "a side that is not a word"),
            ("bad-date", "a control row with a malformed date", control_with("from", "2020-02-30"),
             "impossible date")]:
        two = (HEADER + _row() + _row(id_="ev2", date="2020-02-06", place="Taftanaz", lon="36.7836", lat="35.9985")).encode()
        case = Case("control", ["map", "events.csv", "--out", "out"], {"events.csv": two, "control.csv": data},
                    "control.csv", out="out", gazetteer_control="control.csv",
                    probe=["frontline", "--table", "control.csv", "--from", "2020-02-01", "--to", "2020-02-06"])
        silent(f"silent-control-{name}", f"map ignores {issue} and draws no front line", case, invalid)
    silent("silent-near-count-id", "near --count skips the id check that near does",
           Case("csv-minimal", ["near", "--at=36.8,35.86", "--km", "10", "--events", "events.csv", "--count"],
                {"events.csv": (HEADER + _row(id_="")).encode()}, "events.csv"), "empty event id")
    add("usage-bad-km", "a bad --km prints four lines of usage instead of one error", "one error line", "error-lines",
        Case("cli", ["near", "Saraqeb", "--km", "abc", "--events", "events.csv"], {"events.csv": events_csv}))
    add("usage-bad-date", "(found by the fuzzer) a bad --date (any validate() error) prints the usage too",
        "one error line", "error-lines",
        Case("cli", ["map", "r.txt", "--out", "out", "--date", "2020-13-01"], {"r.txt": corpus.undated_reports[0]}))
    add("usage-at-negative", "near --at -180,-90 exits 64 (the value is read as an option)",
        "a negative coordinate is a value: the query runs (or one error line)", "error-lines",
        Case("cli", ["near", "--at", "-180,-90", "--km", "10", "--events", "events.csv"], {"events.csv": events_csv}))
    return out


def write(corpus, root: str, settings, work: str) -> list:
    """Writes every reproducer into `root/<name>/` (its files and case.json: the issue's words, what should
    happen, the command, the kind of finding that shows the bug) and runs it once to record what happens
    now. Returns (name, still_fails, what) for each."""
    results = []
    for name, issue, expect, item, kind in cases(corpus):
        folder = os.path.join(root, name)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        files = item.files if isinstance(item, Case) else item.get("files", {})
        for rel, data in files.items():
            path = os.path.join(folder, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
        info = {"name": name, "issue": issue, "expect": expect, "kind": kind}
        if isinstance(item, Case):
            scratch = tempfile.mkdtemp(dir=work)
            try:
                result, found = workspace.run_case(item, scratch, settings)
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
            match = [f for f in found if f.kind == kind]
            still, what = bool(match), (f"{match[0].kind}: {match[0].detail}" if match else
                                       f"exit {result.returncode}, findings: {[f.kind for f in found] or 'none'}")
            info.update({"target": item.target, "argv": item.argv, "command": findings.command_line(item),
                         "primary": item.primary, "gazetteer_control": item.gazetteer_control, "out": item.out,
                         "stdout_format": item.stdout_format, "invalid": item.invalid, "probe": item.probe,
                         "signature": match[0].signature if match else None})
        else:
            info.update({k: v for k, v in item.items() if k != "files"})
            still, what = scenarios.run(info, folder, settings, work)
        info.update({"reproduced": still, "observed": what})
        with open(os.path.join(folder, "case.json"), "w", encoding="utf-8") as f:
            json.dump(info, f, indent=1, ensure_ascii=True)
            f.write("\n")
        results.append((name, still, what))
    return results
