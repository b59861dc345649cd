"""The benchmark blocks (menu, text, save, endless): each runs its measurements and returns its
report sections, a results table then a ratios table."""
from dataclasses import dataclass

import content
from config import log
from endless import endless_benchmark
import servers
from suggest import HISTORY_ENTRIES, TYPED, suggest_benchmark
from measure import dump_benchmark, handshake_benchmark, save_benchmark, screen_benchmark
from report import BASELINE_COLUMNS, COMMAND_COLUMNS, ratio_section, results_section, screen_columns
from tools import have

BLOCKS = ("menu", "text", "save", "tls", "suggest", "endless")


def screen_ratios(last: str = "last item (End)") -> list:
    """(label, metric) of a screen benchmark's ratios."""
    return [("first screen", "first_ms"), (last, "last_ms"), ("End when loaded", "end_ms"), ("peak RSS", "hwm")]


BASELINE_RATIOS = [("first screen", "first_ms"), ("peak RSS", "hwm")]
COMMAND_RATIOS = [("wall time", "wall_ms"), ("peak RSS", "rss")]


@dataclass
class Bench:
    """What every block needs: the client, the servers, the pane, the peers found, where to write."""
    warren: str
    server: object  # servers.Server with the generated content
    endless: object  # servers.Server that never stops
    tmux: object
    peers: list  # sacc, lynx: those installed
    runs: int
    folder: str
    root: str
    home: str  # the clients' HOME

    def clients(self) -> list:
        return ["warren"] + self.peers


def with_ratios(results, rows: list, metrics: list) -> list:
    """The results table, then warren's ratios to the other rows (if any ran)."""
    ratios = ratio_section(rows, metrics)
    return [results] + ([ratios] if ratios else [])


def menu_block(b: Bench) -> list:
    log("bench: baseline (one-item menu)")
    rows = screen_benchmark(b.tmux, b.warren, b.server.url("1", content.SMALL_MENU), content.FIRST_ITEM, None,
                            b.runs, b.clients())
    sections = with_ratios(results_section("0. Baseline: a one-item menu (start-up time and resident size)",
                                           rows, BASELINE_COLUMNS), rows, BASELINE_RATIOS)
    log(f"bench: {content.MENU_ITEMS:,}-item menu")
    url = b.server.url("1", content.BIG_MENU)
    rows = screen_benchmark(b.tmux, b.warren, url, content.FIRST_ITEM, content.LAST_ITEM, b.runs, b.clients())
    size = content.menu_wire_bytes(b.root)
    sections += with_ratios(results_section(f"1. First screen of a {content.MENU_ITEMS:,}-item menu "
                                            f"({size / 1e6:.1f} MB gophermap)", rows, screen_columns()),
                            rows, screen_ratios())
    log(f"bench: {content.MENU_ITEMS:,}-item menu to /dev/null")
    rows = dump_benchmark(b.warren, url, b.runs, size, have("curl"))
    sections += with_ratios(results_section(f"1b. The whole {content.MENU_ITEMS:,}-item menu to /dev/null: "
                                            "warren --dump against curl", rows, COMMAND_COLUMNS),
                            rows, COMMAND_RATIOS)
    return sections


def text_block(b: Bench) -> list:
    log("bench: 100 MiB text document")
    rows = screen_benchmark(b.tmux, b.warren, b.server.url("0", content.TEXT), content.FIRST_LINE,
                            content.LAST_LINE, b.runs, b.clients())
    title = f"2. First screen of a 100 MiB text document ({content.TEXT_LINES:,} lines)"
    results = results_section(title, rows, screen_columns("last line (End)"))
    sections = with_ratios(results, rows, screen_ratios("last line (End)"))
    log("bench: 100 MiB text document to /dev/null")
    rows = dump_benchmark(b.warren, b.server.url("0", content.TEXT), b.runs, content.TEXT_BYTES, have("curl"))
    sections += with_ratios(results_section("2b. The whole 100 MiB text document to /dev/null: "
                                            "warren --dump against curl", rows, COMMAND_COLUMNS),
                            rows, COMMAND_RATIOS)
    return sections


