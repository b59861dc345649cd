"""Collecting results: the numbers each run measured for one client, and showing them as cells."""
import statistics


class Row:
    """One client's results: metric -> one value per run (None: failed or timed out), and notes."""

    def __init__(self, client: str):
        self.client = client
        self.values = {}
        self.notes = []

    def add(self, metric: str, value) -> None:
        self.values.setdefault(metric, []).append(value)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def good(self, metric: str) -> list:
        return [v for v in self.values.get(metric, []) if v is not None]

    def median(self, metric: str):
        good = self.good(metric)
        return statistics.median(good) if good else None

    def cell(self, metric: str, unit: str, digits: int = 0) -> str:
        """The median with its unit; for times also (min–max); and how many runs failed."""
        values = self.values.get(metric, [])
        good = self.good(metric)
        if not values:
            return "–"
        if not good:
            return "timeout" if metric.endswith("_ms") else "n/a"
        text = f"{statistics.median(good):,.{digits}f} {unit}"
        if len(good) > 1 and metric.endswith("_ms"):
            text += f" ({min(good):,.{digits}f}–{max(good):,.{digits}f})"
        if len(good) < len(values):
            text += f" [{len(values) - len(good)} of {len(values)} timed out]"
        return text

    def notes_cell(self) -> str:
        return "; ".join(self.notes)
