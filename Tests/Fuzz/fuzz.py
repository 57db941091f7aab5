#!/usr/bin/env python3
"""Fuzzes the built `placemap` binary (issue 15): seeded, reproducible mutations of every input format
(reports, sidecars, event CSV, JSON Lines, GeoJSON, overrides, control tables, command-line values),
each run with a time limit and sorted into crash, hang, error-lines, injection and silent findings.

    python3 Tests/Fuzz/fuzz.py [--count N] [--seed S] [--jobs J] [--report-only]
    python3 Tests/Fuzz/fuzz.py --case I --seed S            # one case again, with its output
    python3 Tests/Fuzz/fuzz.py --replay DIR...              # finding folders or Tests/Fuzz/cases

Findings go to .build/fuzz/findings/<kind>/<hash>/ (input files, case.json with the command line,
stderr.txt); the first of each cause is minimised. The exit status is 1 when a crash or hang was found
(unless --report-only), 2 when the binary is missing."""

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)

from fuzzlib import classify, findings, reproducers, scenarios, seeds, targets, workspace  # noqa: E402

FAILING_KINDS = ("crash", "hang")


def arguments(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--binary", default=os.environ.get("PLACEMAP") or os.path.join(REPO, ".build", "debug", "placemap"),
                   help="the placemap binary (default: $PLACEMAP, else .build/debug/placemap)")
    p.add_argument("--count", "-n", type=int, default=300, help="inputs to run, spread over the formats (default 300)")
    p.add_argument("--seed", type=int, default=1, help="the seed: the same seed and commit give the same inputs")
    p.add_argument("--formats", default="", help=f"comma-separated subset of: {', '.join(targets.TARGETS)}")
    p.add_argument("--timeout", type=float, default=10, help="seconds a run may take before it counts as a hang")
    p.add_argument("--memory-mb", type=int, default=4096, help="address-space limit of a run (0: none)")
    p.add_argument("--jobs", "-j", type=int, default=1, help="runs at once")
    p.add_argument("--budget", type=float, default=0, help="stop starting new inputs after this many seconds (0: none)")
    p.add_argument("--report-only", action="store_true", help="exit 0 even when a crash or hang was found")
    p.add_argument("--no-minimise", dest="minimise", action="store_false", help="keep findings as found")
    p.add_argument("--minimise-seconds", type=float, default=30, help="time spent shrinking each new cause")
    p.add_argument("--keep-per-cause", type=int, default=3, help="finding folders written per cause")
    p.add_argument("--out-dir", default=os.path.join(REPO, ".build", "fuzz"), help="where findings and the summary go")
    p.add_argument("--case", type=int, help="run only this input index and show what it did")
    p.add_argument("--replay", nargs="+", metavar="DIR", help="run saved cases again and say which still fail")
    p.add_argument("--write-cases", metavar="DIR", help="write the issue's reproducers into DIR (Tests/Fuzz/cases)")
    return p.parse_args(argv)


class Tally:
    """Counts per format and per cause, shared by the worker threads."""

    def __init__(self, formats):
        self.lock = threading.Lock()
        self.inputs = {f: 0 for f in formats}
        self.kinds = {f: {k: 0 for k in classify.KINDS} for f in formats}
        self.causes = {}  # signature -> {kind, sub, count, targets, folders, detail}

    def claim(self, finding, target) -> bool:
        """Counts one case of `finding`'s cause; True for the first case of a cause."""
        with self.lock:
            cause = self.causes.get(finding.signature)
            if cause is None:
                self.causes[finding.signature] = {"kind": finding.kind, "sub": finding.sub, "count": 1,
                                                  "targets": {target}, "folders": [], "detail": finding.detail}
                return True
            cause["count"] += 1
            cause["targets"].add(target)
            return False

    def folder(self, finding, keep: int) -> bool:
        with self.lock:
            return len(self.causes[finding.signature]["folders"]) < keep

    def add_folder(self, finding, folder):
        with self.lock:
            self.causes[finding.signature]["folders"].append(folder)


