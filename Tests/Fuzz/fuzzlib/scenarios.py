"""Committed cases that are more than one run of one command (case.json has "scenario"): each returns
(still_fails, what_happened)."""

import os
import shutil
import tempfile

from . import runner


def out_is_input(info, folder, settings, work):
    """`map DIR --out DIR`, then a new report put into DIR and the same command again. It should be an
    error at once (--out equal to an input folder); the bug: both runs succeed and the second reads its
    own events.geojson back, ignoring the new report and dropping the statements."""
    scratch = tempfile.mkdtemp(dir=work)
    try:
        data = os.path.join(scratch, "data")
        shutil.copytree(os.path.join(folder, "reports"), data)
        first = runner.run(settings.binary, ["map", "data", "--out", "data"], scratch, settings.timeout, settings.memory_mb)
        if first.returncode != 0:
            return False, f"first run refused (exit {first.returncode}): {first.stderr.decode('utf-8', 'replace').strip()[:120]}"
        for name in os.listdir(os.path.join(folder, "later")):
            shutil.copy(os.path.join(folder, "later", name), data)
        second = runner.run(settings.binary, ["map", "data", "--out", "data"], scratch, settings.timeout, settings.memory_mb)
        with open(os.path.join(data, "events.csv"), encoding="utf-8", errors="replace") as f:
            csv_text = f.read()
        with open(os.path.join(data, "statements.jsonl"), encoding="utf-8", errors="replace") as f:
            statements = sum(1 for line in f if line.strip())
        later = sorted(os.listdir(os.path.join(folder, "later")))
        ignored = [n for n in later if n.endswith(".txt") and n not in csv_text]
        return True, (f"both runs exit {first.returncode}/{second.returncode}; after the second, "
                      f"{len(ignored)} of {len([n for n in later if n.endswith('.txt')])} new reports are not in "
                      f"events.csv and statements.jsonl holds {statements} statements")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def growth(info, folder, settings, work):
    """`extract` on a generated report (scaling.py's shape `make`) at two sizes: linear work grows as
    the size; still failing when the time grows more than twice as fast (four times the size, more
    than eight times the time). A timing, so a measurement to read, not a unit test."""
    import scaling  # Tests/Fuzz is on the path (fuzz.py puts it there)
    small, large = info["sizes"]
    seconds = []
    scratch = tempfile.mkdtemp(dir=work)
    try:
        for n in (small, large):
            path = os.path.join(scratch, f"r{n}.txt")
            with open(path, "wb") as f:
                f.write(scaling.report(info["make"], n))
            r = runner.run(settings.binary, ["extract", path], scratch, 600, settings.memory_mb)
            if r.timed_out or r.returncode != 0:
                return True, f"size {n}: {'no exit within 600 s' if r.timed_out else f'exit {r.returncode}'}"
            seconds.append(r.seconds)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    ratio = seconds[1] / max(seconds[0], 1e-6)
    return ratio > 2 * large / small, (f"{info['make']}: size {small} {seconds[0]:.2f} s, size {large} "
                                       f"{seconds[1]:.2f} s: x{ratio:.1f} for x{large / small:g} the size")


def killtest(info, folder, settings, work):
    """A focused run of killtest.py (its figures in .build/fuzz/.../killtest.json); `check` names the
    property: rename-kill-mixed, staging-after-kill, staging-after-signal, concurrent-mixed,
    blocked-midway (the kill test always runs that one trial)."""
    import contextlib
    import io
    import json
    import killtest as kt  # Tests/Fuzz is on the path
    scratch = tempfile.mkdtemp(dir=work)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            status = kt.main(info["args"] + ["--report-only", "--binary", settings.binary,
                                             "--work", os.path.join(scratch, "kt")])
        if status != 0:
            return True, f"the kill test could not run (exit {status})"
        with open(os.path.join(scratch, "killtest.json"), encoding="utf-8") as f:
            figures = json.load(f)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    check = info["check"]
    if check == "rename-kill-mixed":
        bad = [t for t in figures["rename"] if t["state"] == "mixed"]
        return bool(bad), f"{len(bad)} of {len(figures['rename'])} kills at publishing renames left --out mixed" + (
            f"; e.g. {bad[0]['trial']}: {bad[0]['detail']}" if bad else "")
    if check == "staging-after-kill":
        trials = figures["random"] + figures["rename"]
        bad = [t for t in trials if t["staging_after_next_run"] > 0]
        return bool(bad), f"{len(bad)} of {len(trials)} kills left a staging folder that the next run kept"
    if check == "staging-after-signal":
        bad = [t for t in figures["signals"] if t["staging_after_kill"] > 0]
        return bool(bad), f"{len(bad)} of {len(figures['signals'])} SIGTERM/SIGINT runs left their staging folder"
    if check == "concurrent-mixed":
        bad = [t for t in figures["concurrent"] if not t["whole"]]
        return bool(bad), f"{len(bad)} of {len(figures['concurrent'])} pairs of runs left --out mixed" + (
            f"; e.g. {bad[0]['trial']}: {bad[0]['detail']}" if bad else "")
    if check == "blocked-midway":
        b = figures["blocked"]
        return not b["whole"], (f"exit {b['exit']}; of the {b['files']} files besides the blocked one, {b['files_kept']} "
                                f"old and {b['files_replaced']} already new")
    return True, f"unknown kill-test check {check!r}"


SCENARIOS = {"out-is-input": out_is_input, "growth": growth, "killtest": killtest}


def run(info, folder, settings, work):
    """Runs the scenario named in `info`; an unknown name is reported, not skipped."""
    scenario = SCENARIOS.get(info["scenario"])
    if scenario is None:
        return True, f"unknown scenario {info['scenario']!r} (see Tests/Fuzz/fuzzlib/scenarios.py)"
    return scenario(info, folder, settings, work)
