"""Command line: python -m analysis {load,sectors,classify,topics,recommend} ..."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis.errors import InputError
from analysis.export import download_name, to_csv_bytes, to_xlsx_bytes
from analysis.loading import UploadedFile, load_files
from analysis.models import LoadResult
from analysis.privacy import mask_contacts

# Each command imports the later stages it needs itself: `load` then starts without scikit-learn.


def read_paths(paths: list[str]) -> list[UploadedFile]:
    """Read the named files as (name, bytes), with a user message for a missing file."""
    files = []
    for name in paths:
        path = Path(name)
        if not path.is_file():
            raise InputError(f"{name}: no such file: check the path and try again")
        files.append((path.name, path.read_bytes()))
    return files


def load_summary(result: LoadResult) -> dict:
    """The JSON summary of a load: layout, sheets, row counts, mapping, confidence, unmapped columns."""
    mapping: dict[str, list[str]] = {}
    confidence: dict[str, float] = {}
    unmapped: list[str] = []
    for mapped in result.mappings:
        for field, match in mapped.matches.items():
            mapping.setdefault(field, [])
            if match.column not in mapping[field]:
                mapping[field].append(match.column)
            confidence[field] = round(min(confidence.get(field, 1.0), match.confidence), 2)
        unmapped += [column for column in mapped.unmapped_columns if column not in unmapped]
    layouts = list(dict.fromkeys(table.layout for table in result.tables))
    return {
        "layout": layouts[0] if len(layouts) == 1 else "mixed: " + ", ".join(layouts),
        "sheets": [
            {"file": t.file_name, "sheet": t.sheet_name, "layout": t.layout, "rows": len(t.frame)}
            for t in result.tables
        ],
        "rows_read": result.rows_read,
        "rows_kept": len(result.frame),
        "rows_set_aside": len(result.set_aside),
        "mapping": {field: " | ".join(columns) for field, columns in mapping.items()},
        "confidence": confidence,
        "unmapped_columns": unmapped,
        "notes": result.notes,
    }


def write_table(frame: pd.DataFrame, path: str, include_contacts: bool) -> str:
    """Write a table as safe CSV or XLSX (by extension), contacts masked unless asked for; return the path."""
    target = Path(path)
    if not include_contacts:
        frame = mask_contacts(frame)
    elif "WITH-CONTACT-DATA" not in target.name:
        target = target.with_name(download_name(target.stem, target.suffix.lstrip(".") or "csv", True))
    if target.suffix.lower() == ".xlsx":
        target.write_bytes(to_xlsx_bytes({"Responses": frame}, None))
    else:
        target.write_bytes(to_csv_bytes(frame))
    return str(target)


def cmd_load(args: argparse.Namespace) -> None:
    """Load exports and print what was recognised; optionally write the clean and set-aside rows."""
    result = load_files(read_paths(args.files))
    summary = load_summary(result)
    if args.out:
        summary["out"] = write_table(result.frame, args.out, args.include_contacts)
    if args.set_aside:
        summary["set_aside_out"] = write_table(result.set_aside, args.set_aside, args.include_contacts)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2, default=str))
        return
    print(f"Layout: {summary['layout']}")
    for sheet in summary["sheets"]:
        print(f"  {sheet['file']} / {sheet['sheet']}: {sheet['layout']}, {sheet['rows']} rows")
    counts = (summary["rows_read"], summary["rows_kept"], summary["rows_set_aside"])
    print("Rows read {}, kept {}, set aside {}".format(*counts))
    for field, column in summary["mapping"].items():
        print(f"  {field:<28} <- {column} ({summary['confidence'][field]:.2f})")
    for note in result.notes:
        print(f"Note: {note}")


def cmd_sectors(args: argparse.Namespace) -> None:
    """Print the sector taxonomy."""
    from analysis.taxonomy import taxonomy_records

    records = taxonomy_records()
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for record in records:
        print(f"{record['id']:<14} {record['name']:<32} CPV {', '.join(record['cpv_divisions'])}")


def cmd_classify(args: argparse.Namespace) -> None:
    """Classify one text per line of stdin; print one JSON object per line."""
    from analysis.classify import classify_texts

    texts = pd.Series([line.rstrip("\n") for line in sys.stdin], dtype="string")
    for row in classify_texts(texts).itertuples(index=False):
        division = None if pd.isna(row.cpv_division) else row.cpv_division
        print(
            json.dumps(
                {"sector": row.sector, "cpv_division": division, "confidence": round(row.confidence, 3)}
            )
        )


def cmd_topics(args: argparse.Namespace) -> None:
    """Print each sector with its clusters of needs."""
    from analysis.pipeline import analyse
    from analysis.taxonomy import sector_name

    clusters = analyse(read_paths(args.files)).topics.clusters
    records = [
        {
            "sector": sector,
            "name": sector_name(sector),
            "clusters": [
                {
                    "cluster": c.cluster,
                    "label": c.label,
                    "size": int(c.size),
                    "organisations": int(c.organisations),
                    "countries": list(c.countries),
                    "languages": list(c.languages),
                    "quotes": list(c.quotes),
                }
                for c in group.itertuples(index=False)
            ],
        }
        for sector, group in clusters.groupby("sector", sort=True)
    ]
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for record in records:
        print(f"{record['name']}")
        for c in record["clusters"]:
            print(
                f"  [{c['size']:>4}] {c['label']}  ({c['organisations']} org., {', '.join(c['countries'])})"
            )


def cmd_recommend(args: argparse.Namespace) -> None:
    """Print the recommended working groups and the candidates that are not feasible."""
    from analysis.groups import Rules, recommend, recommendation_json
    from analysis.pipeline import analyse
    from analysis.taxonomy import sector_name

    result = analyse(read_paths(args.files))
    defaults = Rules()
    rules = Rules(
        min_organisations=args.min_members or defaults.min_organisations,
        min_countries=args.min_countries or defaults.min_countries,
    )
    payload = recommendation_json(recommend(result.needs, result.topics, k=args.groups, rules=rules))
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for rank, group in enumerate(payload["groups"], start=1):
        print(f"{rank}. {group['label']} ({sector_name(group['sector'])}), score {group['score']:.2f}")
        print(f"   {group['rationale']}")
    for item in payload["not_feasible"]:
        print(f"Not feasible: {item['label']}: {item['lacks']}")


def parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    top = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    load = sub.add_parser("load", help="read exports into one clean table")
    load.add_argument("files", nargs="+")
    load.add_argument("--json", action="store_true")
    load.add_argument("--out", help="write the clean table (.csv or .xlsx)")
    load.add_argument("--set-aside", help="write the rows set aside, with reasons (.csv or .xlsx)")
    load.add_argument("--include-contacts", action="store_true", help="do not mask names, e-mails, phones")
    load.set_defaults(run=cmd_load)
    sectors = sub.add_parser("sectors", help="print the sector taxonomy")
    sectors.add_argument("--json", action="store_true")
    sectors.set_defaults(run=cmd_sectors)
    sub.add_parser("classify", help="classify one text per line of stdin").set_defaults(run=cmd_classify)
    topics = sub.add_parser("topics", help="print sectors with their clusters of needs")
    topics.add_argument("files", nargs="+")
    topics.add_argument("--json", action="store_true")
    topics.set_defaults(run=cmd_topics)
    rec = sub.add_parser("recommend", help="recommend working groups")
    rec.add_argument("files", nargs="+")
    rec.add_argument("--groups", type=int, default=4)
    rec.add_argument(
        "--min-members",
        type=int,
        help="at least this many organisations (default: the rule in analysis.groups)",
    )
    rec.add_argument(
        "--min-countries",
        type=int,
        help="from at least this many countries (default: the rule in analysis.groups)",
    )
    rec.add_argument("--json", action="store_true")
    rec.set_defaults(run=cmd_recommend)
    return top


def main(argv: list[str] | None = None) -> int:
    """Run one command; a problem with the input prints one line on stderr and exits 2."""
    args = parser().parse_args(argv)
    run: Callable[[argparse.Namespace], None] = args.run
    try:
        run(args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