def save_block(b: Bench) -> list:
    log("bench: saving 512 MiB")
    source = b.root + content.BINARY
    rows = save_benchmark(b.warren, b.server.url("9", content.BINARY), b.folder, b.runs, source, have("curl"))
    results = results_section("3. Saving 512 MiB (random bytes, type 9) to disk", rows, COMMAND_COLUMNS)
    return with_ratios(results, rows, COMMAND_RATIOS)


def tls_block(b: Bench) -> list:
    """gophers:// through stunnel4 in front of the same server: the handshake, then 512 MiB."""
    if not (have("stunnel4") and have("openssl") and have("curl")):
        log("bench: tls skipped (stunnel4, openssl and curl are needed)")
        return []
    tls, certificate = servers.start_stunnel(b.server.port, b.folder)
    try:
        log("bench: one-item menu over TLS and in clear")
        rows = handshake_benchmark(b.warren, tls.url("1", content.SMALL_MENU), b.server.url("1", content.SMALL_MENU),
                                   certificate, max(b.runs, 5), 0)
        sections = with_ratios(results_section("3b. A one-item menu over TLS and in clear: the handshake's cost",
                                               rows, [("time", "wall_ms", "ms", 1), ("peak RSS", "rss", "MiB", 1)]),
                               rows, [("wall time", "wall_ms"), ("peak RSS", "rss")])
        log("bench: saving 512 MiB over TLS")
        source = b.root + content.BINARY
        rows = save_benchmark(b.warren, tls.url("9", content.BINARY), b.folder, b.runs, source, True, certificate)
        sections += with_ratios(results_section("3c. Saving 512 MiB over TLS (gophers://, stunnel4)", rows,
                                                COMMAND_COLUMNS), rows, COMMAND_RATIOS)
        return sections
    finally:
        tls.stop()


def suggest_block(b: Bench) -> list:
    log(f"bench: the o prompt's suggestions with {HISTORY_ENTRIES:,} visits in history")
    rows = suggest_benchmark(b.tmux, b.warren, b.home, b.runs)
    columns = [("key press to screen", "key_ms", "ms", 1), ("peak RSS", "hwm", "MiB", 1)]
    results = results_section(f"5. Typing \"{TYPED}\" in the o prompt: each key press until the screen shows it "
                              "with its suggestions (median of every key of every run)", rows, columns)
    return with_ratios(results, rows, [("key press to screen", "key_ms"), ("peak RSS", "hwm")])


def endless_block(b: Bench) -> list:
    log("bench: endless menu")
    names = ["warren"] + [p for p in b.peers if p == "sacc"]
    rows = endless_benchmark(b.tmux, b.warren, b.endless.url("1", "/endless"), names)
    columns = [("time", "wall_ms", "ms", 0), ("throughput", "mbps", "MB/s", 1), ("peak RSS", "rss", "MiB", 1)]
    results = results_section("4. Endless menu stream (info lines, never ends)", rows, columns)
    for cells, row in zip(results.rows, rows):
        if not row.values.get("wall_ms"):
            cells[1] = "10 s (fixed)"
    # Only the two 10 s rows compare: the same time in the same pane.
    ten_seconds = [r for r in rows if r.client.endswith("in tmux, 10 s")]
    return with_ratios(results, ten_seconds, [("peak RSS after 10 s", "rss")])


RUNNERS = {"menu": menu_block, "text": text_block, "save": save_block, "tls": tls_block, "suggest": suggest_block,
           "endless": endless_block}


def run_blocks(b: Bench, names: list, sections: list) -> None:
    """Appends each block's sections as it finishes, so a failure later keeps what was measured."""
    for name in names:
        sections += RUNNERS[name](b)
