"""Extract the part of the CPV 2008 code list the product needs into cpv_labels.tsv.gz (run once, committed).

Usage: python analysis/data/make_cpv_subset.py [path/to/cpv_2008.tsv]
The default source is the shared copy described in ../shared/cpv/README.md; the output is deterministic
(gzip header without a timestamp), so running it again gives the same bytes.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[3] / "shared" / "cpv" / "cpv_2008.tsv"
TARGET = Path(__file__).resolve().parent / "cpv_labels.tsv.gz"
# The survey languages that CPV covers (Norwegian is not a CPV language: the sector lexicons cover it).
LANGUAGES = ("en", "sv", "de", "fr", "es", "it", "pl", "nl", "fi", "da", "pt")
COLUMNS = ("code", "division", *LANGUAGES)


def subset_rows(source: Path) -> list[list[str]]:
    """Rows of code, division and the labels in LANGUAGES, in code order, with plain spaces."""
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        rows = [[row[column].replace("\u00a0", " ").strip() for column in COLUMNS] for row in reader]
    return sorted(rows)


def write_subset(rows: list[list[str]], target: Path) -> None:
    """Write the rows as a gzipped TSV with a header, byte for byte reproducible."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    with target.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as packed:
        packed.write(text.getvalue().encode("utf-8"))


if __name__ == "__main__":
    write_subset(subset_rows(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE), TARGET)
    print(f"wrote {TARGET}")
