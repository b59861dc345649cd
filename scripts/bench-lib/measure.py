"""The measurements: a client's screens in tmux, and timed runs of non-interactive commands.

Runs alternate between clients (run 1 of each, then run 2 of each...), so that a slow spell on
the machine spreads over all of them instead of landing on one.
"""
import os
import subprocess
import time
from collections import namedtuple

from config import COMMAND_TIMEOUT, FIRST_SCREEN_TIMEOUT, LAST_ITEM_TIMEOUT, log
from procs import alive, tree_hwm_mib
from results import Row

END_KEY_EVERY = 0.025  # seconds between End key presses while waiting for the last item

# How each client is run in the pane: argv, its End key(s), its quit keys, its Home key(s).
Interactive = namedtuple("Interactive", "argv end_keys quit_keys home_keys")


def interactive_clients(warren: str, url: str) -> dict:
    return {
        "warren": Interactive([warren, url], ["G"], ["q"], ["g"]),
        "sacc": Interactive(["sacc", url], ["G"], ["q", "q"], ["g"]),  # for text: q quits less, then sacc
        "lynx": Interactive(["lynx", "-nopause", url], ["End"], ["q", "y"], ["Home"]),
    }


def measure_screen(tmux, row: Row, client: Interactive, first: str, last) -> None:
    """One run: start the client in the pane, time the first screen showing `first`, then press
    End every 25 ms until `last` shows; peak RSS of the client (and any pager it started)."""
    started = time.monotonic()
    pid = tmux.start(client.argv)
    seen = tmux.wait_for(first, FIRST_SCREEN_TIMEOUT, pid)
    row.add("first_ms", (seen - started) * 1000 if seen else None)
    if last:
        press_end = (END_KEY_EVERY, lambda: [tmux.keys(k) for k in client.end_keys])
        done = tmux.wait_for(last, LAST_ITEM_TIMEOUT, pid, every=press_end) if seen else None
        row.add("last_ms", (done - started) * 1000 if done else None)
        row.add("end_ms", end_in_loaded_page(tmux, client, pid, first, last) if done else None)
    row.add("hwm", tree_hwm_mib(pid) if alive(pid) else None)
    if not seen:
        screen = tmux.capture().strip().splitlines()
        row.note("no first screen: " + (screen[-1][:60] if screen else "blank screen"))
    if not tmux.quit_client(pid, client.quit_keys):
        row.note("did not exit on " + "+".join(client.quit_keys) + " (killed)")


def end_in_loaded_page(tmux, client: Interactive, pid: int, first: str, last: str):
    """With the whole page loaded: back to the top, then one End; ms until `last` shows."""
    time.sleep(0.3)  # the load has ended by now
    for key in client.home_keys:
        tmux.keys(key)
    if not tmux.wait_for(first, FIRST_SCREEN_TIMEOUT, pid):
        return None
    time.sleep(0.2)
    pressed = time.monotonic()
    for key in client.end_keys:
        tmux.keys(key)
    shown = tmux.wait_for(last, LAST_ITEM_TIMEOUT, pid)
    return (shown - pressed) * 1000 if shown else None


def screen_benchmark(tmux, warren: str, url: str, first: str, last, runs: int, names: list) -> list:
    """Rows for each named client: first screen, last item (if `last`), peak RSS."""
    clients = interactive_clients(warren, url)
    rows = {name: Row(name) for name in names}
    for run in range(runs):
        for name in names:
            log(f"bench:   {name} run {run + 1}/{runs}")
            measure_screen(tmux, rows[name], clients[name], first, last)
    return [rows[name] for name in names]


def parse_time_v(text: str) -> tuple:
    """(wall seconds, max RSS MiB) from /usr/bin/time -v output."""
    wall, rss = None, None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("Maximum resident set size (kbytes):"):
            rss = int(line.rsplit(":", 1)[1]) / 1024
        elif line.startswith("Elapsed (wall clock) time"):
            parts = [float(p) for p in line.rsplit(" ", 1)[1].split(":")]
            wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    return wall, rss


Timed = namedtuple("Timed", "returncode wall rss stderr")