def run_one(index, formats, corpus, settings, args, tally, work, found_dir, started):
    if args.budget and time.monotonic() - started > args.budget:
        return None
    target = formats[index % len(formats)]
    case = targets.make_case(corpus, target, args.seed, index)
    folder = tempfile.mkdtemp(dir=work)
    try:
        result, found = workspace.run_case(case, folder, settings)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    with tally.lock:
        tally.inputs[target] += 1
        for kind in {f.kind for f in found}:
            tally.kinds[target][kind] += 1
    for f in found:
        first = tally.claim(f, target)
        if not tally.folder(f, args.keep_per_cause):
            continue
        saved_case, saved_result, original = case, result, None
        if first and args.minimise:
            smaller = findings.minimise(case, f, settings, work, args.minimise_seconds)
            if smaller is not case:
                check = tempfile.mkdtemp(dir=work)
                try:
                    smaller_result, again = workspace.run_case(smaller, check, settings)
                finally:
                    shutil.rmtree(check, ignore_errors=True)
                if any(g.signature == f.signature for g in again):
                    original = len(case.files[case.primary])
                    saved_case, saved_result = smaller, smaller_result
        path = findings.save(saved_case, f, saved_result, found_dir, original)
        tally.add_folder(f, path)
        if first:
            print(f"  [{index}] new {f.kind} ({target}): {f.signature[:110]}\n        -> {os.path.relpath(path, REPO)}",
                  flush=True)
    return target


def summary(tally, formats, seconds, args) -> str:
    cols = ("inputs",) + classify.KINDS
    lines = [f"placemap fuzz: seed {args.seed}, {sum(tally.inputs.values())} inputs in {seconds:.0f} s "
             f"(time limit {args.timeout:g} s a run)", "",
             f"{'format':<12}" + "".join(f"{c:>13}" for c in cols)]
    total = {c: 0 for c in cols}
    for fmt in formats:
        row = {"inputs": tally.inputs[fmt], **tally.kinds[fmt]}
        for c in cols:
            total[c] += row[c]
        lines.append(f"{fmt:<12}" + "".join(f"{row[c]:>13}" for c in cols))
    lines.append(f"{'total':<12}" + "".join(f"{total[c]:>13}" for c in cols))
    lines += ["", "(a column counts the inputs with at least one finding of that kind)", "",
              f"distinct causes: {len(tally.causes)}"]
    order = {k: i for i, k in enumerate(classify.KINDS)}
    for sig, c in sorted(tally.causes.items(), key=lambda kv: (order[kv[1]["kind"]], -kv[1]["count"])):
        where = os.path.relpath(c["folders"][0], REPO) if c["folders"] else "-"
        lines.append(f"  {c['kind']:<11} {c['count']:>5}x  [{', '.join(sorted(c['targets']))}] {sig[:140]}")
        lines.append(f"  {'':<11}        e.g. {where}")
    return "\n".join(lines)


def fuzz(args) -> int:
    corpus = seeds.Corpus(REPO)
    formats = [f for f in (args.formats.split(",") if args.formats else targets.TARGETS) if f]
    unknown = [f for f in formats if f not in targets.TARGETS]
    if unknown:
        print(f"fuzz: unknown format {', '.join(unknown)} (known: {', '.join(targets.TARGETS)})", file=sys.stderr)
        return 2
    settings = workspace.Settings(os.path.abspath(args.binary), os.path.join(REPO, "Gazetteer"), args.timeout,
                                  args.memory_mb)
    found_dir, work = os.path.join(args.out_dir, "findings"), os.path.join(args.out_dir, "work")
    if args.case is not None:
        return show_case(args, corpus, formats, settings, work)
    for d in (found_dir, work):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    tally = Tally(formats)
    started = time.monotonic()
    print(f"fuzzing {args.binary} with {args.count} inputs over {len(formats)} formats (seed {args.seed}, "
          f"{args.jobs} at once)", flush=True)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        jobs = [pool.submit(run_one, i, formats, corpus, settings, args, tally, work, found_dir, started)
                for i in range(args.count)]
        for n, job in enumerate(jobs, start=1):
            job.result()
            if n % 100 == 0:
                print(f"  {n}/{args.count} inputs", flush=True)
    text = summary(tally, formats, time.monotonic() - started, args)
    print("\n" + text)
    with open(os.path.join(args.out_dir, "summary.txt"), "w", encoding="utf-8") as f:
        f.write(text + "\n")
    with open(os.path.join(args.out_dir, "summary.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": args.seed, "inputs": tally.inputs, "kinds": tally.kinds,
                   "causes": {s: dict(c, targets=sorted(c["targets"])) for s, c in tally.causes.items()}},
                  f, indent=1, ensure_ascii=True)
    shutil.rmtree(work, ignore_errors=True)
    failing = sum(tally.kinds[f][k] for f in formats for k in FAILING_KINDS)
    if failing and not args.report_only:
        print(f"\nfuzz: {failing} inputs crashed or hung", file=sys.stderr)
        return 1
    return 0


