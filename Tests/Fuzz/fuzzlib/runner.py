"""Running the binary on one case, with a time limit and a memory limit, in its own process group."""

import os
import resource
import signal
import subprocess
import time
from dataclasses import dataclass

# The Swift runtime's crash reporter: on, but plain (no colour, no prompt) and short, so that a crash
# costs well under a second and its first PlaceMap frame can name the cause.
SWIFT_BACKTRACE = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,limit=24"


@dataclass
class Result:
    """What one run of the binary did."""
    returncode: int | None  # None when it was stopped at the time limit
    stdout: bytes
    stderr: bytes
    seconds: float
    timed_out: bool


def environment(extra: dict | None = None) -> dict:
    """The environment of every run: the caller's, a fixed locale and time zone, the crash reporter set
    up, plus `extra` (for example PLACEMAP_GAZETTEER)."""
    env = dict(os.environ)
    env.update({"LC_ALL": "C.UTF-8", "TZ": "UTC", "SWIFT_BACKTRACE": SWIFT_BACKTRACE})
    env.pop("PLACEMAP_GAZETTEER", None)
    if extra:
        env.update(extra)
    return env


def run(binary: str, argv: list, cwd: str, timeout: float, memory_mb: int = 0,
        env: dict | None = None, stdin: bytes | None = None) -> Result:
    """Runs `binary argv...` in `cwd`. At `timeout` seconds the whole process group gets SIGKILL and the
    result says timed_out. `memory_mb` > 0 caps the address space (RLIMIT_AS) so that a run that grows
    without bound fails instead of taking the machine."""
    start = time.monotonic()
    proc = subprocess.Popen([binary] + list(argv), cwd=cwd, env=environment(env),
                            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        try:
            resource.prlimit(proc.pid, resource.RLIMIT_AS, (limit, limit))
        except (ProcessLookupError, PermissionError, OSError):
            pass  # it already ended, or the platform refuses: the time limit still holds
    try:
        out, err = proc.communicate(input=stdin, timeout=timeout)
        return Result(proc.returncode, out, err, time.monotonic() - start, False)
    except subprocess.TimeoutExpired:
        kill_group(proc.pid)
        out, err = proc.communicate()
        return Result(None, out, err, time.monotonic() - start, True)


def kill_group(pid: int, sig: int = signal.SIGKILL) -> None:
    """Sends `sig` to the process group led by `pid` (started with start_new_session)."""
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        pass
