#!/usr/bin/env python3
"""The kill test of `placemap map` (issue 15): --out must always hold either the complete old output or
the complete new one, byte for byte, and no staging folder may outlive its run.

    python3 Tests/Fuzz/killtest.py [--kills 20] [--events 5000] [--report-only]

1. Two event files are made (../shared/bench/gen_events.py when present, which needs numpy; else a
   synthetic CSV of the same columns), and `map` runs once on each into fresh folders: the reference
   old and new outputs (each run twice, to check that the output is deterministic).
2. SIGKILL at random moments: --out starts as the old output, `map NEW --out` is killed after a random
   delay within its reference time; --out is then compared with both references (hash of every file),
   staging folders are looked for, and `map NEW` runs again to completion: it must leave no staging.
3. SIGKILL at each publishing rename (through the LD_PRELOAD shim killshim.c, built with cc into
   .build/fuzz/): just before each rename that moves staged output into place, and just after the last.
4. A publish that fails midway (a folder where the new map.svg goes): one error line, and every other
   file still old. SIGTERM and SIGINT at random moments: the run must leave no staging folder.
5. Two runs into one --out at once (old and new input): started together, and (through the shim) with
   the first run's publishing renames held back and the second run started as the first begins to
   publish, so that their publishing steps overlap. --out must then equal one reference.

Exit status 1 when --out was ever neither old nor new, or a staging folder was left (unless
--report-only); 2 when the binary is missing. Figures go to stdout and .build/fuzz/killtest.json."""

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)

from fuzzlib import runner  # noqa: E402

GEN = os.path.normpath(os.path.join(REPO, "..", "shared", "bench", "gen_events.py"))
STAGING = "placemap-staging"


def arguments(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--binary", default=os.environ.get("PLACEMAP") or os.path.join(REPO, ".build", "debug", "placemap"))
    p.add_argument("--kills", "-n", type=int, default=20, help="SIGKILLs at random moments (default 20)")
    p.add_argument("--rename-kills", type=int, default=-1,
                   help="SIGKILLs at publishing renames: -1 = before each one and after the last (default), "
                        "N = N of them spread evenly, 0 = none")
    p.add_argument("--signals", type=int, default=3, help="SIGTERMs and as many SIGINTs (default 3 each)")
    p.add_argument("--concurrent", type=int, default=5, help="pairs of simultaneous runs, plain and slowed (default 5 each)")
    p.add_argument("--events", type=int, default=5000, help="events in each input (default 5000)")
    p.add_argument("--seed", type=int, default=1, help="seed of the kill moments")
    p.add_argument("--report-only", action="store_true", help="exit 0 whatever was found")
    p.add_argument("--work", default=os.path.join(REPO, ".build", "fuzz", "killtest"))
    return p.parse_args(argv)


# ---------------------------------------------------------------- inputs and trees

def make_events(path: str, count: int, seed: int) -> str:
    """Writes `count` events to `path`; returns where they came from."""
    if os.path.isfile(GEN):
        r = subprocess.run([sys.executable, GEN, str(count), str(seed), path], capture_output=True)
        if r.returncode == 0:
            return "gen_events.py"
        print(f"  gen_events.py failed ({r.stderr.decode(errors='replace').strip()[-120:]}); writing synthetic events")
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write("id,date,lon,lat,type,place,fatalities,source\n")
        for i in range(count):
            day = 1 + rng.randrange(120)
            f.write(f"{i + 1},2019-{6 + (day - 1) // 30:02d}-{1 + (day - 1) % 30:02d},{35.7 + rng.random() * 2.3:.6f},"
                    f"{34.8 + rng.random() * 2.0:.6f},Battles,Saraqeb,{rng.randrange(5)},\"Monitor, wire\"\n")
    return "synthetic"


def tree(path: str) -> dict:
    """Every file below `path` (staging folders left out) -> sha256 of its bytes."""
    out = {}
    if not os.path.isdir(path):
        return out
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if STAGING not in d)
        for name in files:
            if STAGING in name:
                continue
            full = os.path.join(root, name)
            with open(full, "rb") as f:
                out[os.path.relpath(full, path)] = hashlib.sha256(f.read()).hexdigest()
    return out


def staging_left(out: str) -> list:
    """Staging folders or files in --out and beside it."""
    found = []
    for folder in (out, os.path.dirname(out)):
        if os.path.isdir(folder):
            found += [os.path.join(folder, n) for n in os.listdir(folder) if STAGING in n]
    return sorted(found)


def size_of(paths: list) -> int:
    total = 0
    for p in paths:
        for root, _, files in os.walk(p):
            for n in files:
                try:
                    total += os.lstat(os.path.join(root, n)).st_size
                except OSError:
                    pass
    return total