def show_case(args, corpus, formats, settings, work) -> int:
    """Runs one input index and prints its command, mutations, exit and findings."""
    os.makedirs(work, exist_ok=True)
    case = targets.make_case(corpus, formats[args.case % len(formats)], args.seed, args.case)
    folder = tempfile.mkdtemp(dir=work)
    result, found = workspace.run_case(case, folder, settings)
    print(f"case {args.case} ({case.target}), mutations {case.mutations}, invalid: {case.invalid}")
    print(f"  folder: {folder}\n  command: {findings.command_line(case)}")
    print(f"  exit {result.returncode} in {result.seconds:.2f} s; stderr: {result.stderr[:600]!r}")
    for f in found:
        print(f"  {f.kind} ({f.sub}): {f.signature}\n      {f.detail}")
    return 1 if any(f.kind in FAILING_KINDS for f in found) else 0


def replay(args) -> int:
    """Runs saved cases again: each says whether its finding still shows."""
    settings = workspace.Settings(os.path.abspath(args.binary), os.path.join(REPO, "Gazetteer"), args.timeout,
                                  args.memory_mb)
    folders = []
    for path in args.replay:
        for root, dirs, files in os.walk(path):
            if "case.json" in files:
                folders.append(root)
                dirs[:] = []
            dirs.sort()
    work = os.path.join(args.out_dir, "work")
    os.makedirs(work, exist_ok=True)
    still = 0
    for folder in sorted(folders):
        with open(os.path.join(folder, "case.json"), encoding="utf-8") as f:
            info = json.load(f)
        name = os.path.relpath(folder, REPO)
        if "scenario" in info:
            shows, what = scenarios.run(info, folder, settings, work)
        else:
            case = findings.load(folder)
            scratch = tempfile.mkdtemp(dir=work)
            try:
                _, found = workspace.run_case(case, scratch, settings)
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
            same = [f for f in found if f.kind == info["kind"] and f.signature == info.get("signature")]
            shows = bool(same) or any(f.kind == info["kind"] for f in found)
            what = (same or [f for f in found if f.kind == info["kind"]] or found or [None])[0]
            what = f"{what.kind}: {what.detail}" if what else "clean"
        still += shows
        print(f"{'STILL FAILS' if shows else 'fixed      '}  {name}: {what[:150]}")
    print(f"\n{still} of {len(folders)} cases still fail")
    return 1 if still and not args.report_only else 0


def write_cases(args) -> int:
    """Writes the issue's reproducers as case folders and says which reproduce now."""
    settings = workspace.Settings(os.path.abspath(args.binary), os.path.join(REPO, "Gazetteer"), args.timeout,
                                  args.memory_mb)
    work = os.path.join(args.out_dir, "work")
    os.makedirs(work, exist_ok=True)
    results = reproducers.write(seeds.Corpus(REPO), args.write_cases, settings, work)
    for name, still, what in results:
        print(f"{'reproduced    ' if still else 'not reproduced'}  {name}: {what[:150]}")
    return 0


def main(argv=None) -> int:
    args = arguments(argv)
    if not (os.path.isfile(args.binary) and os.access(args.binary, os.X_OK)):
        print(f"fuzz: no placemap binary at {args.binary} (run `swift build`, or set PLACEMAP=)", file=sys.stderr)
        return 2
    if args.replay:
        return replay(args)
    if args.write_cases:
        return write_cases(args)
    return fuzz(args)


if __name__ == "__main__":
    sys.exit(main())
