"""The formats fuzzed and, for each, how one case is made: its files, its command line and, where the
input is invalid by construction, why (the oracle of the "silent" finding)."""

import random
from dataclasses import dataclass, field

from . import mutations as m
from . import structured as st

REPORT_NAMES = ["=HYPERLINK(1).txt", "+cmd.txt", "@SUM(1).txt", "-n.txt", "\tr.txt", "r\x1b[2J.txt",
                "r\ufffe.txt", "r\nforged.txt", "<b>r.txt", "r&amp;.txt", "r\u202e.txt"]


@dataclass
class Case:
    """One fuzzed input: files written into an empty folder, the command run there."""
    target: str
    argv: list
    files: dict = field(default_factory=dict)   # relative path -> bytes
    primary: str | None = None                 # the mutated file (minimised when it fails)
    mutations: list = field(default_factory=list)
    invalid: str | None = None                 # why the input must be refused or warned about
    stdout_format: str | None = None           # "csv" when stdout is CSV to check for formulas
    out: str | None = None                     # the --out folder to check after a successful run
    gazetteer_control: str | None = None       # a file used as Gazetteer/control/control.csv
    probe: list | None = None                  # run after a silent success: if it fails, the success was wrong
    seed: int = 0
    index: int = 0

    def command_name(self) -> str:
        """The subcommand, with --count and --format csv told apart (they take other code paths)."""
        name = self.argv[0] if self.argv else "?"
        if "--count" in self.argv:
            name += " --count"
        if "--overrides" in self.argv:
            name += " --overrides"
        return name


def _mutate(rng, data, structured, *args):
    """A structure-aware mutation alone (its invalid flag holds), or one to three byte mutations, or both."""
    choice = rng.random()
    if structured and choice < 0.55:
        data, name, invalid = structured(rng, data, *args)
        return data, [name], invalid
    names = []
    if structured and choice < 0.7:
        data, name, _ = structured(rng, data, *args)
        names.append(name)
    data, more = m.mutate_bytes(rng, data, rng.randint(1, 3))
    return data, names + more, None


def _event_commands(rng, name):
    """The commands that read an events file, with their output checks."""
    choice = rng.random()
    if choice < 0.45:
        return dict(argv=["map", name, "--out", "out"], out="out")
    if choice < 0.6:
        return dict(argv=["near", "Saraqeb", "--km", "25", "--events", name, "--format", "csv"], stdout_format="csv")
    if choice < 0.7:
        return dict(argv=["near", "--at=36.8,35.86", "--km", "40", "--events", name, "--count"])
    if choice < 0.8:
        return dict(argv=["near", "Saraqeb", "--km", "30", "--events", name, "--format", rng.choice(["json", "geojson", "table"])])
    if choice < 0.9:
        return dict(argv=["frontline", "--events", name, "--from", "2020-02-01", "--to", "2020-02-07",
                          "--format", rng.choice(["json", "geojson", "table"])])
    return dict(argv=["along", "M5", "--km", "5", "--events", name])


def report(rng, corpus):
    text, sidecar = rng.choice(corpus.reports)
    data, names, invalid = _mutate(rng, text, st.report_text)
    name = "r.txt"
    if rng.random() < 0.12:
        name = rng.choice(REPORT_NAMES)
        names.append("report-name")
    files = {name: data}
    if sidecar is not None:
        files[name[:-4] + ".meta.json"] = sidecar
    path = "./" + name if name.startswith("-") else name  # as any tool's user must write it
    if rng.random() < 0.3:
        return Case("report", ["map", path, "--out", "out"], files, name, names, invalid, out="out")
    fmt = rng.choice(["jsonl", "csv", "geojson"])
    argv = ["extract", path, "--format", fmt] + (["--statements"] if rng.random() < 0.3 else [])
    return Case("report", argv, files, name, names, invalid, stdout_format=fmt if fmt == "csv" else None)


def sidecar(rng, corpus):
    meta = rng.choice(corpus.sidecars)
    data, names, invalid = _mutate(rng, meta, st.json_document)
    files = {"r.txt": rng.choice(corpus.undated_reports), "r.meta.json": data}
    if rng.random() < 0.3:
        return Case("sidecar", ["map", "r.txt", "--out", "out"], files, "r.meta.json", names, invalid, out="out")
    return Case("sidecar", ["extract", "r.txt", "--format", "csv"], files, "r.meta.json", names, invalid,
                stdout_format="csv")