def compare(path: str, old: dict, new: dict) -> tuple:
    """("old" | "new" | "mixed", detail) for the tree at `path`."""
    now = tree(path)
    if now == old:
        return "old", ""
    if now == new:
        return "new", ""
    same_old = sum(1 for k, v in now.items() if old.get(k) == v and new.get(k) != v)
    same_new = sum(1 for k, v in now.items() if new.get(k) == v and old.get(k) != v)
    both = sum(1 for k, v in now.items() if old.get(k) == v == new.get(k))
    absent = sum(1 for k in new if k not in now)
    other = sum(1 for k, v in now.items() if v not in (old.get(k), new.get(k)))
    no_days = not any(k.startswith("days/") for k in now)
    return "mixed", (f"{same_new} files new, {same_old} old, {both} alike in both, {absent} of the new output's "
                     f"files absent, {other} in neither" + (", no days/ folder" if no_days else ""))


# ---------------------------------------------------------------- runs

class Runs:
    """Starting `map` runs on one --out, with the shim when asked."""

    def __init__(self, binary: str, work: str, shim: str | None):
        self.binary, self.work, self.shim = binary, work, shim

    def env(self, extra=None) -> dict:
        """The run's environment; `extra` holds the shim's settings, and the shim is preloaded only then."""
        env = runner.environment()
        if extra:
            env.update(extra)
            if self.shim:
                env["LD_PRELOAD"] = self.shim
        return env

    def start(self, source: str, out: str, extra=None) -> subprocess.Popen:
        return subprocess.Popen([self.binary, "map", source, "--out", out], cwd=self.work, env=self.env(extra),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)

    def complete(self, source: str, out: str, extra=None) -> tuple:
        """Runs to the end; (exit status, stderr, seconds)."""
        t = time.monotonic()
        p = self.start(source, out, extra)
        _, err = p.communicate()
        return p.returncode, err.decode("utf-8", "replace"), time.monotonic() - t


def reset(out: str, reference: str | None):
    """--out as the old output (a copy of `reference`), or absent; a fresh parent folder each time."""
    parent = os.path.dirname(out)
    shutil.rmtree(parent, ignore_errors=True)
    os.makedirs(parent)
    if reference:
        shutil.copytree(reference, out, symlinks=True)


def build_shim(work: str) -> str | None:
    """Compiles killshim.c into work/killshim.so with the system's C compiler; None without one."""
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if not cc:
        return None
    so = os.path.join(work, "killshim.so")
    r = subprocess.run([cc, "-shared", "-fPIC", "-O2", "-o", so, os.path.join(HERE, "killshim.c"), "-ldl"],
                       capture_output=True)
    if r.returncode != 0:
        print(f"  the shim does not build: {r.stderr.decode(errors='replace').strip()[:200]}")
        return None
    return so


# ---------------------------------------------------------------- the test

