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


SCENARIOS = {"out-is-input": out_is_input}


def run(info, folder, settings, work):
    """Runs the scenario named in `info`; an unknown name is reported, not skipped."""
    scenario = SCENARIOS.get(info["scenario"])
    if scenario is None:
        return True, f"unknown scenario {info['scenario']!r} (see Tests/Fuzz/fuzzlib/scenarios.py)"
    return scenario(info, folder, settings, work)
