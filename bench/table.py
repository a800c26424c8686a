"""The benchmark table as it is printed (markdown), and the figures the targets are checked against."""

from __future__ import annotations


def row(*cells: object) -> str:
    """One line of the printed table."""
    return "| " + " | ".join(str(c) for c in cells) + " |"


class Figures:
    """Prints each figure as a table row as soon as it is measured, and keeps it for the target checks."""

    def __init__(self) -> None:
        self.values: dict[str, float] = {}

    def add(self, size: str, stage: str, seconds: float, peak_mb: float | str = "", ratio: str = "") -> None:
        """Print one table row and remember its seconds (and peak MB) under 'size / stage'."""
        peak = round(peak_mb) if isinstance(peak_mb, float | int) else peak_mb
        print(row(size, stage, f"{seconds:.2f}", peak, ratio), flush=True)
        self.values[f"{size} / {stage}"] = seconds
        if isinstance(peak_mb, float | int):
            self.values[f"{size} / {stage} / MB"] = peak_mb
