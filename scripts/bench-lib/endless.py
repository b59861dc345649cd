"""The endless benchmark: do clients stay in bounded memory against a server that never stops?

warren --dump runs once and must stop by itself at its memory limit. Then each client runs in
tmux for 10 s while its RSS is sampled; warren goes on until its status bar says "too large"
(at most 60 s in all) and two seconds more, to show that its memory levels off there.
"""
import time

from config import log
from measure import timed_run
from procs import alive, stop_tree, tree_hwm_mib, tree_rss_mib
from results import Row

MEMORY_LIMIT = 256 << 20  # Warren's in-memory limit (FetchOptions.defaultMemoryLimit)
WATCH_SECONDS = 10
LIMIT_WAIT_SECONDS = 60
RSS_CAP_MIB = 4096  # never let a peer eat the machine
SAMPLE_EVERY = 0.1


def dump_row(warren: str, url: str) -> Row:
    log("bench:   warren --dump")
    row = Row("warren --dump (1 run)")
    timed = timed_run([warren, "--dump", url])
    row.add("wall_ms", timed.wall * 1000)
    row.add("rss", timed.rss)
    row.add("mbps", MEMORY_LIMIT / timed.wall / 1e6 if timed.returncode == 1 else None)
    message = next((l for l in timed.stderr.splitlines() if l.startswith("warren:")), "(no message)")
    row.note(f"exit {timed.returncode}: {message.replace('warren: ', '')}")
    return row


class Watch:
    """One client running in the pane: its RSS samples over time, and (for warren) when its
    status bar first said "too large"."""

    def __init__(self, tmux, argv: list, watch_status_bar: bool):
        self.tmux = tmux
        self.watch_status_bar = watch_status_bar
        self.pid = tmux.start(argv)
        self.started = time.monotonic()
        self.samples = []  # (seconds, RSS MiB)
        self.limit_at = None  # seconds

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def sample_until(self, seconds: float, stop_at_limit: bool = False):
        """Samples RSS every 0.1 s until `seconds` after the start; a problem, or None."""
        while self.elapsed() < seconds and alive(self.pid):
            self.samples.append((self.elapsed(), tree_rss_mib(self.pid)))
            if self.samples[-1][1] > RSS_CAP_MIB:
                return "RSS passed 4 GiB, stopped early"
            if self.watch_status_bar and self.limit_at is None and "too large" in self.tmux.last_row():
                self.limit_at = self.elapsed()
            if stop_at_limit and self.limit_at is not None:
                return None
            time.sleep(SAMPLE_EVERY)
        return None

    def peak_mib(self):
        return tree_hwm_mib(self.pid) if alive(self.pid) else None

    def rss_summary(self) -> str:
        at_one = next((r for t, r in self.samples if t >= 1), self.samples[-1][1])
        return f"RSS {at_one:,.0f} MiB at 1 s, {self.samples[-1][1]:,.0f} MiB at {self.samples[-1][0]:.0f} s"


def fixed_time_row(watch: Watch, name: str) -> Row:
    row = Row(f"{name} in tmux, {WATCH_SECONDS} s")
    problem = watch.sample_until(WATCH_SECONDS)
    row.add("rss", watch.peak_mib())
    if problem:
        row.note(problem)
    if watch.samples:
        row.note(watch.rss_summary())
    return row


def limit_row(watch: Watch) -> Row:
    """Warren from the 10 s mark until its limit, then 2 s more; Esc and q must still work."""
    row = Row("warren in tmux, at the limit")
    if watch.limit_at is None:
        log(f"bench:   warren in tmux until the memory limit (at most {LIMIT_WAIT_SECONDS} s)")
        watch.sample_until(LIMIT_WAIT_SECONDS, stop_at_limit=True)
    if watch.limit_at is not None:
        watch.sample_until(max(watch.limit_at, watch.samples[-1][0]) + 2)  # does memory stay level?
        row.add("wall_ms", watch.limit_at * 1000)
        row.add("mbps", MEMORY_LIMIT / watch.limit_at / 1e6)
        row.note(f"status bar: “{watch.tmux.last_row()}”")
        row.note(f"RSS {watch.samples[-1][1]:,.0f} MiB at {watch.samples[-1][0]:.0f} s")
    else:
        row.add("wall_ms", None)
        row.note(f"no “too large” within {LIMIT_WAIT_SECONDS} s")
    row.add("rss", watch.peak_mib())
    watch.tmux.keys("Escape")
    time.sleep(0.3)
    exited = watch.tmux.quit_client(watch.pid, ["q"])
    row.note("Esc, q: exited" if exited else "did not exit on Esc, q (killed)")
    return row


def endless_benchmark(tmux, warren: str, url: str, names: list) -> list:
    rows = [dump_row(warren, url)]
    for name in names:
        log(f"bench:   {name} in tmux for {WATCH_SECONDS} s")
        is_warren = name == "warren"
        watch = Watch(tmux, [warren, url] if is_warren else ["sacc", url], watch_status_bar=is_warren)
        row = fixed_time_row(watch, name)
        rows.append(row)
        if is_warren:
            row.note(f"status bar: “{tmux.last_row()}”")
            rows.append(limit_row(watch))
        else:
            stop_tree(watch.pid)
            row.note(f"killed by pid after {WATCH_SECONDS} s")
    return rows