def _csv_events(target, seeds_list):
    def make(rng, corpus):
        data, names, invalid = _mutate(rng, rng.choice(getattr(corpus, seeds_list)), st.csv_cell, st.EVENT_INVALID)
        return Case(target, files={"events.csv": data}, primary="events.csv", mutations=names, invalid=invalid,
                    **_event_commands(rng, "events.csv"))
    return make


def jsonl(rng, corpus):
    data, names, invalid = _mutate(rng, rng.choice(corpus.jsonl), st.json_lines)
    return Case("jsonl", files={"events.jsonl": data}, primary="events.jsonl", mutations=names, invalid=invalid,
                **_event_commands(rng, "events.jsonl"))


def geojson(rng, corpus):
    if rng.random() < 0.15:
        data, names, _ = _mutate(rng, corpus.area[0], st.json_document)
        return Case("geojson", ["frontline", "--area", "area.geojson", "--from", "2020-02-01", "--to", "2020-02-06"],
                    {"area.geojson": data}, "area.geojson", names)
    data, names, invalid = _mutate(rng, rng.choice(corpus.geojson), st.json_document)
    return Case("geojson", files={"events.geojson": data}, primary="events.geojson", mutations=names,
                invalid=invalid, **_event_commands(rng, "events.geojson"))


def _example_reports(corpus):
    return {f"reports/{n}": v for n, v in corpus.examples.items()}


def overrides(rng, corpus):
    as_json = rng.random() < 0.5
    seed = corpus.overrides[1 if as_json else 0]
    if as_json:
        data, names, invalid = _mutate(rng, seed, st.json_lines)
    else:
        data, names, invalid = _mutate(rng, seed, st.csv_cell, {})
    name = "fixes.jsonl" if as_json else "fixes.csv"
    files = dict(_example_reports(corpus), **{name: data})
    if rng.random() < 0.3:
        return Case("overrides", ["map", "reports", "--out", "out", "--overrides", name], files, name, names,
                    invalid, out="out")
    return Case("overrides", ["extract", "reports", "--overrides", name, "--format", "csv"], files, name, names,
                invalid, stdout_format="csv")


def table(rng, corpus):
    data, names, invalid = _mutate(rng, corpus.control[0], st.csv_cell, st.CONTROL_INVALID)
    span = rng.choice([["--from", "2020-02-01", "--to", "2020-02-06"], ["--day", "2020-02-05"],
                       ["--from", "2020-01-25", "--to", "2020-03-05"]])
    argv = ["frontline", "--table", "control.csv"] + span + ["--format", rng.choice(["json", "geojson", "table"])]
    return Case("table", argv, {"control.csv": data}, "control.csv", names, invalid)


def control(rng, corpus):
    data, names, invalid = _mutate(rng, corpus.control[0], st.csv_cell, st.CONTROL_INVALID)
    if rng.random() < 0.08:
        data, names, invalid = b"", ["control-empty"], "an empty control table"
    files = dict(_example_reports(corpus), **{"control.csv": data})
    return Case("control", ["map", "reports", "--out", "out"], files, "control.csv", names, invalid, out="out",
                gazetteer_control="control.csv",
                probe=["frontline", "--table", "control.csv", "--from", "2020-02-01", "--to", "2020-02-06"])


# Command-line values: (value, why it is invalid or None).
KM = [("10", None), ("0", None), ("20000", None), ("0.001", None), ("1e-400", None), ("-0", None),
      ("0x10", "--km 0x10 (hexadecimal)"), ("nan", "--km nan"), ("inf", "--km inf"), ("-inf", "--km -inf"),
      ("-1", "--km -1"), ("20000.5", "--km beyond 20,000"), ("1e309", "--km 1e309"), ("9999999999", "--km beyond 20,000"),
      ("10km", None), ("", None), (" 10", None), ("\u0661\u0660", None), ("0X1p3", "--km 0X1p3 (hexadecimal)")]
COORD = [("36.8,35.86", None), ("-180,-90", None), ("180,90", None), ("0,0", None), ("-0,-0", None),
         ("179.9999999,89.9999999", None), ("181,0", "longitude 181"), ("0,91", "latitude 91"),
         ("nan,nan", "coordinates nan"), ("inf,0", "longitude inf"), ("1e309,0", "longitude 1e309"),
         ("36.8", None), ("36.8,35.8,1", "three coordinates"), ("0x10,0x10", "hexadecimal coordinates"),
         ("36,8;35,8", None), ("", None), (",", None), ("36.8 35.8", None), ("\x1b[2J36.8,35.8", None)]