def timed_run(argv: list, timeout: float = COMMAND_TIMEOUT) -> Timed:
    """Runs argv under /usr/bin/time -v with stdout to /dev/null: wall seconds (ours, finer than
    time's), peak RSS in MiB, and stderr without time's report."""
    started = time.monotonic()
    with open(os.devnull, "w") as null:
        result = subprocess.run(["/usr/bin/time", "-v"] + argv, stdout=null, stderr=subprocess.PIPE,
                                text=True, timeout=timeout)
    wall = time.monotonic() - started
    _, rss = parse_time_v(result.stderr)
    report = result.stderr.find("\tCommand being timed:")
    return Timed(result.returncode, wall, rss, result.stderr[:report] if report >= 0 else result.stderr)


def record(row: Row, timed: Timed, size: int) -> bool:
    """Adds one run's wall time, throughput (`size` bytes) and peak RSS; False if it failed."""
    if timed.returncode != 0:
        row.add("wall_ms", None)
        message = (timed.stderr.strip().splitlines() or ["no message"])[0]
        row.note(f"failed (exit {timed.returncode}): {message[:80]}")
        return False
    row.add("wall_ms", timed.wall * 1000)
    row.add("mbps", size / timed.wall / 1e6)
    row.add("rss", timed.rss)
    return True


def command_benchmark(commands: dict, runs: int, size: int, before=None, check=None) -> list:
    """Rows for commands (name -> argv) that each fetch `size` bytes. `before()` runs before
    every run; `check(row)` after every run that succeeded."""
    rows = {name: Row(name) for name in commands}
    for run in range(runs):
        for name, argv in commands.items():
            log(f"bench:   {name} run {run + 1}/{runs}")
            if before:
                before()
            if record(rows[name], timed_run(argv), size) and check:
                check(rows[name])
    return list(rows.values())


def dump_benchmark(warren: str, url: str, runs: int, size: int, with_curl: bool) -> list:
    """The whole menu to /dev/null: `warren --dump` (parses and renders it) against curl (copies
    it): how much a client costs on top of the bytes."""
    commands = {"warren --dump": [warren, "--dump", url]}
    if with_curl:
        commands["curl"] = ["curl", "-s", "-o", os.devnull, url]
    return command_benchmark(commands, runs, size)


def handshake_benchmark(warren: str, tls_url: str, plain_url: str, certificate: str, runs: int, size: int) -> list:
    """A one-item menu over TLS and in clear, warren --dump and curl: the whole command, so the
    difference between the TLS and plain rows is what the handshake costs each client."""
    commands = {
        "warren --dump (TLS)": ["env", f"SSL_CERT_FILE={certificate}", warren, "--dump", tls_url],
        "curl (TLS)": ["curl", "-s", "--cacert", certificate, "-o", os.devnull, tls_url],
        "warren --dump (plain)": [warren, "--dump", plain_url],
        "curl (plain)": ["curl", "-s", "-o", os.devnull, plain_url],
    }
    return command_benchmark(commands, runs, size)


def save_benchmark(warren: str, url: str, folder: str, runs: int, source: str, with_curl: bool,
                   certificate: str = None) -> list:
    """Saving `source` as served: warren --output against curl -o, and curl -o plus sync (warren
    fsyncs before it links the file into place; plain curl does not). Over TLS, both trust
    `certificate` alone."""
    target = os.path.join(folder, "saved.bin")
    trust = ["env", f"SSL_CERT_FILE={certificate}"] if certificate else []
    cacert = ["--cacert", certificate] if certificate else []
    commands = {"warren --output": trust + [warren, "--output", target, url]}
    if with_curl:
        commands["curl -o"] = ["curl", "-s"] + cacert + ["-o", target, url]
        curl = " ".join(["curl", "-s"] + cacert)
        commands["curl -o; sync FILE"] = ["sh", "-c", curl + ' -o "$1" "$2" && sync "$1"', "sh", target, url]

    def fresh_start():
        if os.path.exists(target):
            os.unlink(target)
        os.sync()  # start each run with no earlier run's writeback in flight

    def same_bytes(row):
        same = subprocess.run(["cmp", "-s", source, target], timeout=60).returncode == 0
        row.note("identical (cmp)" if same else "DIFFERS from the served file")

    try:
        return command_benchmark(commands, runs, os.path.getsize(source), fresh_start, same_bytes)
    finally:
        if os.path.exists(target):
            os.unlink(target)
