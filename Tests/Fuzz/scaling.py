#!/usr/bin/env python3
"""How `placemap extract` time grows with the length of one report (issue 15: a report of 10^5
sentences must not hang; extraction should stay linear in the text).

    python3 Tests/Fuzz/scaling.py [--sizes 1000,10000,100000] [--timeout 300] [--shapes varied,repeated]

Shapes: `varied` cycles the harness's sentence templates over places, weekdays and counts (events
spread over many places); `repeated` is one sentence said N times (one event told N times, which the
merging step folds into one event with N sources); `dashes` and `place-words` are one sentence holding
N dashes or the name Saraqeb N times (two shapes the fuzzer found slow). Reports are written here, in
the project's words.
Prints one row per size: bytes, seconds (or "> timeout"), and the growth against the previous size.
A measurement, not a test: it reports and exits 0 (2 when the binary is missing)."""

import argparse
import os
import random
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)

from fuzzlib import runner, seeds  # noqa: E402


SHAPES = ("varied", "repeated", "dashes", "place-words")


def report(shape: str, n: int) -> bytes:
    """A dated report of size `n` in one of SHAPES: `n` sentences (varied or one repeated), or one
    sentence holding a run of `n` dashes or the place name Saraqeb `n` times."""
    head = " date 2020-02-06 BEIRUT -- "
    if shape == "varied":
        return seeds.report(random.Random(f"scaling:{shape}:{n}"), n).encode()
    if shape == "repeated":
        one = seeds.sentence(random.Random("scaling:one"))
        return (head + " ".join([one] * n) + "\n").encode()
    if shape == "dashes":
        return (head + "Troops took Saraqeb on Monday, " + "-" * n + " and 3 people died.\n").encode()
    if shape == "place-words":
        return (head + "Troops took " + "Saraqeb " * n + "on Monday.\n").encode()
    raise ValueError(f"unknown shape {shape!r} (known: {', '.join(SHAPES)})")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--binary", default=os.environ.get("PLACEMAP") or os.path.join(REPO, ".build", "debug", "placemap"))
    p.add_argument("--sizes", default="1000,10000,100000")
    p.add_argument("--shapes", default="varied,repeated")
    p.add_argument("--timeout", type=float, default=300)
    args = p.parse_args(argv)
    if not os.path.isfile(args.binary):
        print(f"scaling: no placemap binary at {args.binary}", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'shape':<11} {'size':>9} {'bytes':>10} {'seconds':>9} {'growth':>8}  events out")
    with tempfile.TemporaryDirectory() as work:
        for shape in args.shapes.split(","):
            previous = None
            for n in sizes:
                path = os.path.join(work, f"{shape}-{n}.txt")
                data = report(shape, n)
                with open(path, "wb") as f:
                    f.write(data)
                r = runner.run(os.path.abspath(args.binary), ["extract", path], work, args.timeout)
                if r.timed_out:
                    print(f"{shape:<11} {n:>9} {len(data):>10} {'> ' + format(args.timeout, 'g'):>9} {'':>8}  (stopped)",
                          flush=True)
                    break  # a larger size would only take longer
                growth = f"x{r.seconds / previous:.1f}" if previous else ""
                events = r.stdout.count(b"\n")
                print(f"{shape:<11} {n:>9} {len(data):>10} {r.seconds:>9.2f} {growth:>8}  {events} (exit {r.returncode})",
                      flush=True)
                previous = r.seconds
    return 0


if __name__ == "__main__":
    sys.exit(main())
