"""Failing cases on disk (`<findings>/<kind>/<hash>/`: the input files and case.json with the command
line) and their minimisation: lines, then bytes, are dropped from the mutated file while the run
still fails with the same signature."""

import hashlib
import json
import os
import shlex
import shutil
import tempfile
import time

from . import workspace
from .targets import Case


def case_hash(case) -> str:
    """A short hash of the command line and files (the folder name of a finding)."""
    h = hashlib.sha256(json.dumps(case.argv).encode())
    for rel in sorted(case.files):
        h.update(rel.encode("utf-8", "surrogatepass"))
        h.update(hashlib.sha256(case.files[rel]).digest())
    return h.hexdigest()[:12]


def command_line(case) -> str:
    """The command as a person would type it in the case folder."""
    env = "PLACEMAP_GAZETTEER=gazetteer " if case.gazetteer_control else ""
    return env + shlex.join(["placemap"] + case.argv)


def save(case, finding, result, root: str, minimised_from: int | None = None) -> str:
    """Writes the case into `root/<kind>/<hash>/` and returns that folder."""
    folder = os.path.join(root, finding.kind, case_hash(case))
    if os.path.isdir(folder):
        return folder
    os.makedirs(folder)
    for rel, data in case.files.items():
        path = os.path.join(folder, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    info = {
        "target": case.target, "argv": case.argv, "command": command_line(case), "primary": case.primary,
        "gazetteer_control": case.gazetteer_control, "out": case.out, "stdout_format": case.stdout_format,
        "invalid": case.invalid, "probe": case.probe, "mutations": case.mutations, "seed": case.seed,
        "index": case.index, "kind": finding.kind, "sub": finding.sub, "signature": finding.signature,
        "detail": finding.detail, "returncode": result.returncode, "seconds": round(result.seconds, 2),
        "primary_bytes": len(case.files.get(case.primary, b"")) if case.primary else None,
        "minimised_from_bytes": minimised_from,
    }
    with open(os.path.join(folder, "case.json"), "w", encoding="utf-8") as f:
        json.dump(info, f, indent=1, ensure_ascii=True)
        f.write("\n")
    with open(os.path.join(folder, "stderr.txt"), "wb") as f:
        f.write(result.stderr[:8192])
    return folder


def load(folder: str) -> Case:
    """The case of a finding folder (or of a committed case under Tests/Fuzz/cases/)."""
    with open(os.path.join(folder, "case.json"), encoding="utf-8") as f:
        info = json.load(f)
    files = {}
    for root, _, names in os.walk(folder):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), folder)
            if rel in ("case.json", "stderr.txt", "README.md"):
                continue
            with open(os.path.join(root, name), "rb") as f:
                files[rel] = f.read()
    case = Case(info["target"], info["argv"], files, info.get("primary"), info.get("mutations", []),
                info.get("invalid"), info.get("stdout_format"), info.get("out"), info.get("gazetteer_control"),
                info.get("probe"), info.get("seed", 0), info.get("index", 0))
    case.expected = info  # what the finding was, for replay
    return case


def _fails_alike(case, data: bytes, settings, finding, scratch: str) -> bool:
    trial = Case(**{k: v for k, v in case.__dict__.items() if k != "expected"})
    trial.files = dict(case.files)
    trial.files[case.primary] = data
    folder = tempfile.mkdtemp(dir=scratch)
    try:
        _, found = workspace.run_case(trial, folder, settings, confirm_hangs=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return any(f.signature == finding.signature for f in found)


def minimise(case, finding, settings, scratch: str, seconds: float) -> Case:
    """A smaller case failing with the same signature: whole lines dropped in halving chunks, then slices
    of a long line, then bytes (for files under 4 KB), within `seconds`. Files of 256 bytes or less are
    kept as they are; so are silent findings (their oracle is how the input was made, which shrinking
    could undo) and control characters in stderr (the message, not the file, is the finding). Hangs get
    a shorter time limit."""
    if not case.primary or len(case.files.get(case.primary, b"")) <= 256 or finding.kind == "silent" \
            or finding.sub == "stderr-control":
        return case
    deadline = time.monotonic() + seconds
    if finding.kind == "hang":
        settings = workspace.Settings(settings.binary, settings.gazetteer, min(settings.timeout, 5), settings.memory_mb)
    data = case.files[case.primary]

    def shrink(units: list) -> list:
        chunk = max(1, len(units) // 2)
        while chunk >= 1 and time.monotonic() < deadline:
            i, changed = 0, False
            while i < len(units) and time.monotonic() < deadline:
                candidate = units[:i] + units[i + chunk:]
                if candidate and _fails_alike(case, b"".join(candidate), settings, finding, scratch):
                    units, changed = candidate, True
                else:
                    i += chunk
            if not changed:
                if chunk == 1:
                    break
                chunk //= 2
        return units

    data = b"".join(shrink(data.splitlines(keepends=True)))
    if len(data) >= 4096:  # one long line: drop slices of it
        step = max(1, len(data) // 256)
        data = b"".join(shrink([data[i:i + step] for i in range(0, len(data), step)]))
    if len(data) < 4096:
        data = b"".join(shrink([data[i:i + 1] for i in range(len(data))]))
    smaller = Case(**{k: v for k, v in case.__dict__.items() if k != "expected"})
    smaller.files = dict(case.files)
    smaller.files[case.primary] = data
    return smaller
