"""Turning rows into the report: tables of results, tables of ratios (warren ÷ peer), a header."""
import datetime
from collections import namedtuple

import machine

Section = namedtuple("Section", "title headers rows")  # rows: lists of cell strings


def screen_columns(last: str = "last item (End)") -> list:
    """(header, metric, unit, digits) of a screen benchmark's table."""
    return [("first screen", "first_ms", "ms", 0), (last, "last_ms", "ms", 0),
            ("End when loaded", "end_ms", "ms", 0), ("peak RSS", "hwm", "MiB", 1)]


BASELINE_COLUMNS = [("first screen", "first_ms", "ms", 0), ("peak RSS", "hwm", "MiB", 1)]
COMMAND_COLUMNS = [("wall time", "wall_ms", "ms", 0), ("throughput", "mbps", "MB/s", 0), ("peak RSS", "rss", "MiB", 1)]

RATIO_TITLE = "Ratios: {subject} ÷ peer (median ÷ median; below 1× = warren faster or smaller)"


def results_section(title: str, rows: list, columns: list) -> Section:
    """A table with one row per client; columns: (header, metric, unit, digits)."""
    headers = ["client"] + [c[0] for c in columns] + ["notes"]
    cells = [[r.client] + [r.cell(metric, unit, digits) for _, metric, unit, digits in columns] + [r.notes_cell()]
             for r in rows]
    return Section(title, headers, cells)


def ratio(subject, peer, metric: str) -> str:
    a, b = subject.median(metric), peer.median(metric)
    return f"{a / b:.2f}×" if a is not None and b else "–"


def ratio_section(rows: list, metrics: list):
    """A compact table of the first row (warren) ÷ each other row: one line per (label, metric)."""
    if len(rows) < 2:
        return None
    subject, peers = rows[0], rows[1:]
    headers = ["metric", *("÷ " + peer.client for peer in peers)]
    cells = [[label] + [ratio(subject, peer, metric) for peer in peers] for label, metric in metrics]
    return Section(RATIO_TITLE.format(subject=subject.client), headers, cells)


def plain_table(headers: list, rows: list) -> str:
    widths = [max(len(str(r[i])) for r in [headers] + rows) for i in range(len(headers))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()
    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows])


def markdown_table(headers: list, rows: list) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |" for r in rows]
    return "\n".join(out)


def is_ratio(section: Section) -> bool:
    return section.title.startswith("Ratios:")


def print_header(started: datetime.datetime, runs: int, seconds: float, load_before: str, versions: list) -> None:
    print(f"Warren benchmarks — {started:%Y-%m-%d %H:%M %Z}")
    print(f"machine: {machine.describe()}")
    print(f"load average (1 min) before {load_before}, after {machine.loadavg()}: other work on the machine skews times")
    print(f"median of {runs} run(s), (min–max) in brackets; times include starting the client; "
          f"benchmarks took {seconds:.0f} s")
    for name, version in versions:
        print(f"  {name:9} {version}")


def print_sections(sections: list, markdown: bool) -> None:
    for section in sections:
        print()
        print(section.title)
        print(plain_table(section.headers, section.rows))
    if not markdown:
        return
    for section in sections:
        print()
        print(f"*{section.title}*" if is_ratio(section) else f"**{section.title}**")
        print()
        print(markdown_table(section.headers, section.rows))
