"""Writing a case into a folder and running it there: the files, a gazetteer copy when the case
replaces the control table, the run, its findings (with the probe of a silent success)."""

import os
import shutil
from dataclasses import dataclass

from . import classify
from . import runner


@dataclass
class Settings:
    """How cases run."""
    binary: str
    gazetteer: str      # the repository's Gazetteer/ folder
    timeout: float
    memory_mb: int


def write_files(case, folder: str) -> None:
    """Writes the case's files into `folder` (which must be empty)."""
    for rel, data in case.files.items():
        path = os.path.join(folder, rel)
        os.makedirs(os.path.dirname(path) or folder, exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)


def gazetteer_copy(case, folder: str, gazetteer: str) -> dict:
    """For a control-table case: `folder/gazetteer/` links every part of the real gazetteer but
    control/, which holds the case's file as control.csv. Returns the extra environment
    (PLACEMAP_GAZETTEER pointing there), empty for other cases."""
    if not case.gazetteer_control:
        return {}
    copy = os.path.join(folder, "gazetteer")
    os.makedirs(os.path.join(copy, "control"))
    for name in os.listdir(gazetteer):
        if name != "control":
            os.symlink(os.path.join(gazetteer, name), os.path.join(copy, name))
    shutil.copyfile(os.path.join(folder, case.gazetteer_control), os.path.join(copy, "control", "control.csv"))
    return {"PLACEMAP_GAZETTEER": copy}


def run_case(case, folder: str, settings: Settings, confirm_hangs: bool = True):
    """Runs `case` in the empty `folder`; returns (result, findings). A run stopped at the time limit is
    run once more (the machine may have been busy): only two timeouts in a row make a hang."""
    write_files(case, folder)
    env = gazetteer_copy(case, folder, settings.gazetteer)
    result = runner.run(settings.binary, case.argv, folder, settings.timeout, settings.memory_mb, env)
    if result.timed_out and confirm_hangs:
        if case.out:
            shutil.rmtree(os.path.join(folder, case.out), ignore_errors=True)
        result = runner.run(settings.binary, case.argv, folder, settings.timeout, settings.memory_mb, env)
    out = os.path.join(folder, case.out) if case.out else None
    found = classify.classify(result, case, out)
    if case.probe and result.returncode == 0 and not result.stderr.strip():
        probe = runner.run(settings.binary, case.probe, folder, settings.timeout, settings.memory_mb, env)
        if probe.returncode not in (0, None) and not probe.timed_out:
            reason = probe.stderr.decode("utf-8", "replace").strip().split("\n")[0]
            found.append(classify.Finding(
                "silent", "ignored-table", f"{case.command_name()}: a broken control table is ignored",
                f"exit 0 and nothing on stderr, while `{' '.join(case.probe)}` refuses the same table: {reason[:160]}"))
    return result, found
