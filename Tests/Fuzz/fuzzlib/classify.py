"""Sorting a run into findings: crash, hang, error-lines, injection, silent.

A finding carries a signature: a short text that stays the same for one cause (the fatal error and its
first PlaceMap source line, the message template of an error, the kind of injection), so that findings
can be counted once per cause and a minimised input can be checked to fail the same way."""

import re
from dataclasses import dataclass

from . import checks

KINDS = ("crash", "hang", "error-lines", "injection", "silent")

FATAL = re.compile(r"Fatal error: ([^\n]*)")
SOURCE_FRAME = re.compile(r" at \S*/(Sources/\S+?\.swift):(\d+)")
ERROR_PREFIXES = ("placemap: error: ", "Error: ")
QUOTED = re.compile(r"\"[^\"]*\"?|'[^']*'?|“[^”]*”?")
NUMBERS = re.compile(r"[+-]?\d+(\.\d+)?")
PATHISH = re.compile(r"\S+\.(txt|csv|jsonl|json|geojson|ndjson)(:\d+)?")


@dataclass
class Finding:
    """One way a run went wrong."""
    kind: str       # one of KINDS
    sub: str        # a finer name: signal, csv-formula, svg-xml, usage, ...
    signature: str  # the same for one cause
    detail: str     # what was seen, for people


def message_template(line: str) -> str:
    """An error line with its variable parts (quoted text, numbers, file names) folded, so that one
    message of the program counts once whatever the input."""
    for prefix in ERROR_PREFIXES + ("placemap: warning: ",):
        if line.startswith(prefix):
            line = line[len(prefix):]
    line = PATHISH.sub("FILE", line)
    line = QUOTED.sub("Q", line)
    line = NUMBERS.sub("N", line)
    return line[:90]


def crash_signature(stderr: str, returncode: int | None) -> tuple:
    """(sub-kind, signature) of a crash: the fatal error and the first PlaceMap frame when the runtime
    printed them, else the signal."""
    fatal = FATAL.search(stderr)
    frame = SOURCE_FRAME.search(stderr)
    where = f"{frame.group(1)}:{frame.group(2)}" if frame else "?"
    if fatal and frame:  # one source line is one cause, whatever value tripped it
        return "fatal-error", f"fatal error @ {where}"
    if fatal:
        return "fatal-error", f"{fatal.group(1).strip()[:100]}"
    if "allocate" in stderr or "out of memory" in stderr.lower():
        return "memory", f"memory exhausted @ {where}"
    if returncode is not None and returncode < 0:
        return f"signal-{-returncode}", f"signal {-returncode} @ {where}"
    return f"exit-{returncode}", f"exit status {returncode} @ {where}"


def is_crash(returncode: int | None, stderr: str) -> bool:
    """A signal, an exit status of 128 or more, or the Swift runtime's fatal error text."""
    if returncode is None:
        return False
    return returncode < 0 or returncode >= 128 or "Fatal error:" in stderr or "Program crashed" in stderr


def diagnostics(result, command: str) -> list:
    """Findings about stderr alone: an error that is not exactly one line, a warning broken over lines,
    raw control characters."""
    found = []
    text = result.stderr.decode("utf-8", "replace")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if result.returncode != 0:
        errors = [l for l in lines if not l.startswith("placemap: warning: ")]
        if len(errors) != 1 or not errors[0].startswith(ERROR_PREFIXES):
            sub = "usage" if any(l.startswith("Usage:") for l in errors) else (
                "no-message" if not errors else "multi-line")
            first = errors[0] if errors else "(nothing on stderr)"
            found.append(Finding("error-lines", sub, f"{command}: {sub}: {message_template(first)}",
                                 f"exit {result.returncode}, {len(errors)} error lines; first: {first[:160]!r}"))
    else:
        broken = [l for l in lines if not l.startswith("placemap: ")]
        if broken:
            found.append(Finding("error-lines", "warning-lines",
                                 f"{command}: warning-lines: {message_template(broken[0])}",
                                 f"exit 0 and a diagnostic line not starting 'placemap: ': {broken[0][:160]!r}"))
    for sub, _, detail in checks.stderr_controls(result.stderr):
        line = next((l for l in lines if checks.STDERR_CONTROL.search(l)), "")
        found.append(Finding("injection", sub, f"{command}: stderr-control: {message_template(line)}", detail))
    return found


def classify(result, case, out_dir: str | None) -> list:
    """Every finding of one run of `case` (see targets.Case); `out_dir` is the --out folder to check
    when the run succeeded."""
    command = case.command_name()
    stderr = result.stderr.decode("utf-8", "replace")
    if result.timed_out:
        return [Finding("hang", "timeout", f"{case.target}: {command}: timeout",
                        f"no exit within {result.seconds:.1f} s")]
    if is_crash(result.returncode, stderr):
        sub, signature = crash_signature(stderr, result.returncode)
        fatal = FATAL.search(stderr)
        detail = fatal.group(0) if fatal else (stderr.strip().split("\n")[0] or f"exit status {result.returncode}")
        return [Finding("crash", sub, signature, detail[:200])]
    found = diagnostics(result, command)
    if result.returncode == 0:
        if out_dir:
            for sub, key, detail in checks.map_folder(out_dir):
                key = re.sub(r"\d{4}-\d{2}-\d{2}", "DAY", key)
                found.append(Finding("injection", sub, f"{command}: {sub}: {key}", detail))
        if case.stdout_format == "csv":
            for sub, key, detail in checks.csv_formulas(result.stdout, "stdout"):
                found.append(Finding("injection", sub, f"{command}: {sub}: {key}", detail))
        if case.invalid and not result.stderr.strip():
            found.append(Finding("silent", "accepted", f"{command}: {case.invalid}",
                                 f"exit 0 and nothing on stderr for an input that is invalid: {case.invalid}"))
    return _dedup(found)


def _dedup(found: list) -> list:
    """One finding per signature (a CSV may hold many formula cells of one column)."""
    seen, out = set(), []
    for f in found:
        if f.signature not in seen:
            seen.add(f.signature)
            out.append(f)
    return out
