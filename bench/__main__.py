"""make bench: generate data at 1k/10k/100k responses (and 1M CSV rows), time every stage, print ratios."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import ui
from sample_data.make_sample import write_benchmark_csv, write_benchmark_file

SIZES = (1_000, 10_000, 100_000)
CSV_ROWS = 1_000_000
ROOT = Path(__file__).resolve().parent.parent
TARGETS = {
    "read ratio at 100k (pandas+openpyxl / our load)": ">= 5",
    "whole pipeline 100k": "< 20 s, < 2048 MB",
    "whole pipeline 10k": "< 5 s",
    "download .xlsx 100k": "< 10 s",
    "page rerun after a filter change 100k": "< 0.5 s",
}


def run(command: list[str]) -> tuple[float, float, str]:
    """Run a command in a fresh process; return wall seconds, its peak memory in MB and its stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}")
    return seconds, usage.ru_maxrss / 1024, out


def row(*cells: object) -> str:
    """One line of the printed table."""
    return "| " + " | ".join(str(c) for c in cells) + " |"


def bench_size(n: int, folder: Path) -> list[str]:
    """All figures for one size: stages, whole pipeline, and reading against pandas with openpyxl."""
    path = folder / f"responses_{n}.xlsx"
    write_benchmark_file(n, path)
    lines = []
    _, _, out = run([sys.executable, "-m", "bench.stages", str(path)])
    for record in map(json.loads, out.splitlines()):
        lines.append(row(f"{n:,}", record["stage"], f"{record['seconds']:.2f}", record["peak_mb"], ""))
    whole, whole_mb, _ = run([sys.executable, "-m", "analysis", "recommend", str(path), "--json"])
    lines.append(row(f"{n:,}", "whole pipeline (CLI recommend)", f"{whole:.2f}", round(whole_mb), ""))
    ours, ours_mb, _ = run([sys.executable, "-m", "analysis", "load", str(path), "--json"])
    code = f"import pandas; pandas.read_excel({str(path)!r}, engine='openpyxl')"
    theirs, theirs_mb, _ = run([sys.executable, "-c", code])
    lines.append(row(f"{n:,}", "load command (CLI)", f"{ours:.2f}", round(ours_mb), ""))
    lines.append(
        row(
            f"{n:,}",
            "pandas.read_excel, openpyxl",
            f"{theirs:.2f}",
            round(theirs_mb),
            f"{theirs / ours:.1f}x",
        )
    )
    return lines


def write_million_row_csv(path: Path) -> Path:
    """1M response rows as one CSV: 100k generated rows, their body repeated (generating 1M takes minutes)."""
    write_benchmark_csv(CSV_ROWS // 10, path)
    header, body = path.read_bytes().split(b"\r\n", 1)
    path.write_bytes(header + b"\r\n" + body * 10)
    return path


def bench_csv(folder: Path) -> list[str]:
    """Reading 1M CSV rows: our reader (encoding and delimiter sniffed) against pandas.read_csv."""
    path = write_million_row_csv(folder / "responses_1m.csv")
    # 1M rows is ~400 MB, past the 50 MB upload limit that read_file enforces: time the CSV reader itself.
    ours_code = f"from analysis.reading import _read_text; _read_text(open({str(path)!r}, 'rb').read(), 'x')"
    ours, ours_mb, _ = run([sys.executable, "-c", ours_code])
    theirs, theirs_mb, _ = run([sys.executable, "-c", f"import pandas; pandas.read_csv({str(path)!r})"])
    return [
        row("1,000,000 CSV", "read (analysis.reading)", f"{ours:.2f}", round(ours_mb), ""),
        row("1,000,000 CSV", "pandas.read_csv", f"{theirs:.2f}", round(theirs_mb), f"{theirs / ours:.2f}x"),
    ]


def main() -> None:
    """Print the benchmark table (markdown, ready for README)."""
    print(row("responses", "stage", "seconds", "peak MB", "baseline / ours"))
    print(row("---:", "---", "---:", "---:", "---:"))
    with tempfile.TemporaryDirectory() as tmp:
        for n in SIZES:
            for line in bench_size(n, Path(tmp)):
                print(line, flush=True)
        for line in bench_csv(Path(tmp)):
            print(line, flush=True)
    ui.main()
    print("\nTargets: " + "; ".join(f"{k}: {v}" for k, v in TARGETS.items()))


if __name__ == "__main__":
    main()
