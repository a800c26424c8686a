"""Load several exports into one clean canonical table: read -> recognise -> map -> clean -> supersede."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

import pandas as pd

from analysis.cleaning import clean_table, supersede_duplicates
from analysis.errors import InputError
from analysis.layouts import recognise
from analysis.models import CANONICAL_FIELDS, PROVENANCE_FIELDS, LoadResult, Mapping, Table, Workbook
from analysis.reading import read_file
from analysis.schema import map_columns
from analysis.taxonomy import sectors_of_labels

UploadedFile = tuple[str, bytes]
# Survey exports have tens to a few hundred columns (EUSurvey splits sheets at 254); thousands mean
# the sheet is something else, and matching every column would take minutes.
MAX_COLUMNS = 1000


def recognise_tables(workbooks: Iterable[Workbook]) -> tuple[list[Table], list[str]]:
    """Recognise the response table of every visible sheet of every workbook."""
    tables: list[Table] = []
    notes: list[str] = []
    for workbook in workbooks:
        file_name = workbook.file_name
        notes.extend(workbook.notes)
        found = 0
        for sheet in workbook.sheets:
            if sheet.state != "visible":
                continue
            width = max((len(row) for row in sheet.rows), default=0)
            if width > MAX_COLUMNS:
                raise InputError(
                    f"{file_name}, sheet '{sheet.name}': {width:,} columns, more than a survey export has "
                    f"(at most {MAX_COLUMNS:,}): export only the questions, or remove unused columns."
                )
            table = recognise(sheet, file_name)
            if table is None:
                if any(any(cell is not None for cell in row) for row in sheet.rows):
                    notes.append(f"{file_name}, sheet '{sheet.name}': no table of responses found; not read.")
                continue
            tables.append(table)
            notes.extend(table.notes)
            found += 1
        if not found:
            raise InputError(
                f"{file_name}: no sheet holds a table of responses (a header row followed by answers). "
                "Check that you exported the responses, not a summary or chart."
            )
    return tables, notes


def has_column(table: Table, column: str) -> bool:
    """Whether a table has this column or multi-select question."""
    return column in table.frame.columns or column in table.option_columns


def overrides_for(table: Table, overrides: dict[str, str]) -> dict[str, str]:
    """The user's choices that concern this table: unmapped fields, and columns this table has."""
    return {field: column for field, column in overrides.items() if not column or has_column(table, column)}


def ticked_sector_ids(labels: pd.Series) -> pd.Series:
    """Turn lists of ticked option labels into lists of sector ids, keeping the order and dropping repeats."""
    ticked = [tuple(items) if isinstance(items, list) else () for items in labels]
    combinations = set(ticked)  # rows repeat a few hundred combinations of ticks
    distinct = list(dict.fromkeys(chain.from_iterable(combinations)))
    lookup = dict(zip(distinct, sectors_of_labels(distinct), strict=True))
    ids = {items: list(dict.fromkeys(filter(None, map(lookup.get, items)))) for items in combinations}
    return pd.Series([list(ids[items]) for items in ticked], index=labels.index, dtype=object)


def load_files(files: Iterable[UploadedFile], overrides: dict[str, str] | None = None) -> LoadResult:
    """Load one or more exports; every data row ends in `frame` or in `set_aside` with a reason."""
    return load_workbooks([read_file(data, name) for name, data in files], overrides)


def load_workbooks(workbooks: list[Workbook], overrides: dict[str, str] | None = None) -> LoadResult:
    """Map and clean workbooks already read into one canonical table plus the rows set aside."""
    tables, notes = recognise_tables(workbooks)
    mappings: list[Mapping] = [map_columns(table, overrides_for(table, overrides or {})) for table in tables]
    unknown = {f: c for f, c in (overrides or {}).items() if c and not any(has_column(t, c) for t in tables)}
    if unknown:
        field, column = next(iter(unknown.items()))
        raise InputError(
            f"No uploaded file has a column '{column}' (chosen for {field}): pick one from the list."
        )
    cleaned, set_aside = [], []
    for table, mapping in zip(tables, mappings, strict=True):
        kept, aside = clean_table(table, mapping)
        cleaned.append(kept)
        set_aside.append(aside)
    frame = pd.concat(cleaned, ignore_index=True) if cleaned else pd.DataFrame(columns=[*CANONICAL_FIELDS])
    frame, superseded = supersede_duplicates(frame)
    set_aside.append(superseded)
    aside = pd.concat(set_aside, ignore_index=True)
    frame = frame.assign(sector_labels=frame["sectors"], sectors=ticked_sector_ids(frame["sectors"]))
    ordered = [*CANONICAL_FIELDS, *PROVENANCE_FIELDS]
    frame = frame[ordered + [c for c in frame.columns if c not in ordered]]
    return LoadResult(
        frame=frame.reset_index(drop=True),
        set_aside=aside.reset_index(drop=True),
        tables=tables,
        mappings=mappings,
        notes=notes,
        rows_read=sum(len(t.frame) for t in tables),
    )
