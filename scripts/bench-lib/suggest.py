"""The go-to prompt's suggestions with a large history: how long from a key press in the `o`
prompt until the screen shows it (the suggestions are ranked and drawn in that same frame),
with 10,000 visits in the history file and with none."""
import os
import shutil
import time

from config import log
from procs import tree_hwm_mib
from results import Row

HISTORY_ENTRIES = 10_000
TYPED = "phlog42"  # matches some of the generated titles, fuzzily many more


def write_history(home: str, entries: int) -> None:
    """`entries` distinct visits with titles, as warren writes them (URL, TAB, title)."""
    folder = os.path.join(home, ".local/state/warren")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    with open(os.path.join(folder, "history"), "w") as out:
        for number in range(entries):
            out.write(f"gopher://host{number % 97}.example/1/phlog/{number}\tPhlog entry {number} of host {number % 97}\n")


def suggest_benchmark(tmux, warren: str, home: str, runs: int) -> list:
    rows = []
    for entries in (HISTORY_ENTRIES, 0):
        row = Row(f"warren, {entries:,} visits in history")
        for run in range(runs):
            log(f"bench:   {row.client} run {run + 1}/{runs}")
            write_history(home, entries)
            pid = tmux.start([warren, "--no-restore"])
            try:
                if tmux.wait_for("Welcome to Warren", 10, pid) is None:
                    row.note("did not start")
                    continue
                tmux.keys("o")
                tmux.wait_for("Go to:", 5, pid)
                for count in range(1, len(TYPED) + 1):
                    sent = time.monotonic()
                    tmux.keys(TYPED[count - 1])
                    seen = tmux.wait_for("Go to: " + TYPED[:count], 5, pid)
                    row.add("key_ms", (seen - sent) * 1000 if seen else None)
                if entries:
                    screen = tmux.capture()
                    if "Phlog entry" not in screen:
                        row.note("no suggestion from history")
                row.add("hwm", tree_hwm_mib(pid))
            finally:
                tmux.quit_client(pid, ["Escape", "q"])
        rows.append(row)
    return rows
