"""Time each pipeline stage on one file in a fresh process: python -m bench.stages FILE -> JSON lines."""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from analysis.export import to_xlsx_bytes
from analysis.groups import recommend
from analysis.loading import load_workbooks
from analysis.pipeline import place_needs
from analysis.privacy import mask_contacts
from analysis.reading import read_file
from analysis.topics import cluster_needs


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(stage: str, work: Callable[[], Any]) -> Any:
    """Run one stage, print its seconds and the peak memory so far as a JSON line, return its result."""
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    print(json.dumps({"stage": stage, "seconds": round(seconds, 3), "peak_mb": round(peak_mb())}), flush=True)
    return result


def main(path: Path) -> None:
    """Run read, map and clean, classify, cluster, recommend and the .xlsx download on one file."""
    data = path.read_bytes()
    workbook = timed("read", lambda: read_file(data, path.name))
    load = timed("map and clean", lambda: load_workbooks([workbook]))
    needs = timed("classify", lambda: place_needs(load.frame))
    topics = timed("cluster", lambda: cluster_needs(needs))
    timed("recommend", lambda: recommend(needs.join(topics.assignments), topics))
    timed("download .xlsx", lambda: to_xlsx_bytes({"Responses": mask_contacts(load.frame)}, None))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
