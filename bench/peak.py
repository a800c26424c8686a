"""python -m bench.peak COMMAND...: run a command, pass its output through, print its peak memory in MB on stderr.

Linux carries a process's peak resident memory across fork and exec, so a command started straight
from the benchmark (which holds the generated data) would report at least the benchmark's own peak.
Started from this small process instead, the command's figure is its own (plus this launcher's ~20 MB).
"""

from __future__ import annotations

import os
import subprocess
import sys

PREFIX = "peak MB: "


def main(command: list[str]) -> int:
    """Run the command; return its exit status after printing its peak memory on stderr."""
    proc = subprocess.Popen(command)
    _, status, usage = os.wait4(proc.pid, 0)
    print(f"{PREFIX}{usage.ru_maxrss / 1024:.0f}", file=sys.stderr)
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
