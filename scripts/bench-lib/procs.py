"""Reading /proc for memory and liveness, and stopping processes by pid (never by name)."""
import os
import signal
import subprocess
import time

MAX_TREE_DEPTH = 6


def proc_status(pid: int) -> dict:
    """The fields of /proc/PID/status, or {} if the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            return dict(line.rstrip("\n").split(":\t", 1) for line in f if ":\t" in line)
    except OSError:
        return {}


def kib(field: str) -> int:
    """The number in a /proc status field such as "1234 kB"."""
    return int(field.split()[0]) if field else 0


def descendants(pid: int, depth: int = 0) -> list:
    """pid and all its descendants (through /proc/PID/task/TID/children), a few levels deep."""
    result = [pid]
    if depth > MAX_TREE_DEPTH:
        return result
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                for child in f.read().split():
                    result += descendants(int(child), depth + 1)
    except OSError:
        pass
    return result


def tree_memory_mib(pid: int, field: str) -> float:
    """A memory field (VmHWM, VmRSS) summed over pid and its descendants, in MiB."""
    return sum(kib(proc_status(p).get(field, "")) for p in descendants(pid)) / 1024


def tree_hwm_mib(pid: int) -> float:
    """Peak RSS of pid plus its descendants (sacc's pager counts as sacc's), in MiB."""
    return tree_memory_mib(pid, "VmHWM")


def tree_rss_mib(pid: int) -> float:
    """Current RSS of pid plus its descendants, in MiB."""
    return tree_memory_mib(pid, "VmRSS")


def alive(pid: int) -> bool:
    """True while pid runs (zombies count as gone)."""
    state = proc_status(pid).get("State", "")
    return bool(state) and not state.startswith(("Z", "X"))


def wait_gone(pid: int, seconds: float) -> bool:
    """Waits at most `seconds` for pid to end; True if it did."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and alive(pid):
        time.sleep(0.02)
    return not alive(pid)


def stop_pid(pid: int, grace: float = 2.0) -> None:
    """SIGTERM, then SIGKILL after `grace` seconds; only this pid."""
    if pid <= 0 or not alive(pid):
        return
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    if not wait_gone(pid, grace):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def stop_tree(pid: int, grace: float = 1.0) -> None:
    """Stops pid and every descendant, children first (a pager, then the client)."""
    for p in reversed(descendants(pid)):
        stop_pid(p, grace)


def stop_popen(process) -> None:
    """Stops a process this script started with Popen, and reaps it."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=3)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=3)