def main(argv=None) -> int:
    args = arguments(argv)
    binary = os.path.abspath(args.binary)
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        print(f"killtest: no placemap binary at {binary} (run `swift build`, or set PLACEMAP=)", file=sys.stderr)
        return 2
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    rng = random.Random(args.seed)
    shim = build_shim(work)
    runs = Runs(binary, work, shim)
    report = {"events": args.events}

    old_csv, new_csv = os.path.join(work, "old.csv"), os.path.join(work, "new.csv")
    origin = make_events(old_csv, args.events, 42)
    make_events(new_csv, args.events, 43)
    refs = {}
    for name, source in (("old", old_csv), ("new", new_csv)):
        trees, fastest = [], float("inf")
        for attempt in (1, 2):
            folder = os.path.join(work, f"ref-{name}-{attempt}", "out")
            reset(folder, None)
            status, err, seconds = runs.complete(source, folder)
            if status != 0:
                print(f"killtest: the reference run on {name} input failed (exit {status}): {err.strip()[:300]}",
                      file=sys.stderr)
                return 2
            trees.append(tree(folder))
            fastest = min(fastest, seconds)
        if trees[0] != trees[1]:
            print(f"killtest: two runs on the {name} input wrote different bytes; the test needs a deterministic "
                  "output", file=sys.stderr)
            return 2
        refs[name] = (os.path.join(work, f"ref-{name}-1", "out"), trees[0], fastest)
    old_dir, old_tree, _ = refs["old"]
    _, new_tree, reference_seconds = refs["new"]  # the faster of two runs
    print(f"kill test: {args.events} events a run ({origin}), {len(new_tree)} output files, reference run "
          f"{reference_seconds:.2f} s; shim: {'yes' if shim else 'no (no C compiler): rename kills skipped'}")
    out = os.path.join(work, "trial", "out")
    failures = 0

    def after_kill(label: str) -> dict:
        """Compares --out, looks for staging, runs again to completion and looks again."""
        state, detail = compare(out, old_tree, new_tree)
        left = staging_left(out)
        left_bytes = size_of(left)
        status, err, _ = runs.complete(new_csv, out)
        left_next = staging_left(out)
        state_next, _ = compare(out, old_tree, new_tree)
        return {"trial": label, "state": state, "detail": detail, "staging_after_kill": len(left),
                "staging_bytes": left_bytes, "next_run_exit": status, "staging_after_next_run": len(left_next),
                "state_after_next_run": state_next}

    # SIGKILL at random moments within the run's length. The machine's load changes that length: a run
    # that ends before its kill shortens the estimate and is drawn again (at most three times as many
    # runs as kills).
    random_trials, estimate, ended_first = [], reference_seconds, 0
    for attempt in range(3 * args.kills):
        if len(random_trials) == args.kills:
            break
        reset(out, old_dir)
        delay = rng.uniform(0, estimate)
        started = time.monotonic()
        p = runs.start(new_csv, out)
        time.sleep(delay)
        if p.poll() is not None:
            estimate = min(estimate, time.monotonic() - started)
            ended_first += 1
            continue
        runner.kill_group(p.pid)
        p.wait()
        random_trials.append(dict(after_kill(f"random {len(random_trials) + 1} at {delay:.2f} s"), delay=round(delay, 3)))
    report["random"] = random_trials
    report["random_ended_before_kill"] = ended_first
    print(tally_line(f"SIGKILL at random moments ({len(random_trials)}; {ended_first} more runs ended before their "
                     "kill and were drawn again)", random_trials))

    # SIGKILL at publishing renames
    rename_trials = []
    if shim and args.rename_kills != 0:
        log = os.path.join(work, "renames.log")
        reset(out, old_dir)
        runs.complete(new_csv, out, {"PLACEMAP_RENAME_LOG": log})
        with open(log, encoding="utf-8") as f:
            renames = [line.rstrip("\n") for line in f]
        points = [("before", k) for k in range(1, len(renames) + 1)] + [("after", len(renames))]
        if args.rename_kills > 0 and args.rename_kills < len(points):
            step = (len(points) - 1) / max(1, args.rename_kills - 1)
            points = [points[round(i * step)] for i in range(args.rename_kills)]
        for when, k in points:
            reset(out, old_dir)
            key = "PLACEMAP_KILL_AT_RENAME" if when == "before" else "PLACEMAP_KILL_AFTER_RENAME"
            status, _, _ = runs.complete(new_csv, out, {key: str(k)})
            target = renames[k - 1].split(" -> ")[-1] if k <= len(renames) else "?"
            rename_trials.append(dict(after_kill(f"{when} rename {k} of {len(renames)} (to {os.path.basename(target)})"),
                                      killed=status == -signal.SIGKILL))
        report["renames"] = renames
        print(tally_line(f"SIGKILL at publishing renames ({len(renames)} renames, {len(rename_trials)} kills)",
                         rename_trials))
    report["rename"] = rename_trials

    # A publish that fails midway: one file of the old output is a folder (a name the new file cannot
    # take). The run must either fail with one line and leave every other file of the old output as it
    # was, or (swapping the whole folder) put the whole new output in place.
    reset(out, old_dir)
    blocked = "map.svg"
    os.remove(os.path.join(out, blocked))
    os.makedirs(os.path.join(out, blocked, "in-the-way"))
    status, err, _ = runs.complete(new_csv, out)
    now = tree(out)
    others = {k: v for k, v in old_tree.items() if k != blocked}
    replaced = sum(1 for k, v in others.items() if now.get(k) == new_tree.get(k) != v)
    kept = sum(1 for k, v in others.items() if now.get(k) == v)
    # Whole: refused with the old output kept, or (a publish that swaps the folder) the whole new output.
    whole = (status != 0 and kept == len(others)) or (status == 0 and now == new_tree)
    report["blocked"] = {"exit": status, "error": err.strip()[:300], "files_replaced": replaced,
                         "files_kept": kept, "files": len(others), "whole": whole,
                         "staging_after": len(staging_left(out))}
    print(f"publish blocked at {blocked} (a folder in the way): exit {status}; of the {len(others)} other files "
          f"{kept} old, {replaced} already new; staging left: {len(staging_left(out))}")

    # SIGTERM and SIGINT
    signal_trials = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        for i in range(args.signals):
            reset(out, old_dir)
            delay = rng.uniform(0.1, 0.9) * reference_seconds
            p = runs.start(new_csv, out)
            time.sleep(delay)
            os.kill(p.pid, sig)
            try:
                p.wait(timeout=60)
            except subprocess.TimeoutExpired:
                runner.kill_group(p.pid)
                p.wait()
            state, detail = compare(out, old_tree, new_tree)
            left = staging_left(out)
            signal_trials.append({"trial": f"{sig.name} {i + 1} at {delay:.2f} s", "exit": p.returncode,
                                  "state": state, "detail": detail, "staging_after_kill": len(left),
                                  "staging_bytes": size_of(left)})
    report["signals"] = signal_trials
    for name in ("SIGTERM", "SIGINT"):
        rows = [t for t in signal_trials if t["trial"].startswith(name)]
        print(f"{name} at random moments ({len(rows)}): "
              f"{sum(t['state'] == 'old' for t in rows)} old, {sum(t['state'] == 'new' for t in rows)} new, "
              f"{sum(t['state'] == 'mixed' for t in rows)} mixed; staging left by "
              f"{sum(t['staging_after_kill'] > 0 for t in rows)}")

    # two runs at once
    concurrent_trials = []
    for slowed in (False, True):
        if slowed and not shim:
            continue
        for i in range(args.concurrent):
            reset(out, None)
            if slowed:
                # The first run publishes slowly (each rename held long enough that its publishing step
                # lasts about three reference runs); the second starts when the first begins to publish,
                # so it publishes in the middle of the first's step.
                log = os.path.join(work, "concurrent-renames.log")
                if os.path.exists(log):
                    os.remove(log)
                hold = int(reference_seconds * 1000 / 6) + 100
                a = runs.start(old_csv, out, {"PLACEMAP_RENAME_DELAY_MS": str(hold), "PLACEMAP_RENAME_LOG": log})
                while not os.path.exists(log) and a.poll() is None:
                    time.sleep(0.005)
                b = runs.start(new_csv, out)
            else:
                a = runs.start(old_csv, out)
                time.sleep(rng.uniform(0, 0.05))
                b = runs.start(new_csv, out)
            _, ea = a.communicate()
            _, eb = b.communicate()
            state, detail = compare(out, old_tree, new_tree)
            ok = (state == "old" and a.returncode == 0) or (state == "new" and b.returncode == 0)
            concurrent_trials.append({"trial": f"{'slowed' if slowed else 'plain'} {i + 1}", "exits": [a.returncode, b.returncode],
                                      "state": state, "detail": detail, "whole": ok,
                                      "errors": [e.decode("utf-8", "replace").strip()[:300] for e in (ea, eb)],
                                      "staging_after": len(staging_left(out))})
    report["concurrent"] = concurrent_trials
    for kind in ("plain", "slowed"):
        rows = [t for t in concurrent_trials if t["trial"].startswith(kind)]
        if rows:
            print(f"two runs at once, {kind}{' (the second starts as the first publishes, slowly)' if kind == 'slowed' else ''} "
                  f"({len(rows)}): {sum(t['whole'] for t in rows)} whole, {sum(not t['whole'] for t in rows)} mixed or "
                  f"refused wrongly; exits {[t['exits'] for t in rows]}")

    failures = sum(t["state"] == "mixed" or t["staging_after_next_run"] > 0 for t in random_trials + rename_trials)
    failures += sum(t["staging_after_kill"] > 0 or t["state"] == "mixed" for t in signal_trials)
    failures += sum(not t["whole"] or t["staging_after"] > 0 for t in concurrent_trials)
    failures += int(not report["blocked"]["whole"] or report["blocked"]["staging_after"] > 0)
    report["failures"] = failures
    with open(os.path.join(os.path.dirname(work), "killtest.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
    print(f"\nkill test: {failures} failing trials; details in .build/fuzz/killtest.json")
    for t in rename_trials + random_trials:
        if t["state"] == "mixed":
            print(f"  {t['trial']}: {t['detail']}")
    return 1 if failures and not args.report_only else 0


def tally_line(title: str, trials: list) -> str:
    return (f"{title}: {sum(t['state'] == 'old' for t in trials)} old, {sum(t['state'] == 'new' for t in trials)} new, "
            f"{sum(t['state'] == 'mixed' for t in trials)} mixed; staging left after the kill: "
            f"{sum(t['staging_after_kill'] > 0 for t in trials)} "
            f"({sum(t['staging_bytes'] for t in trials) / 1e6:.1f} MB); still there after the next run: "
            f"{sum(t['staging_after_next_run'] > 0 for t in trials)}")


if __name__ == "__main__":
    sys.exit(main())