DATE = [("2020-02-05", None), ("0001-01-01", None), ("9999-12-31", None), ("1970-01-01", None),
        ("2020-02-30", "date 2020-02-30"), ("0000-00-00", "date 0000-00-00"), ("2020-2-5", None),
        ("20200205", None), ("2020-02-05T00:00", None), ("-2020-01-01", None), ("+2020-01-01", None),
        ("2020-02-05\n", None), ("\uff12\uff10\uff12\uff10-\uff10\uff12-\uff10\uff15", None), ("", None),
        ("9999-12-32", None), ("\x1b]0;t\x07", None)]
NAME = [("Saraqeb", None), ("\x1b]0;fuzzed\x07Saraqeb", None), ("Sara\nqeb", None), ("=cmd|' /C calc'!A0", None),
        ("\ufffe", None), ("A" * 20000, None), ("%s%n", None), ("", None), (" ", None), ("Saraqeb\x7f", None),
        ("Idlib province", None), ("\u202eSaraqeb", None), ("Sar\u0000aqeb".replace("\u0000", ""), None)]
LIMIT = [("5", None), ("0", None), ("-1", "--limit -1"), ("99999999999999999999", None), ("1e3", None),
         ("0x5", None), ("9223372036854775807", None)]


def cli(rng, corpus):
    """A command with odd option values; the events are Output/events.csv, the report has no date."""
    files = {"events.csv": corpus.acled_csv[0], "r.txt": corpus.undated_reports[0]}
    reasons = []

    def val(values):
        """A value from a (value, why-invalid) list; the reasons of invalid ones are collected."""
        v, why = rng.choice(values)
        if why:
            reasons.append(why)
        return v

    shape = rng.randrange(12)
    if shape == 0:
        argv = ["near", "Saraqeb", "--km", val(KM), "--events", "events.csv"]
    elif shape == 1:
        at = val(COORD)
        argv = ["near"] + ([f"--at={at}"] if rng.random() < 0.5 else ["--at", at]) + ["--km", "10", "--events", "events.csv"]
    elif shape == 2:
        d1, d2 = val(DATE), val(DATE)
        if d1 > d2 and len(d1) == len(d2) == 10 and d1[4] == d2[4] == "-":
            reasons.append("--from after --to")
        argv = ["near", "Saraqeb", "--km", "25", "--events", "events.csv", "--from", d1, "--to", d2]
    elif shape == 3:
        argv = ["near", f"--at={val(COORD)}", "--km", val(KM), "--events", "events.csv", "--count"]
    elif shape == 4:
        argv = ["along", "M5", "--km", val(KM), "--events", "events.csv"]
    elif shape == 5:
        argv = ["distance", val(COORD + NAME), val(COORD + NAME)]
    elif shape == 6:
        argv = ["nearest", val(COORD), "--limit", val(LIMIT)]
    elif shape == 7:
        argv = ["places", "--near", val(COORD + NAME), "--km", val(KM)]
    elif shape == 8:
        argv = ["resolve", val(NAME)] + (["--context", val(NAME)] if rng.random() < 0.5 else []) + \
               (["--cue", rng.choice(["province", "village", "air base", "\x1b[2J", "", "=1"])] if rng.random() < 0.3 else [])
    elif shape == 9:
        argv = ["frontline", "--day", val(DATE)]
    elif shape == 10:
        d1, d2 = val(DATE), val(DATE)
        argv = ["frontline", "--from", d1, "--to", d2, "--format", "table"]
    else:
        cmd = rng.choice([["extract", "r.txt"], ["map", "r.txt", "--out", "out"]])
        argv = cmd + ["--date", val(DATE)]
    return Case("cli", argv, files, None, [f"cli-{argv[0]}"], "; ".join(reasons) or None,
                out="out" if argv[0] == "map" else None)


TARGETS = {
    "report": report,
    "sidecar": sidecar,
    "csv-acled": _csv_events("csv-acled", "acled_csv"),
    "csv-minimal": _csv_events("csv-minimal", "minimal_csv"),
    "jsonl": jsonl,
    "geojson": geojson,
    "overrides": overrides,
    "table": table,
    "control": control,
    "cli": cli,
}


def make_case(corpus, target: str, seed: int, index: int) -> Case:
    """Case `index` of the run seeded `seed` for `target`: the same numbers give the same case."""
    rng = random.Random(f"{seed}:{index}:{target}")
    case = TARGETS[target](rng, corpus)
    case.seed, case.index = seed, index
    return case
